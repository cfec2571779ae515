import CohortData
import SurvivalModels
import Testing

/// Properties of `LogRank.test` (rho = 0 and the Peto–Peto rho = 1) on generated cohorts.
@Suite struct LogRankProperties {
    /// The statistic, observed and expected events do not depend on row order.
    @Test func statisticDoesNotDependOnRowOrder() {
        checkProperty("logrank-row-order", seed: 0x4C52_0001, count: 300, input: CohortGen.cohorts()) { c, check in
            for weighted in [false, true] {
                for rho in [0.0, 1.0] {
                    let base = try logRank(c.groupingFrame(grouped: true, weighted: weighted), rho: rho)
                    for (name, order) in alternativeOrders(c) {
                        let other = try logRank(
                            c.reordered(order).groupingFrame(grouped: true, weighted: weighted), rho: rho)
                        check.sameLogRank(base, other, tol: 1e-9, "\(name), rho \(rho), weighted \(weighted)")
                    }
                }
            }
        }
    }

    /// The test uses the order of the times only: t → c·t changes nothing.
    @Test func rescalingTimeLeavesTheStatisticUnchanged() {
        checkProperty("logrank-time-scale", seed: 0x4C52_0002, count: 300, input: CohortGen.cohorts()) { c, check in
            for rho in [0.0, 1.0] {
                let base = try logRank(c.groupingFrame(grouped: true, weighted: false), rho: rho)
                for factor in [0.01, 7.0, 1e4] {
                    let scaled = try logRank(
                        c.mapTimes { $0 * factor }.groupingFrame(grouped: true, weighted: false), rho: rho)
                    check.sameLogRank(base, scaled, tol: 1e-12, "×\(factor), rho \(rho)")
                }
            }
        }
    }

    /// Integer case weights give the statistic (and O, E) of the replicated rows.
    @Test func integerWeightsEqualReplicatedRows() {
        checkProperty("logrank-weights", seed: 0x4C52_0003, count: 300, input: CohortGen.cohorts()) { c, check in
            for rho in [0.0, 1.0] {
                let weighted = try logRank(c.groupingFrame(grouped: true, weighted: true), rho: rho)
                let replicated = try logRank(
                    c.replicatedByWeight().groupingFrame(grouped: true, weighted: false), rho: rho)
                check.sameLogRank(weighted, replicated, tol: 1e-9, "weights vs replicated, rho \(rho)")
                let doubled = try logRank(c.withWeights(2).groupingFrame(grouped: true, weighted: true), rho: rho)
                let duplicated = try logRank(c.duplicated().groupingFrame(grouped: true, weighted: false), rho: rho)
                check.sameLogRank(doubled, duplicated, tol: 1e-9, "weight 2 vs duplicated, rho \(rho)")
            }
        }
    }
}

/// `LogRank.test`, with a singular variance (every event time's risk set
/// wholly dying, say) counted as a skip: R's `survdiff` cannot test those either.
func logRank(_ frame: SurvivalGroupingFrame, rho: Double) throws -> LogRankResult {
    do {
        return try LogRank.test(frame, rho: rho)
    } catch where error.description.contains("singular") {
        throw Skip("log-rank variance singular")
    }
}
