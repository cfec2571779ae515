import SurvivalNumerics

/// Standardized mean differences between the groups of Table 1 (`--smd`), as
/// R tableone's `ExtractSmd` (R/modules-smd.R, `StdDiff` and `StdDiffMulti`).
///
/// For each pair of groups (i, j):
/// - continuous: `|x̄_i − x̄_j| / √((s_i² + s_j²)/2)`, sample variances (n − 1);
///   0 when both the difference and the variances are 0;
/// - categorical (Yang & Dalton 2012): with `p_i` the level proportions of
///   group i without the first level (they sum to at most 1, so the first is
///   redundant) and `S_i = diag(p_i) − p_i p_iᵀ` their multinomial covariance,
///   `√(dᵀ S⁺ d)`, `d = p_i − p_j`, `S = (S_i + S_j)/2`, `S⁺` the Moore–Penrose
///   inverse (`MASS::ginv`); 0 when S and d are 0, undefined when only S is.
///
/// With more than two groups tableone's printed SMD is the average of the
/// pairwise ones (its "average" column); that is the value returned. `nil`
/// when a group has no values, or a pair's SMD is undefined (NaN in R).
public enum StandardizedMeanDifference {
    /// The SMD of a continuous variable, `groups` holding each group's non-missing values.
    public static func continuous(_ groups: [[Double]]) -> Double? {
        guard groups.count >= 2, groups.allSatisfy({ $0.count >= 2 }) else { return nil }
        let stats = groups.map(MeanComparisonTests.meanAndVariance)
        var pairs: [Double] = []
        for i in stats.indices {
            for j in stats.indices where i < j {
                let d = stats[i].mean - stats[j].mean
                let v = (stats[i].variance + stats[j].variance) / 2
                if d == 0 && v == 0 { pairs.append(0); continue }
                guard v > 0 else { return nil }
                pairs.append(abs(d) / v.squareRoot())
            }
        }
        return pairs.reduce(0, +) / Double(pairs.count)
    }

    /// The SMD of a categorical variable, `counts[g][level]` the level counts of group g.
    public static func categorical(_ counts: [[Int]]) -> Double? {
        guard counts.count >= 2, let levels = counts.first?.count, levels >= 1 else { return nil }
        var proportions: [[Double]] = []
        for row in counts {
            let n = row.reduce(0, +)
            guard n > 0 else { return nil }
            let p = row.map { Double($0) / Double(n) }
            proportions.append(levels > 1 ? Array(p.dropFirst()) : p)
        }
        let k = proportions[0].count
        func covariance(_ p: [Double]) -> [[Double]] {
            var s = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
            for a in 0..<k {
                for b in 0..<k {
                    let value: Double = a == b ? p[a] * (1 - p[a]) : -p[a] * p[b]
                    s[a][b] = value
                }
            }
            return s
        }
        var pairs: [Double] = []
        for i in proportions.indices {
            for j in proportions.indices where i < j {
                let d = (0..<k).map { proportions[i][$0] - proportions[j][$0] }
                let si = covariance(proportions[i]), sj = covariance(proportions[j])
                var s = si
                for a in 0..<k { for b in 0..<k { s[a][b] = (si[a][b] + sj[a][b]) / 2 } }
                if s.allSatisfy({ $0.allSatisfy { $0 == 0 } }) {
                    guard d.allSatisfy({ $0 == 0 }) else { return nil }
                    pairs.append(0)
                    continue
                }
                guard let inverse = try? Matrix(s).generalizedInverse().inverse else { return nil }
                var q = 0.0
                for a in 0..<k { for b in 0..<k { q += d[a] * inverse[a, b] * d[b] } }
                pairs.append(max(0, q).squareRoot())
            }
        }
        return pairs.reduce(0, +) / Double(pairs.count)
    }
}
