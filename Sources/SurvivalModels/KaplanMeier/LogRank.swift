import CohortData
import SurvivalNumerics

/// The G-rho family of k-sample tests for survival curves (Harrington &
/// Fleming 1982): `rho = 0` is the log-rank (Mantel–Haenszel) test, `rho = 1`
/// the Peto & Peto modification of the Gehan–Wilcoxon test. Stratified tests
/// sum observed, expected and variance over strata. As R `survdiff`.
///
/// At each distinct event time `t` of a stratum, with `nₖ` at risk in group k,
/// `n` in all, `d` events and weight `w = Ŝ(t−)^rho` (the pooled Kaplan–Meier
/// of the stratum just before `t`):
/// - observed `Oₖ += w·dₖ`, expected `Eₖ += w·d·nₖ/n`,
/// - variance `Vⱼₖ += w²·d(n − d)/(n(n − 1)) · nⱼ(δⱼₖ − nₖ/n)`.
/// The statistic is `(O − E)ᵀ V⁻¹ (O − E)` over the groups with `E > 0`,
/// dropping the first (the variance has rank k − 1), on `k − 1` df.
public enum LogRank {
    /// Runs the test on the right-hand-side groups of `frame`, stratified by its `strata`.
    ///
    /// - Throws: `ModelError` for counting-process data (R `survdiff` takes
    ///   right-censored data only), fewer than two groups, or no rows.
    public static func test(_ frame: SurvivalGroupingFrame, rho: Double = 0) throws(ModelError) -> LogRankResult {
        try test(frame, rho: rho, tableLimit: nil)
    }

    /// `tableLimit` caps the time × group table of the counting pass (tests
    /// set it to 0 to run the path large group counts take).
    static func test(_ frame: SurvivalGroupingFrame, rho: Double, tableLimit: Int?) throws(ModelError) -> LogRankResult {
        guard frame.response.start == nil else {
            throw ModelError("The log-rank test takes right-censored data Surv(time, status) only, as R survdiff.")
        }
        guard let groups = frame.groups, groups.labels.count >= 2 else {
            throw ModelError("The log-rank test needs a grouping variable on the right of ~ with at least two levels.")
        }
        guard frame.count > 0 else { throw ModelError("No rows left to analyse.") }
        let k = groups.labels.count
        let strata = frame.strata ?? .single(count: frame.count)
        var observed = [Double](repeating: 0, count: k)
        var expected = [Double](repeating: 0, count: k)
        var variance = [Double](repeating: 0, count: k * k)
        if frame.strata == nil {
            // One stratum: every row, without a row list.
            accumulate(
                rows: nil, frame: frame, group: groups.codes, k: k, rho: rho,
                observed: &observed, expected: &expected, variance: &variance, tableLimit: tableLimit)
        } else {
            var members = [[Int]](repeating: [], count: strata.labels.count)
            for (row, code) in strata.codes.enumerated() { members[Int(code)].append(row) }
            for rows in members where !rows.isEmpty {
                accumulate(
                    rows: rows, frame: frame, group: groups.codes, k: k, rho: rho,
                    observed: &observed, expected: &expected, variance: &variance, tableLimit: tableLimit)
            }
        }
        // n per group: rows, or with --counts the subjects (the expanded rows).
        var n = [Int](repeating: 0, count: k)
        for (row, code) in groups.codes.enumerated() { n[Int(code)] += frame.counts.map { Int($0[row]) } ?? 1 }
        let kept = (0..<k).filter { expected[$0] > 0 }
        var statistic = 0.0
        if kept.count >= 2 {
            let idx = Array(kept.dropFirst())
            let diff = idx.map { observed[$0] - expected[$0] }
            let v = Matrix(idx.map { j in idx.map { variance[j * k + $0] } })
            // As R: solve(vv, O − E) by LU (dgesv).
            guard let x = try? v.solve(diff), x.allSatisfy(\.isFinite) else {
                throw ModelError("The log-rank variance matrix is singular; the groups cannot be compared.")
            }
            statistic = zip(x, diff).reduce(0) { $0 + $1.0 * $1.1 }
        }
        // As survdiff: df counts the groups with expected > 0, less one, so
        // with no events at all it is −1 (R: chisq 0 on −1 df, p NA); there is
        // no p-value without a degree of freedom.
        let df = kept.count - 1
        let p: Double? = df > 0 ? ChiSquared.upperTail(statistic, df: Double(df)) : nil
        let groupResults = (0..<k).map {
            LogRankGroup(label: groups.labels[$0], n: n[$0], observed: observed[$0], expected: expected[$0])
        }
        let vrows = (0..<k).map { j in (0..<k).map { variance[j * k + $0] } }
        return LogRankResult(
            rho: rho, n: frame.subjectCount, nDroppedMissing: frame.rows.droppedTotal,
            nStrata: strata.labels.count, groups: groupResults, statistic: statistic, df: df, p: p, variance: vrows,
            rows: frame.rows, warnings: frame.warnings)
    }

