import SurvivalNumerics

/// Pearson's χ² test of independence of an r × c table of counts, without
/// continuity correction: R `chisq.test(x, g, correct = FALSE)`.
///
/// With the expected counts `E_ij = R_i C_j / n` (row and column totals), the
/// statistic is `Σ (O_ij − E_ij)² / E_ij` on `(r − 1)(c − 1)` degrees of
/// freedom. Rows or columns with a zero total are dropped first, as R's
/// `table()` of the complete pairs has none.
public enum ChiSquaredIndependenceTest {
    /// The test of `table` (rows × columns of counts); `p` is `nil` with fewer
    /// than two non-empty rows or columns (R: "'x' and 'y' must have at least 2 levels").
    public static func test(_ table: [[Int]]) -> GroupComparisonTest {
        let t = ContingencyTable.nonEmpty(table)
        let r = t.count, c = t.first?.count ?? 0
        guard r >= 2, c >= 2 else { return GroupComparisonTest(method: .chiSquared, p: nil) }
        let rows = t.map { Double($0.reduce(0, +)) }
        let columns = (0..<c).map { j in Double(t.reduce(0) { $0 + $1[j] }) }
        let n = rows.reduce(0, +)
        var statistic = 0.0
        for i in 0..<r {
            for j in 0..<c {
                let e = rows[i] * columns[j] / n
                statistic += (Double(t[i][j]) - e) * (Double(t[i][j]) - e) / e
            }
        }
        let df = Double((r - 1) * (c - 1))
        return GroupComparisonTest(
            method: .chiSquared, statistic: statistic, df: df, p: ChiSquared.upperTail(statistic, df: df))
    }

    /// The smallest expected count `R_i C_j / n` of `table` (`nil` for an empty
    /// table): gtsummary uses Fisher's test instead of χ² when it is below 5.
    public static func smallestExpected(_ table: [[Int]]) -> Double? {
        let t = ContingencyTable.nonEmpty(table)
        guard let c = t.first?.count, c > 0 else { return nil }
        let rows = t.map { Double($0.reduce(0, +)) }
        let columns = (0..<c).map { j in Double(t.reduce(0) { $0 + $1[j] }) }
        let n = rows.reduce(0, +)
        guard n > 0 else { return nil }
        return (rows.min() ?? 0) * (columns.min() ?? 0) / n
    }
}

/// Helpers on r × c tables of counts (arrays of rows).
enum ContingencyTable {
    /// `table` without its all-zero rows and columns.
    static func nonEmpty(_ table: [[Int]]) -> [[Int]] {
        let rows = table.filter { $0.contains { $0 > 0 } }
        guard let c = rows.first?.count else { return [] }
        let keep = (0..<c).filter { j in rows.contains { $0[j] > 0 } }
        return rows.map { row in keep.map { row[$0] } }
    }
}
