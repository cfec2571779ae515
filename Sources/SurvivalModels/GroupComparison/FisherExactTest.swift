import Foundation
import SurvivalNumerics

/// Fisher's exact test of independence of an r × c table: R `fisher.test(x, g)`.
///
/// Given the row totals `R_i` and column totals `C_j`, a table has the
/// (multivariate hypergeometric) probability
///
///     P(table) = Π R_i! Π C_j! / (n! Π n_ij!),
///
/// and the two-sided p-value is the sum of the probabilities of every table
/// with the same margins that is no more probable than the observed one. As R
/// (both its 2 × 2 code and FEXACT) a table counts when
/// `P ≤ P_observed · (1 + 10⁻⁷)`, so that ties in exact arithmetic are not lost
/// to rounding.
///
/// The tables are enumerated directly, column after column: a column's counts
/// are a split of its total among the rows that still have room, the last row
/// of a column and the whole last column are then determined. (For 2 × 2 this
/// is the hypergeometric sum over the single free cell, R's method.) The table
/// is transposed first so that the longer side runs along the columns, which
/// keeps each column's splits few.
///
/// As in the network algorithm of R's FEXACT (Mehta & Patel 1983), the
/// tables that complete a partial one depend only on the multiset of the
/// rows' remaining totals, so the last two columns are enumerated once per
/// such multiset: their `Σ log n_ij!` values are kept sorted with suffix sums
/// of `exp(−Σ log n_ij!)`, and each partial table that reaches the node adds
/// the suffix above its threshold (a binary search) instead of re-enumerating.
/// R's FEXACT also prunes with bounds and stops when its workspace (200000)
/// is exhausted; here the work (tables enumerated, including those of the
/// cached nodes, plus partial tables reaching them) stops at `maxTables`, and
/// the p-value is then `nil` (R would ask for a larger `workspace` or
/// `simulate.p.value = TRUE`).
public enum FisherExactTest {
    /// The most work (tables and partial tables) before giving up: about a second
    /// in a release build. R's FEXACT also fails on such tables with its default
    /// workspace (e.g. a 3 × 5 table of 380 subjects: "FEXACT error 6").
    public static let maxTables = 5_000_000

    /// The test of `table` (rows × columns of counts); `p` is `nil` with fewer
    /// than two non-empty rows or columns, or when the enumeration is too large.
    public static func test(_ table: [[Int]], maxTables: Int = FisherExactTest.maxTables) -> GroupComparisonTest {
        var t = ContingencyTable.nonEmpty(table)
        guard t.count >= 2, let c = t.first?.count, c >= 2 else { return GroupComparisonTest(method: .fisher, p: nil) }
        if t.count > c { t = (0..<c).map { j in t.map { $0[j] } } }  // fewer rows than columns
        let rows = t.map { $0.reduce(0, +) }
        let columns = (0..<t[0].count).map { j in t.reduce(0) { $0 + $1[j] } }
        let n = rows.reduce(0, +)
        let logFactorial = (0...n).map { Gamma.logGamma(Double($0) + 1) }
        // log P = constant − Σ log n_ij!
        let constant = rows.reduce(0) { $0 + logFactorial[$1] } + columns.reduce(0) { $0 + logFactorial[$1] }
            - logFactorial[n]
        let observed = constant - t.reduce(0) { s, row in row.reduce(s) { $0 + logFactorial[$1] } }
        let threshold = observed + log1p(1e-7)

        var enumeration = Enumeration(
            columns: columns, logFactorial: logFactorial, constant: constant, threshold: threshold,
            maxTables: maxTables)
        var remaining = rows
        enumeration.column(0, remaining: &remaining, logSum: 0)
        guard !enumeration.exhausted else { return GroupComparisonTest(method: .fisher, p: nil) }
        return GroupComparisonTest(method: .fisher, p: Swift.min(1, enumeration.p))
    }

