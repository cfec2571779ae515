/// How a result value appears in survkit's JSON beyond its stored
/// properties (see docs/json-output.md).
///
/// The JSON layer alone knows these things; the result types in the models
/// layer stay plain values. Conformances are in `Results+JSONShaped.swift`.
protocol JSONShaped {
    /// The `"analysis"` tag of this value's JSON object (`"cox"`,
    /// `"kaplan-meier"`, ...), or `nil` for a nested part that has none.
    var jsonAnalysis: String? { get }
    /// Keys (snake_case) left out of the JSON object when their value is
    /// `nil`, because the output has them only when asked for (`zph`,
    /// `residuals`, `summary_at`). Every other `nil` is written as `null`.
    static var keysOmittedWhenAbsent: Set<String> { get }
    /// Keys (snake_case) of stored properties the JSON does not carry
    /// (yet): properties renderers need (the confidence level of a Cox fit)
    /// that the published output has not had so far, kept out so the
    /// output stays as documented.
    static var keysNotWritten: Set<String> { get }
}

extension JSONShaped {
    var jsonAnalysis: String? { nil }
    static var keysOmittedWhenAbsent: Set<String> { [] }
    static var keysNotWritten: Set<String> { [] }
}