    /// Adds one stratum's contribution, walking its distinct times in order;
    /// `rows` `nil` means every row of the frame.
    static func accumulate(
        rows: [Int]?, frame: SurvivalGroupingFrame, group: [Int32], k: Int, rho: Double,
        observed: inout [Double], expected: inout [Double], variance: inout [Double],
        tableLimit: Int? = nil
    ) {
        // One counting pass: per distinct time (dense codes, ascending) and
        // group, the weight of the deaths and of all rows ending there — in a
        // time × group table when that is small, else gathered per time from
        // the rows put in time order by a counting sort on the codes.
        // With few distinct times the table is summed straight from the rows.
        let stop = frame.response.stop, status = frame.response.status, weights = frame.weights
        let count = rows?.count ?? frame.count
        var risk = [Double](repeating: 0, count: k)
        if let rows {
            for r in rows { risk[Int(group[r])] += weights?[r] ?? 1 }
        } else if let weights {
            for r in 0..<count { risk[Int(group[r])] += weights[r] }
        } else {
            for r in 0..<count { risk[Int(group[r])] += 1 }
        }
        let m: Int
        let tabulated: Bool
        var codes: [Int] = []
        var deathTable: [Double] = [], endTable: [Double] = []
        let contribution = { (r: Int) -> (slot: Int, Double, Double) in
            let w = weights?[r] ?? 1
            return (Int(group[r]), status[r] != 0 ? w : 0, w)
        }
        let few = tableLimit == 0 ? nil
            : rows.map { RadixOrder.sumsByDistinctKey(stop, rows: $0, width: k, contribution) }
                ?? RadixOrder.sumsByDistinctKey(stop, rows: 0..<count, width: k, contribution)
        if let few {
            (m, tabulated, deathTable, endTable) = (few.keys.count, true, few.first, few.second)
        } else {
            let dense = RadixOrder.denseCodes(rows.map { rows in rows.map { stop[$0] } } ?? stop)
            codes = dense.codes
            m = dense.distinct.count
            tabulated = m * k <= (tableLimit ?? Swift.max(1 << 20, 4 * count))
            if tabulated {
                deathTable = [Double](repeating: 0, count: m * k)
                endTable = deathTable
                for q in 0..<count {
                    let r = rows?[q] ?? q
                    let w = weights?[r] ?? 1
                    let slot = codes[q] * k + Int(group[r])
                    if status[r] != 0 { deathTable[slot] += w }
                    endTable[slot] += w
                }
            }
        }
        var firstOfTime = [Int](repeating: 0, count: tabulated ? 0 : m + 1)
        var byTime = [Int](repeating: 0, count: tabulated ? 0 : count)
        if !tabulated {
            for c in codes { firstOfTime[c + 1] += 1 }
            for t in 0..<m { firstOfTime[t + 1] += firstOfTime[t] }
            var next = firstOfTime
            for (q, c) in codes.enumerated() {
                byTime[next[c]] = rows?[q] ?? q
                next[c] += 1
            }
        }
        var endsByGroup = [Double](repeating: 0, count: k)
        var km = 1.0
        var deathsByGroup = [Double](repeating: 0, count: k)
        for t in 0..<m {
            var deaths = 0.0
            if tabulated {
                for g in 0..<k {
                    deathsByGroup[g] = deathTable[t * k + g]
                    endsByGroup[g] = endTable[t * k + g]
                }
            } else {
                for g in 0..<k { deathsByGroup[g] = 0; endsByGroup[g] = 0 }
                for r in byTime[firstOfTime[t]..<firstOfTime[t + 1]] {
                    let w = weights?[r] ?? 1
                    if status[r] != 0 { deathsByGroup[Int(group[r])] += w }
                    endsByGroup[Int(group[r])] += w
                }
            }
            for g in 0..<k { deaths += deathsByGroup[g] }
            let nRisk = risk.reduce(0, +)
            if deaths > 0 {
                let wt = rho == 0 ? 1 : Foundation.pow(km, rho)
                for g in 0..<k {
                    observed[g] += wt * deathsByGroup[g]
                    expected[g] += wt * deaths * risk[g] / nRisk
                }
                if nRisk > 1 {
                    let kt = wt * wt * deaths * (nRisk - deaths) / (nRisk * (nRisk - 1))
                    for a in 0..<k {
                        let tmp = kt * risk[a]
                        for b in 0..<k { variance[a * k + b] -= tmp * risk[b] / nRisk }
                        variance[a * k + a] += tmp
                    }
                }
                km *= (nRisk - deaths) / nRisk
            }
            for g in 0..<k { risk[g] -= endsByGroup[g] }
        }
    }
}

import Foundation
