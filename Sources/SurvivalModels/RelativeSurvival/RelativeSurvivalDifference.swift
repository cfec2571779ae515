import Foundation
import SurvivalNumerics

/// The log-rank-type test comparing net survival between groups, as relsurv
/// `rs.diff` (Graffeo, Castell, Belot & Giorgi 2016), stratified by `strata(...)`.
///
/// ## Method
/// On a grid of every whole day 1, 2, … up to the longest follow-up, joined
/// with the observed times, each group k has (per stratum) the weighted
/// number at risk `Yₖʷ = Σ Yᵢ/Sₚᵢ` and the weighted excess deaths
/// `dNₖᴱ = Σ dNᵢ/Sₚᵢ − Σ Yᵢ∫λₚᵢ/Sₚᵢ`, with the population hazard integrated
/// exactly over the table's cells on each interval (relsurv's
/// `netfastpinter`). Where the total `Yʷ` is positive,
/// `Zₖ = Σₜ (dNₖᴱ − Yₖʷ/Yʷ · dNᴱ)` and
/// `Vₖₗ = Σₘ Σₜ (δₘₖ − Yₖʷ/Yʷ)(δₘₗ − Yₗʷ/Yʷ) Σ_{i∈m} dNᵢ/Sₚᵢ²`, summed over
/// strata; the statistic is `Z'V⁻¹Z` on the first k − 1 groups, chi-squared
/// with k − 1 degrees of freedom. The p-value is the upper tail (relsurv
/// prints `1 − pchisq`, the same to 1e-16).
public enum RelativeSurvivalDifference {
    /// The test for `s` (days) in groups `group` (codes `0..<groupCount`)
    /// within strata `stratum` (codes from 0).
    ///
    /// - Throws: `ModelError` when the variance matrix is singular.
    static func test(
        _ s: RelativeSurvivalSubjects, group: [Int], groupCount: Int, stratum: [Int], table: PopulationRateTable,
        precision: Double = 1
    ) throws(ModelError) -> (test: RelativeSurvivalTest, warnings: [String]) {
        // The groups present (relsurv's table of the groups), in code order.
        let present = Array(Set(group)).sorted()
        let k = present.count
        let maxTime = s.time.max() ?? 0
        var grid = Set(s.time)
        var day = 1.0
        while day <= maxTime {
            grid.insert(day)
            day += precision
        }
        let times = grid.sorted()
        let m = times.count
        let strata = Array(Set(stratum)).sorted()
        var z = [Double](repeating: 0, count: k)
        var v = [Double](repeating: 0, count: k * k)
        var fewEvents = 0
        for st in strata {
            var risk = [[Double]](), excess = [[Double]](), squared = [[Double]]()
            for g in present {
                let rows = (0..<s.count).filter { group[$0] == g && stratum[$0] == st }
                let sums = RelativeSurvival.comparisonSums(s.subset(rows), times: times, table: table)
                if sums.deaths < 10 { fewEvents += 1 }
                risk.append(sums.weightedAtRisk)
                excess.append(sums.weightedExcess)
                squared.append(sums.weightedDeathsSquared)
            }
            for t in 0..<m {
                var totalRisk = 0.0, totalExcess = 0.0
                for a in 0..<k {
                    totalRisk += risk[a][t]
                    totalExcess += excess[a][t]
                }
                guard totalRisk > 0 else { continue }
                for a in 0..<k { z[a] += excess[a][t] - risk[a][t] / totalRisk * totalExcess }
                for c in 0..<k where squared[c][t] != 0 {
                    for a in 0..<k {
                        let ya = (a == c ? 1 : 0) - risk[a][t] / totalRisk
                        for b in 0..<k {
                            let yb = (b == c ? 1 : 0) - risk[b][t] / totalRisk
                            v[a * k + b] += ya * yb * squared[c][t]
                        }
                    }
                }
            }
        }
        let d = k - 1
        let zs = Array(z.prefix(d))
        let vm = Matrix((0..<d).map { a in (0..<d).map { v[a * k + $0] } })
        guard d > 0, let x = try? vm.solve(zs), x.allSatisfy(\.isFinite) else {
            throw ModelError("The variance matrix of the comparison of net survival is singular; the groups cannot be compared.")
        }
        let statistic = zip(x, zs).reduce(0) { $0 + $1.0 * $1.1 }
        var warnings: [String] = []
        if fewEvents > 0 {
            warnings.append(
                "In \(fewEvents) out of \(k * strata.count) groups there are less than 10 events (relsurv's rs.diff warning):"
                    + " the comparison of net survival may be unreliable.")
        }
        return (RelativeSurvivalTest(statistic: statistic, df: d, p: ChiSquared.upperTail(statistic, df: Double(d))), warnings)
    }
}
