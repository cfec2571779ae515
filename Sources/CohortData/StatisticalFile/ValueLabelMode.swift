/// What `StatisticalFileReader` makes of a variable with value labels
/// (Stata, SPSS): survkit's `--value-labels`.
public enum ValueLabelMode: String, Sendable, CaseIterable {
    /// A categorical column whose levels are the labels (a value without a
    /// label keeps its code as text, e.g. `3`), sorted in byte order as the
    /// CSV reader sorts text — R haven's `as_factor()` but with CSV's level
    /// order. Labels that only name missing values (Stata `.a`, SPSS
    /// user-missing codes) do not make a column categorical.
    case labels
    /// The stored numbers, as a numeric column (haven's `zap_labels()`).
    case codes
}
