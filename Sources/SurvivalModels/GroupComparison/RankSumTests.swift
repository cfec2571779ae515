import Foundation
import SurvivalNumerics

/// Rank tests of Table 1 for continuous variables: Wilcoxon's rank-sum test
/// for two groups and the Kruskal–Wallis test for more, gtsummary's defaults.
public enum RankSumTests {
    /// Mid-ranks of `values` (ties share the mean of their ranks, as R `rank`)
    /// and the sizes of the tied groups.
    static func midRanks(_ values: [Double]) -> (ranks: [Double], ties: [Int]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var ties: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = rank }
            ties.append(end - start + 1)
            start = end + 1
        }
        return (ranks, ties)
    }

    /// Wilcoxon's rank-sum (Mann–Whitney) test of `x` against `y`, two-sided,
    /// as R `wilcox.test(x, y)` with its defaults.
    ///
    /// `W = Σ rank(x) − n_x(n_x + 1)/2` over the pooled mid-ranks. R's default
    /// `exact = NULL` means: the exact null distribution of W when both samples
    /// have fewer than 50 values and there are no ties, `p = min(1, 2 ·
    /// min(P(W ≤ w), P(W ≥ w)))`; otherwise the normal approximation with the
    /// tie-corrected variance `n_x n_y/12 · (n + 1 − Σ(t³ − t)/(n(n − 1)))` and
    /// the continuity correction 0.5 toward the mean (`correct = TRUE`).
    /// `p` is `nil` when a sample is empty or the variance is 0 (all values equal).
    public static func wilcoxon(_ x: [Double], _ y: [Double]) -> GroupComparisonTest {
        let nx = x.count, ny = y.count
        guard nx > 0, ny > 0 else { return GroupComparisonTest(method: .wilcoxon, p: nil) }
        let (ranks, ties) = midRanks(x + y)
        let w = ranks[0..<nx].reduce(0, +) - Double(nx * (nx + 1)) / 2
        let hasTies = ties.contains { $0 > 1 }
        if nx < 50 && ny < 50 && !hasTies {
            let counts = mannWhitneyCounts(nx, ny)
            let total = counts.reduce(0, +)
            let k = Int(w.rounded())
            // R: P(W ≥ w) when w is above the mean n_x n_y / 2, else P(W ≤ w).
            let tail = w > Double(nx * ny) / 2
                ? counts[k...].reduce(0, +) / total
                : counts[...k].reduce(0, +) / total
            return GroupComparisonTest(method: .wilcoxon, statistic: w, p: min(1, 2 * tail))
        }
        let n = Double(nx + ny)
        let tieSum = ties.reduce(0.0) { $0 + Double($1) * Double($1) * Double($1) - Double($1) }
        let variance = Double(nx) * Double(ny) / 12 * ((n + 1) - tieSum / (n * (n - 1)))
        guard variance > 0 else { return GroupComparisonTest(method: .wilcoxon, statistic: w, p: nil) }
        var z = w - Double(nx) * Double(ny) / 2
        let correction = z > 0 ? 0.5 : (z < 0 ? -0.5 : 0)
        z = (z - correction) / variance.squareRoot()
        let tails = Normal.tails(z)
        return GroupComparisonTest(method: .wilcoxon, statistic: w, p: min(1, 2 * min(tails.lower, tails.upper)))
    }

    /// The number of arrangements giving each value `u = 0 … m n` of the
    /// Mann–Whitney statistic for samples of `m` and `n` (R's `cwilcox`):
    /// the coefficients of the Gaussian binomial `[m + n choose m]_q`, built by
    /// the recursion `f(m, n, u) = f(m − 1, n, u − n) + f(m, n − 1, u)` over `n`.
    static func mannWhitneyCounts(_ m: Int, _ n: Int) -> [Double] {
        // f[a][u] for sample sizes (a, b) as b grows from 0 to n.
        var f = [[Double]](repeating: [1], count: m + 1)  // b = 0: only u = 0
        if n == 0 { return f[m] }
        for b in 1...n {
            var next = [[Double]](repeating: [], count: m + 1)
            next[0] = [1]
            for a in 1...max(1, m) where a <= m {
                var row = [Double](repeating: 0, count: a * b + 1)
                for (u, v) in f[a].enumerated() { row[u] += v }  // f(a, b − 1, u)
                for (u, v) in next[a - 1].enumerated() { row[u + b] += v }  // f(a − 1, b, u − b)
                next[a] = row
            }
            f = next
        }
        return f[m]
    }

    /// The Kruskal–Wallis rank-sum test of `groups` (one array of values per
    /// group; empty groups are left out), as R `kruskal.test(x, g)`:
    /// `H = (12/(n(n + 1)) Σ R_i²/n_i − 3(n + 1)) / (1 − Σ(t³ − t)/(n³ − n))`
    /// on `k − 1` degrees of freedom, R_i the rank sums, t the tie sizes.
    /// `p` is `nil` with fewer than two groups or when every value is the same.
    public static func kruskalWallis(_ groups: [[Double]]) -> GroupComparisonTest {
        let used = groups.filter { !$0.isEmpty }
        guard used.count >= 2 else { return GroupComparisonTest(method: .kruskal, p: nil) }
        let (ranks, ties) = midRanks(used.flatMap { $0 })
        let n = Double(ranks.count)
        var start = 0
        var sum = 0.0
        for g in used {
            let r = ranks[start..<(start + g.count)].reduce(0, +)
            sum += r * r / Double(g.count)
            start += g.count
        }
        let tieSum = ties.reduce(0.0) { $0 + Double($1) * Double($1) * Double($1) - Double($1) }
        let denominator = 1 - tieSum / (n * n * n - n)
        let df = Double(used.count - 1)
        guard denominator > 0 else { return GroupComparisonTest(method: .kruskal, df: df, p: nil) }
        let h = (12 * sum / (n * (n + 1)) - 3 * (n + 1)) / denominator
        return GroupComparisonTest(method: .kruskal, statistic: h, df: df, p: ChiSquared.upperTail(h, df: df))
    }
}
