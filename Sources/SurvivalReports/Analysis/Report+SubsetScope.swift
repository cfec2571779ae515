extension Report {
    /// The warning of a report whose `subset` names columns the recurrences
    /// file lacks: the mean cumulative function then uses every interval.
    public static let mcfSubsetNotApplied =
        "Mean cumulative function: the subset was not applied (the recurrences file lacks its columns)"

    /// Whether the mean cumulative function section used the `subset` (its
    /// command then takes `--subset` too): there is a subset and the
    /// recurrences file has its columns.
    public var meanCumulativeFunctionUsesSubset: Bool {
        specification.subset != nil && meanCumulativeFunction != nil && !warnings.contains(Self.mcfSubsetNotApplied)
    }
}
