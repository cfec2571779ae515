import CohortData
import SurvivalModels
import Testing

/// Properties of `KaplanMeier.fit` on generated cohorts (see `CohortGen`).
@Suite struct KaplanMeierProperties {
    /// S(t) lies in [0, 1] and never increases; lower ≤ S ≤ upper where the
    /// limits exist, for every confidence transformation, with and without
    /// groups and weights. The Nelson–Aalen hazard never decreases.
    @Test func survivalIsMonotoneBoundedAndInsideItsLimits() {
        checkProperty("km-bounds", seed: 0x4B4D_0001, count: 300, input: CohortGen.cohorts()) { c, check in
            for grouped in [false, true] {
                for weighted in [false, true] {
                    for type in ConfidenceType.allCases {
                        let km = try KaplanMeier.fit(
                            c.groupingFrame(grouped: grouped, weighted: weighted), options: .init(confType: type))
                        for curve in km.strata {
                            let w = "\(curve.label) (\(type.rawValue), grouped \(grouped), weighted \(weighted))"
                            check.expect(
                                curve.survival.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(w): survival outside [0, 1]: \(curve.survival)")
                            check.expect(
                                zip(curve.survival, curve.survival.dropFirst()).allSatisfy { $0 >= $1 },
                                "\(w): survival increases: \(curve.survival)")
                            check.expect(
                                zip(curve.cumhaz, curve.cumhaz.dropFirst()).allSatisfy { $0 <= $1 },
                                "\(w): cumulative hazard decreases: \(curve.cumhaz)")
                            check.expect(
                                zip(curve.time, curve.time.dropFirst()).allSatisfy { $0 < $1 },
                                "\(w): times not strictly increasing: \(curve.time)")
                            for k in curve.survival.indices {
                                let s = curve.survival[k]
                                if let lo = curve.lower[k] {
                                    check.expect(lo >= 0 && lo <= s + 1e-12, "\(w): lower \(lo) vs survival \(s) at t = \(curve.time[k])")
                                }
                                if let up = curve.upper[k] {
                                    check.expect(up <= 1 && up >= s - 1e-12, "\(w): upper \(up) vs survival \(s) at t = \(curve.time[k])")
                                }
                                if let se = curve.stdErr[k] {
                                    check.expect(se >= 0, "\(w): negative std.err \(se) at t = \(curve.time[k])")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Every output of the fit (times, survival, counts, std.err, limits,
    /// hazard, median, restricted mean) is the same whatever the row order.
    @Test func estimatesDoNotDependOnRowOrder() {
        checkProperty("km-row-order", seed: 0x4B4D_0002, count: 300, input: CohortGen.cohorts()) { c, check in
            for weighted in [false, true] {
                let base = try KaplanMeier.fit(c.groupingFrame(grouped: true, weighted: weighted))
                for (name, order) in alternativeOrders(c) {
                    let other = try KaplanMeier.fit(c.reordered(order).groupingFrame(grouped: true, weighted: weighted))
                    check.sameCurves(base, other, tol: 1e-9, "\(name), weighted \(weighted)")
                }
            }
        }
    }

    /// t → c·t moves the times and leaves the curve's values unchanged.
    @Test func rescalingTimeRescalesOnlyTheTimeAxis() {
        checkProperty("km-time-scale", seed: 0x4B4D_0003, count: 200, input: CohortGen.cohorts()) { c, check in
            let base = try KaplanMeier.fit(c.groupingFrame(grouped: true, weighted: true))
            for factor in [0.25, 3.0, 1000.0] {
                let scaled = try KaplanMeier.fit(c.mapTimes { $0 * factor }.groupingFrame(grouped: true, weighted: true))
                for (x, y) in zip(base.strata, scaled.strata) {
                    check.close(x.time.map { $0 * factor }, y.time, tol: 1e-12, "×\(factor) \(x.label) time")
                    check.close(x.survival, y.survival, tol: 1e-12, "×\(factor) \(x.label) survival")
                    check.close(x.stdErr, y.stdErr, tol: 1e-12, "×\(factor) \(x.label) std.err")
                    check.close(x.nRisk, y.nRisk, tol: 0, "×\(factor) \(x.label) n.risk")
                }
            }
        }
    }

    /// Every row twice is the same curve as weight 2 on every row
    /// (survival, n.risk, n.event, std.err); so are weights 1–4 and each row
    /// replicated that many times.
    @Test func integerWeightsEqualReplicatedRows() {
        checkProperty("km-weights", seed: 0x4B4D_0004, count: 300, input: CohortGen.cohorts()) { c, check in
            let duplicated = try KaplanMeier.fit(c.duplicated().groupingFrame(grouped: true, weighted: false))
            let doubled = try KaplanMeier.fit(c.withWeights(2).groupingFrame(grouped: true, weighted: true))
            check.sameCurves(duplicated, doubled, tol: 1e-12, "duplicated vs weight 2")
            let weighted = try KaplanMeier.fit(c.groupingFrame(grouped: true, weighted: true))
            let replicated = try KaplanMeier.fit(c.replicatedByWeight().groupingFrame(grouped: true, weighted: false))
            check.sameCurves(weighted, replicated, tol: 1e-12, "weights vs replicated rows")
        }
    }
}