    /// The depth-first walk over the tables with the given margins.
    struct Enumeration {
        let columns: [Int]
        let logFactorial: [Double]
        let constant: Double
        let threshold: Double
        let maxTables: Int
        var p = 0.0
        var tables = 0
        var exhausted = false
        /// Per multiset of remaining row totals (sorted) when two columns are
        /// left: `Σ log n_ij!` of each completion, ascending, its minimum, and
        /// suffix sums of `exp(−(value − minimum))`.
        var completions: [[Int]: (values: [Double], suffix: [Double])] = [:]

        /// Fills column `j` (and the ones after it) given the room left in each row.
        mutating func column(_ j: Int, remaining: inout [Int], logSum: Double) {
            if exhausted { return }
            if j == columns.count - 2 {
                let node = lastTwoColumns(remaining.sorted())
                tables += 1
                if tables > maxTables { exhausted = true; return }
                // Completions count when constant − logSum − value ≤ threshold.
                let bound = constant - logSum - threshold
                var lo = 0, hi = node.values.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if node.values[mid] < bound { lo = mid + 1 } else { hi = mid }
                }
                if lo < node.values.count, let minimum = node.values.first {
                    p += exp(constant - logSum - minimum) * node.suffix[lo]
                }
                return
            }
            if j == columns.count - 1 {
                // The last column takes what every row has left.
                let logP = constant - remaining.reduce(logSum) { $0 + logFactorial[$1] }
                tables += 1
                if tables > maxTables { exhausted = true; return }
                if logP <= threshold { p += exp(logP) }
                return
            }
            cell(j, row: 0, left: columns[j], remaining: &remaining, logSum: logSum)
        }

        /// The completions of the last two columns for these remaining row totals (cached).
        mutating func lastTwoColumns(_ rows: [Int]) -> (values: [Double], suffix: [Double]) {
            if let known = completions[rows] { return known }
            var values: [Double] = []
            let total = columns[columns.count - 2]
            func fill(_ i: Int, left: Int, below: Int, logSum: Double) {
                if i == rows.count - 1 {
                    guard left <= rows[i] else { return }
                    values.append(logSum + logFactorial[left] + logFactorial[rows[i] - left])
                    return
                }
                let room = below - rows[i]
                for x in Swift.max(0, left - room)...Swift.min(left, rows[i]) {
                    fill(i + 1, left: left - x, below: room, logSum: logSum + logFactorial[x] + logFactorial[rows[i] - x])
                }
            }
            let all = rows.reduce(0, +)
            if total <= all { fill(0, left: total, below: all, logSum: 0) }
            values.sort()
            tables += values.count
            var suffix = [Double](repeating: 0, count: values.count + 1)
            if let minimum = values.first {
                for k in stride(from: values.count - 1, through: 0, by: -1) {
                    suffix[k] = suffix[k + 1] + exp(-(values[k] - minimum))
                }
            }
            let node = (values: values, suffix: suffix)
            completions[rows] = node
            return node
        }

        /// Chooses the count of row `i` in column `j`, with `left` of the column still to place.
        mutating func cell(_ j: Int, row i: Int, left: Int, remaining: inout [Int], logSum: Double) {
            if exhausted { return }
            let r = remaining.count
            if i == r - 1 {
                guard left <= remaining[i] else { return }
                remaining[i] -= left
                column(j + 1, remaining: &remaining, logSum: logSum + logFactorial[left])
                remaining[i] += left
                return
            }
            // Room in the rows below bounds what this row must take.
            var below = 0
            for k in (i + 1)..<r { below += remaining[k] }
            let low = Swift.max(0, left - below)
            let high = Swift.min(left, remaining[i])
            guard low <= high else { return }
            for x in low...high {
                remaining[i] -= x
                cell(j, row: i + 1, left: left - x, remaining: &remaining, logSum: logSum + logFactorial[x])
                remaining[i] += x
                if exhausted { return }
            }
        }
    }
}
