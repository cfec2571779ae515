/// Frequency-weighted input (`ModelFrameOptions.counts`, `--counts COL`):
/// each row stands for COL identical subjects.
///
/// A count is a whole number ≥ 0. The counts are read after the complete-case
/// rule (a missing count drops the row as `"missing: <column>"`, like any
/// missing value); a row with count 0 stands for no subject and is dropped as
/// `"zero count: <column>"` (not a missing value: `--strict` does not refuse
/// it); a negative, fractional, non-finite or non-numeric count is an error at
/// its line and column. The frames then carry the counts as their `weights`
/// (every weighted sum is the sum over the expanded rows) and as `counts`.
extension ModelFrameBuilder {
    /// The largest count accepted: counts are summed as exact integers in
    /// doubles, so the total stays below 2⁵³ for any realistic table.
    static let largestCount = 1e15

    /// The rows among `rows` whose count is not 0, their counts, and how many
    /// had a zero count. Throws at the first count that is not a whole number ≥ 0.
    func frequencyCounts(among rows: [Int]) throws -> (rows: [Int], counts: [Double], zero: Int) {
        guard let name = options.counts else { return (rows, [], 0) }
        if let weights = options.weights {
            throw CohortError(
                .invalidValue, file: cohort.fileName, column: name, columnPosition: cohort.position(of: name),
                message: "--counts \(name) and --weights \(weights) cannot be combined: counts say how many identical"
                    + " subjects a row stands for, case weights weigh each subject; expand the rows"
                    + " (or multiply the weights into separate rows) and give one of them")
        }
        let all = try numericColumn(name, as: "a count of subjects")
        var kept: [Int] = []
        var counts: [Double] = []
        kept.reserveCapacity(rows.count)
        counts.reserveCapacity(rows.count)
        var zero = 0
        for row in rows {
            let c = all[row]
            guard c.isFinite, c >= 0, c == c.rounded(), c <= Self.largestCount else {
                throw cohort.error(
                    .invalidValue, row: row, column: name,
                    "expected a count of subjects (a whole number ≥ 0: --counts \(name) says each row stands for"
                        + " that many identical subjects), found \(NumberFormatting.label(c)); correct the value,"
                        + " or leave out --counts if \"\(name)\" holds case weights (then use --weights \(name))")
            }
            if c == 0 {
                zero += 1
            } else {
                kept.append(row)
                counts.append(c)
            }
        }
        return (kept, counts, zero)
    }
}
