import CohortData
import SurvivalModels
import Testing

/// Properties of the Aalen–Johansen `CumulativeIncidence.fit` on generated
/// competing-risks cohorts (status 0 = censored, 1 and 2 = causes).
@Suite struct CumulativeIncidenceProperties {
    static let competing = CohortGen.cohorts(causes: 2)

    /// Σₖ CIFₖ(t) + S(t) = 1 at every time, where S is the Kaplan–Meier curve
    /// of "any event" on the same rows; each CIF is non-decreasing, in [0, 1].
    @Test func incidencesAndOverallSurvivalSumToOne() {
        checkProperty("cif-sum", seed: 0xC1F0_0001, count: 300, input: Self.competing) { c, check in
            for grouped in [false, true] {
                let frame = c.groupingFrame(grouped: grouped, weighted: false)
                let cif = try CumulativeIncidence.fit(frame)
                let km = try KaplanMeier.fit(frame)  // KM counts any status ≠ 0 as an event
                check.expect(cif.strata.map(\.label) == km.strata.map(\.label),
                    "strata \(cif.strata.map(\.label)) vs KM \(km.strata.map(\.label))")
                for (curve, overall) in zip(cif.strata, km.strata) {
                    let w = "\(curve.label) (grouped \(grouped))"
                    check.close(curve.time, overall.time, tol: 0, "\(w) CIF times vs KM times")
                    guard curve.time == overall.time else { continue }
                    for k in curve.time.indices {
                        let total = cif.causes.reduce(overall.survival[k]) { $0 + (curve.cif[$1]?[k] ?? .nan) }
                        check.close(total, 1, tol: 1e-12, "\(w) Σ CIF + S at t = \(curve.time[k])")
                    }
                    for cause in cif.causes {
                        let f = curve.cif[cause] ?? []
                        check.expect(f.count == curve.time.count, "\(w) cause \(cause): \(f.count) values")
                        check.expect(f.allSatisfy { $0 >= 0 && $0 <= 1 + 1e-12 }, "\(w) cause \(cause) outside [0, 1]: \(f)")
                        check.expect(zip(f, f.dropFirst()).allSatisfy { $0 <= $1 + 1e-15 },
                            "\(w) cause \(cause) decreases: \(f)")
                    }
                }
            }
        }
    }

    /// The curves, their standard errors and Gray's test do not depend on row order.
    @Test func estimatesDoNotDependOnRowOrder() {
        checkProperty("cif-row-order", seed: 0xC1F0_0002, count: 300, input: Self.competing) { c, check in
            let base = try CumulativeIncidence.fit(c.groupingFrame(grouped: true, weighted: false))
            for (name, order) in alternativeOrders(c) {
                let other = try CumulativeIncidence.fit(c.reordered(order).groupingFrame(grouped: true, weighted: false))
                check.expect(base.strata.map(\.label) == other.strata.map(\.label), "\(name): strata differ")
                for (x, y) in zip(base.strata, other.strata) {
                    check.close(x.time, y.time, tol: 0, "\(name) \(x.label) time")
                    check.close(x.nRisk, y.nRisk, tol: 0, "\(name) \(x.label) n.risk")
                    for cause in base.causes {
                        check.close(x.cif[cause] ?? [], y.cif[cause] ?? [], tol: 1e-9, "\(name) \(x.label) CIF \(cause)")
                        check.close(x.stdErr[cause] ?? [], y.stdErr[cause] ?? [], tol: 1e-9, "\(name) \(x.label) se \(cause)")
                    }
                }
                for cause in base.causes {
                    let a = base.grayTest?[cause], b = other.grayTest?[cause]
                    check.close(a?.statistic, b?.statistic, tol: 1e-9, "\(name) Gray statistic, cause \(cause)")
                }
            }
        }
    }
}
