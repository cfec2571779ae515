import CohortData

extension KaplanMeier {
    /// The nonparametric bootstrap of each curve's median and, with `times`,
    /// of its survival at those times (Efron & Tibshirani 1993, ch. 6 and 13;
    /// Akritas 1986 for the bootstrap of the Kaplan–Meier estimator).
    ///
    /// Each replicate draws `n` rows with replacement from **all** the used
    /// rows (whole clusters when the frame has `cluster(id)`), as R's
    /// `boot(data, statistic, R)` on the data frame, then refits every curve on
    /// the rows of its group: the groups' sizes vary between replicates (the
    /// design is not stratified). A group can get no row at all; its
    /// statistics are then undefined in that replicate.
    ///
    /// Undefined replicates are left out and counted: a median the replicate's
    /// curve never reaches (R `quantile.survfit` gives NA); a survival at a
    /// time after the replicate curve's last time (R's `summary(fit, times =)`
    /// leaves such a time out), unless `options.extend`.
    ///
    /// - Parameters:
    ///   - result: the fit of `frame` with `options`, whose curves get their `bootstrap`.
    ///   - bootstrap: B, the seed, the thread count and the confidence level.
    public static func bootstrap(
        _ frame: SurvivalGroupingFrame, result: KaplanMeierResult, options: KaplanMeierOptions,
        bootstrap: BootstrapOptions
    ) -> KaplanMeierResult {
        let sampler = frame.cluster.map { BootstrapResample(clusters: $0) } ?? BootstrapResample(rowCount: frame.count)
        let seed = bootstrap.seed
        let replicates = BootstrapRunner.run(
            replicates: bootstrap.replicates, threads: bootstrap.threads, progress: bootstrap.progress
        ) { b in
            replicate(frame, result: result, options: options, rows: sampler.rows(seed: seed, replicate: b))
        }
        var out = result
        for (k, curve) in result.strata.enumerated() {
            let median = BootstrapEstimate(
                estimate: curve.median, replicates: replicates.map { $0.median[k] }, confLevel: bootstrap.confLevel)
            var at: KaplanMeierBootstrapAt? = nil
            if let s = curve.summaryAt {
                let items = s.time.indices.map { j in
                    BootstrapEstimate(
                        estimate: s.survival[j], replicates: replicates.map { $0.survival[k][j] },
                        confLevel: bootstrap.confLevel)
                }
                at = KaplanMeierBootstrapAt(time: s.time, survival: BootstrapEstimates(items))
            }
            out.strata[k].bootstrap = KaplanMeierBootstrap(
                replicates: bootstrap.replicates, seed: Int(truncatingIfNeeded: seed), median: median, summaryAt: at)
        }
        return out
    }

    /// The statistics of one replicate: the curves of `result` refitted on
    /// `rows` (indices into the frame's used rows, with repeats).
    ///
    /// Only what the statistics need is computed: the product-limit curve
    /// (weighted counts with case weights), its median by `quantile.survfit`'s
    /// rule, and its value at each curve's `summary_at` times.
    public static func replicate(
        _ frame: SurvivalGroupingFrame, result: KaplanMeierResult, options: KaplanMeierOptions, rows: [Int]
    ) -> KaplanMeierReplicate {
        let grouping = frame.curveGroups
        var members = [[Int]](repeating: [], count: grouping.labels.count)
        for r in rows { members[Int(grouping.codes[r])].append(r) }
        let codeOfLabel = Dictionary(grouping.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let event = frame.response.status.map { $0 != 0 }
        var medians: [Double?] = []
        var survivals: [[Double?]] = []
        for curve in result.strata {
            let times = curve.summaryAt?.time ?? []
            guard let g = codeOfLabel[curve.label], !members[g].isEmpty else {
                medians.append(nil)
                survivals.append(times.map { _ in nil })
                continue
            }
            let table = RiskTable(
                rows: members[g], start: frame.response.start, stop: frame.response.stop, event: event,
                weights: frame.weights)
            var survival = [Double](repeating: 1, count: table.time.count)
            var s = 1.0
            for k in table.time.indices {
                let n = table.nRisk[k], d = table.nEvent[k]
                if d > 0 && n > 0 { s *= (n - d) / n }
                survival[k] = s
            }
            medians.append(
                MedianEstimate.findQuantile(x: [0] + table.time, y: [0] + survival.map { 1 - $0 }, p: 0.5))
            let last = table.time.last ?? -.infinity
            survivals.append(
                times.map { t in
                    if !options.extend && t > last { return nil }
                    return StepFunctionSummary.lastIndex(atOrBefore: t, in: table.time).map { survival[$0] } ?? 1
                })
        }
        return KaplanMeierReplicate(median: medians, survival: survivals)
    }
}
