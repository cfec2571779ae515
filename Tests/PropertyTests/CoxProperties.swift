import CohortData
import Foundation
import SurvivalModels
import Testing

/// Properties of `CoxModel.fit` (Efron and Breslow ties) on generated cohorts.
///
/// A case whose fit throws a `CoxError`, warns (no convergence, a coefficient
/// that may be infinite — separation — or aliased columns) is skipped and
/// counted; each property fails if it skips more than 20% of its cases.
@Suite struct CoxProperties {
    static let ties: [CoxTies] = [.efron, .breslow]

    /// The tolerance of comparisons between fits whose Newton–Raphson
    /// iterations take different paths (another centring or scaling of a
    /// column, or a log-likelihood shifted by a constant, which changes when
    /// R's criterion `|1 − ℓ_old/ℓ_new| ≤ 1e-9` stops): each estimate is then
    /// only as close to the maximum as that criterion makes it, ~1e-8. (Row
    /// order, time rescaling and replicated rows keep the path, and 1e-9.)
    static let pathTolerance = 1e-6

    /// Coefficients, standard errors and both log-likelihoods do not depend on row order.
    @Test func estimatesDoNotDependOnRowOrder() {
        checkProperty("cox-row-order", seed: 0xC0C5_0001, count: 200, input: CohortGen.cohorts()) { c, check in
            for ties in Self.ties {
                for weighted in [false, true] {
                    let base = try CoxSummary(c.modelFrame(weighted: weighted), ties: ties)
                    for (name, order) in alternativeOrders(c) {
                        let other = try CoxSummary(c.reordered(order).modelFrame(weighted: weighted), ties: ties)
                        check.sameCox(base, other, tol: 1e-9, "\(name), \(ties), weighted \(weighted)")
                    }
                }
            }
        }
    }

    /// x → x + a leaves the coefficients, standard errors and log-likelihood unchanged.
    @Test func addingAConstantToACovariateChangesNothing() {
        checkProperty("cox-shift", seed: 0xC0C5_0002, count: 200, input: CohortGen.cohorts()) { c, check in
            for ties in Self.ties {
                let base = try CoxSummary(c.modelFrame(weighted: false), ties: ties)
                for j in 0..<c.covariateCount {
                    for a in [-3.0, 0.5, 100.0] {
                        let shifted = try CoxSummary(c.mapCovariate(j) { $0 + a }.modelFrame(weighted: false), ties: ties)
                        check.sameCox(base, shifted, tol: Self.pathTolerance, "x\(j + 1) + \(a), \(ties)")
                    }
                }
            }
        }
    }

    /// x → k·x divides that coefficient and its standard error by k and
    /// leaves the others and the log-likelihood unchanged.
    @Test func scalingACovariateScalesItsCoefficient() {
        checkProperty("cox-scale", seed: 0xC0C5_0003, count: 200, input: CohortGen.cohorts()) { c, check in
            for ties in Self.ties {
                let base = try CoxSummary(c.modelFrame(weighted: false), ties: ties)
                for j in 0..<c.covariateCount {
                    for k in [-2.0, 0.001, 37.5] {
                        var scaled = try CoxSummary(c.mapCovariate(j) { $0 * k }.modelFrame(weighted: false), ties: ties)
                        // Back on the original scale.
                        scaled.coef[j] *= k
                        scaled.se[j] *= abs(k)
                        check.sameCox(base, scaled, tol: Self.pathTolerance, "x\(j + 1) × \(k), \(ties)")
                    }
                }
            }
        }
    }

    /// The partial likelihood uses the order of the times only: t → c·t changes nothing.
    @Test func rescalingTimeChangesNothing() {
        checkProperty("cox-time-scale", seed: 0xC0C5_0004, count: 200, input: CohortGen.cohorts()) { c, check in
            for ties in Self.ties {
                let base = try CoxSummary(c.modelFrame(weighted: true), ties: ties)
                for factor in [0.01, 7.0, 1e4] {
                    let scaled = try CoxSummary(c.mapTimes { $0 * factor }.modelFrame(weighted: true), ties: ties)
                    check.sameCox(base, scaled, tol: 1e-9, "time × \(factor), \(ties)")
                }
            }
        }
    }

