/// A grouping of the used rows: a code per row (`0..<labels.count`) and the
/// label of each group, e.g. `"sex=1"` or `"site=scalp, grade=3"`.
///
/// Labels are `var=level`, joined by `", "` for several
/// variables; a single group with no variables is labelled `"all"`. Groups
/// are ordered as R orders the levels of `strata(...)` (first variable
/// slowest, levels in sorted order).
public struct Grouping: Sendable, Equatable, Codable {
    /// The group of each used row, `0..<labels.count`: four bytes a row (a
    /// grouping of 80 million rows is 320 MB, not 640), and for a categorical
    /// column whose levels are all used in order, the column's own codes.
    public var codes: [Int32]
    /// The label of each group.
    public var labels: [String]

    public init(codes: [Int32], labels: [String]) {
        self.codes = codes
        self.labels = labels
    }

    /// A grouping from codes computed as `Int`s (each must be below 2³¹).
    public init(codes: [Int], labels: [String]) {
        self.init(codes: codes.map { Int32(truncatingIfNeeded: $0) }, labels: labels)
    }

    /// The codes as `Int`s, for code that indexes with them directly (a copy
    /// at eight bytes a row: the counting passes over large frames read
    /// `codes` instead).
    public var intCodes: [Int] { codes.map { Int($0) } }

    /// Every row in one group labelled `"all"`.
    public static func single(count: Int) -> Grouping {
        Grouping(codes: [Int32](repeating: 0, count: count), labels: ["all"])
    }
}
