/// A grouping of the used rows: a code per row (`0..<labels.count`) and the
/// label of each group, e.g. `"sex=1"` or `"site=scalp, grade=3"`.
///
/// Labels are `var=level`, joined by `", "` for several
/// variables; a single group with no variables is labelled `"all"`. Groups
/// are ordered as R orders the levels of `strata(...)` (first variable
/// slowest, levels in sorted order).
public struct Grouping: Sendable, Equatable, Codable {
    /// The group of each used row, `0..<labels.count`.
    public var codes: [Int]
    /// The label of each group.
    public var labels: [String]

    public init(codes: [Int], labels: [String]) {
        self.codes = codes
        self.labels = labels
    }

    /// Every row in one group labelled `"all"`.
    public static func single(count: Int) -> Grouping {
        Grouping(codes: Array(repeating: 0, count: count), labels: ["all"])
    }
}