    /// Breslow: integer case weights equal replicated rows (coef, se, loglik),
    /// and in particular weight 2 on every row equals every row twice.
    @Test func breslowIntegerWeightsEqualReplicatedRows() {
        checkProperty("cox-breslow-weights", seed: 0xC0C5_0005, count: 200, input: CohortGen.cohorts()) { c, check in
            let weighted = try CoxSummary(c.modelFrame(weighted: true), ties: .breslow)
            let replicated = try CoxSummary(c.replicatedByWeight().modelFrame(weighted: false), ties: .breslow)
            check.sameCox(weighted, replicated, tol: 1e-9, "weights vs replicated rows")
            let doubled = try CoxSummary(c.withWeights(2).modelFrame(weighted: true), ties: .breslow)
            let duplicated = try CoxSummary(c.duplicated().modelFrame(weighted: false), ties: .breslow)
            check.sameCox(doubled, duplicated, tol: 1e-9, "weight 2 vs duplicated rows")
        }
    }

    /// Efron with case weights follows R's rule (`coxfit6`): at a time with
    /// `d` tied deaths (a count, not a weight) and mean death weight `w̄`,
    /// the log-likelihood subtracts `Σ_{r<d} w̄ · log(D − r/d · E)`. So,
    /// unlike Breslow, weight 2 is *not* every row twice (twice the rows
    /// doubles `d`); what holds exactly is:
    /// - the fitted log-likelihood (and the one at β = 0) is that formula;
    /// - β̂ maximises it (±1e-4 steps along each axis lower it);
    /// - weight 2 on every row has the unweighted coefficients, se / √2 and
    ///   loglik 2·ℓ − 2·log 2 · (number of deaths);
    /// - without tied event times Efron is Breslow, weighted or not.
    @Test func efronWithWeightsFollowsRsRule() {
        checkProperty("cox-efron-weights", seed: 0xC0C5_0006, count: 200, input: CohortGen.cohorts()) { c, check in
            let fit = try CoxSummary(c.modelFrame(weighted: true), ties: .efron)
            let formula = efronLoglik(c, beta: fit.coef)
            check.close(fit.loglik, formula, tol: 1e-9, "loglik vs R's weighted Efron formula at β̂")
            check.close(
                fit.loglikInitial, efronLoglik(c, beta: fit.coef.map { _ in 0 }), tol: 1e-9,
                "loglik at 0 vs R's weighted Efron formula")
            for j in fit.coef.indices {
                for step in [-1e-4, 1e-4] {
                    var b = fit.coef
                    b[j] += step
                    let moved = efronLoglik(c, beta: b)
                    check.expect(moved <= formula + 1e-12 * max(1, abs(formula)),
                        "β̂ does not maximise R's weighted Efron loglik: β\(j + 1) \(step > 0 ? "+" : "-")1e-4 gives \(moved) > \(formula)")
                }
            }

            let unweighted = try CoxSummary(c.modelFrame(weighted: false), ties: .efron)
            let doubled = try CoxSummary(c.withWeights(2).modelFrame(weighted: true), ties: .efron)
            check.close(doubled.coef, unweighted.coef, tol: Self.pathTolerance, "weight 2 vs weight 1 coef")
            check.close(
                doubled.se.map { $0 * 2.0.squareRoot() }, unweighted.se, tol: Self.pathTolerance, "weight 2 vs weight 1 se·√2")
            let deaths = Double(c.events)
            check.close(doubled.loglik, 2 * unweighted.loglik - 2 * log(2) * deaths, tol: Self.pathTolerance,
                "weight 2 loglik vs 2ℓ − 2·log 2·deaths")

            if Set(c.subjects.filter { $0.status != 0 }.map(\.time)).count == c.events {
                let breslow = try CoxSummary(c.modelFrame(weighted: true), ties: .breslow)
                check.sameCox(fit, breslow, tol: 1e-9, "no tied deaths: Efron vs Breslow (weighted)")
            }
        }
    }
}

/// R's weighted Efron log partial likelihood (`coxfit6`) at `beta`, computed
/// directly from the cohort: right-censored, no strata, case weights `w`.
func efronLoglik(_ c: Cohort, beta: [Double]) -> Double {
    let eta = c.subjects.map { s in zip(s.x, beta).reduce(0) { $0 + $1.0 * $1.1 } }
    let w = c.weightValues
    var ll = 0.0
    for t in Set(c.subjects.filter { $0.status != 0 }.map(\.time)) {
        let atRisk = c.subjects.indices.filter { c.subjects[$0].time >= t }
        let deaths = atRisk.filter { c.subjects[$0].time == t && c.subjects[$0].status != 0 }
        let denominator = atRisk.reduce(0) { $0 + w[$1] * exp(eta[$1]) }
        let tied = deaths.reduce(0) { $0 + w[$1] * exp(eta[$1]) }
        let d = Double(deaths.count)
        let meanWeight = deaths.reduce(0) { $0 + w[$1] } / d
        ll += deaths.reduce(0) { $0 + w[$1] * eta[$1] }
        for r in 0..<deaths.count {
            ll -= meanWeight * log(denominator - Double(r) / d * tied)
        }
    }
    return ll
}
