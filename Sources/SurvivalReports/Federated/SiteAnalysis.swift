import CohortData
import SurvivalModels

/// The options of the analyses a pool (or a site costing its disclosure
/// control) runs: those of `km`, `logrank`, `cif`, `rates` and `cox`.
public struct SiteAnalysisOptions: Sendable {
    public var confLevel = 0.95
    public var confType: ConfidenceType = .log
    /// km and cif `--times`, `--extend`; km `--tau`.
    public var times: [Double] = []
    public var extend = false
    public var tau: Double?
    /// logrank `--rho`.
    public var rho = 0.0
    /// cox `--ties`, `--max-iterations`.
    public var ties: CoxTies = .efron
    public var maxIterations = 20
    /// rates `--per`.
    public var per = 1000.0
    /// `--reference VAR=LEVEL`.
    public var references: [String: String] = [:]

    public init() {}
}

/// The result of one analysis of pooled (or a site's) cells.
public enum SiteAnalysisResult: Sendable {
    case km(KaplanMeierResult)
    case logrank(LogRankResult)
    case cif(CumulativeIncidenceResult)
    case rates(EventRatesResult)
    case cox(CoxResult)

    /// The warnings of the result.
    public var warnings: [String] {
        switch self {
        case .km(let r): return r.warnings
        case .logrank(let r): return r.warnings
        case .cif(let r): return r.warnings
        case .rates(let r): return r.warnings
        case .cox(let r): return r.warnings
        }
    }
}

/// Fits an analysis on cells held as a cohort with a frequency-count column
/// (`SitePool.cohort`, or one site's summary), through the same model calls
/// as the `km`, `logrank`, `cif`, `rates` and `cox` commands with `--counts`.
public enum SiteAnalysis {
    /// The fit of `formula` on `cohort`, each row standing for `countColumn` subjects.
    public static func fit(
        _ cohort: Cohort, formula: Formula, analysis: SiteSummary.Analysis, countColumn: String,
        options: SiteAnalysisOptions = .init()
    ) throws -> SiteAnalysisResult {
        var frameOptions = ModelFrameOptions()
        frameOptions.counts = countColumn
        frameOptions.references = options.references
        switch analysis {
        case .km:
            let frame = try formula.groupingFrame(on: cohort, options: frameOptions)
            return .km(try KaplanMeier.fit(
                frame, options: KaplanMeierOptions(
                    confType: options.confType, confLevel: options.confLevel, times: options.times, tau: options.tau,
                    extend: options.extend)))
        case .logrank:
            let frame = try formula.groupingFrame(on: cohort, options: frameOptions)
            return .logrank(try LogRank.test(frame, rho: options.rho))
        case .cif:
            frameOptions.allowCompetingRisks = true
            let frame = try formula.groupingFrame(on: cohort, options: frameOptions)
            return .cif(try CumulativeIncidence.fit(frame, times: options.times, extend: options.extend))
        case .rates:
            let frame = try formula.countGroupingFrame(on: cohort, options: frameOptions)
            let columns = try SiteSummary.columns(of: formula, analysis: .rates)
            return .rates(try EventRates.compute(
                events: frame.response, personTime: frame.offset ?? [], grouping: frame.groups, per: options.per,
                confLevel: options.confLevel, rows: frame.rows, warnings: frame.warnings, rowIndex: frame.rowIndex,
                eventsColumn: columns.status, personTimeColumn: columns.time, counts: frame.counts))
        case .cox:
            let frame = try formula.modelFrame(on: cohort, options: frameOptions)
            var coxOptions = CoxOptions()
            coxOptions.ties = options.ties
            coxOptions.confLevel = options.confLevel
            coxOptions.maxIterations = options.maxIterations
            let fit = try CoxModel.fit(frame, options: coxOptions)
            return .cox(fit.makeResult())
        }
    }

    /// One summary's cells as a cohort with a count column (for costing its disclosure control).
    public static func cohort(of summary: SiteSummary, countColumn: String) throws -> Cohort {
        let pool = try SitePool(files: ["<site>"], summaries: [summary], analysis: summary.analysis)
        return try pool.cohort(countColumn: countColumn, siteColumn: pool.freeName("site"))
    }

    /// The change from `exact` to `controlled` (the same analysis), as ``SiteEstimateChange`` defines it.
    public static func change(from exact: SiteAnalysisResult, to controlled: SiteAnalysisResult) -> SiteEstimateChange? {
        switch (exact, controlled) {
        case (.km(let a), .km(let b)):
            let (worst, lost) = worstOverMatched(a.strata, b.strata, label: \.label) { curve, other in
                maxStepDifference(curve.time, curve.survival, other.time, other.survival, start: 1)
            }
            return SiteEstimateChange(statistic: "max_abs_survival", value: worst, groupsLost: lost)
        case (.logrank(let a), .logrank(let b)):
            var details: [String: Double] = [:]
            if let pa = a.p, let pb = b.p { details["p"] = pb - pa }
            let lost = a.groups.map(\.label).filter { l in !b.groups.contains { $0.label == l } }
            return SiteEstimateChange(statistic: "chisq", value: b.statistic - a.statistic, details: details, groupsLost: lost)
        case (.cif(let a), .cif(let b)):
            let (worst, lost) = worstOverMatched(a.strata, b.strata, label: \.label) { curve, other in
                curve.cif.map { cause, values in
                    maxStepDifference(curve.time, values, other.time, other.cif[cause] ?? other.time.map { _ in 0 }, start: 0)
                }.max() ?? 0
            }
            return SiteEstimateChange(statistic: "max_abs_incidence", value: worst, groupsLost: lost)
        case (.rates(let a), .rates(let b)):
            var worst = 0.0
            var details: [String: Double] = [:]
            var lost: [String] = []
            for g in a.groups {
                guard let other = b.groups.first(where: { $0.label == g.label }) else {
                    lost.append(g.label)
                    continue
                }
                details[g.label] = other.rate - g.rate
                worst = max(worst, abs(other.rate - g.rate))
            }
            return SiteEstimateChange(statistic: "max_abs_rate", value: worst, details: details, groupsLost: lost)
        case (.cox(let a), .cox(let b)):
            var worst = 0.0
            var details: [String: Double] = [:]
            var lost: [String] = []
            for c in a.coefficients {
                guard let x = c.coef, let y = b.coefficients.first(where: { $0.term == c.term })?.coef else {
                    lost.append(c.term)
                    continue
                }
                details[c.term] = y - x
                worst = max(worst, abs(y - x))
            }
            return SiteEstimateChange(statistic: "max_abs_coefficient", value: worst, details: details, groupsLost: lost)
        default:
            return nil
        }
    }

    /// The largest `difference` over the curves of `a` that `b` also has (matched by
    /// label), and the labels of those `b` lost.
    static func worstOverMatched<Curve>(
        _ a: [Curve], _ b: [Curve], label: KeyPath<Curve, String>, difference: (Curve, Curve) -> Double
    ) -> (worst: Double, lost: [String]) {
        var worst = 0.0
        var lost: [String] = []
        for curve in a {
            guard let other = b.first(where: { $0[keyPath: label] == curve[keyPath: label] }) else {
                lost.append(curve[keyPath: label])
                continue
            }
            worst = max(worst, difference(curve, other))
        }
        return (worst, lost)
    }

    /// The largest |f(t) − g(t)| of two right-continuous step functions given
    /// by their jump times and values (`start` before the first jump).
    static func maxStepDifference(_ ta: [Double], _ fa: [Double], _ tb: [Double], _ fb: [Double], start: Double) -> Double {
        var i = 0, j = 0
        var a = start, b = start
        var worst = 0.0
        while i < ta.count || j < tb.count {
            let t = min(i < ta.count ? ta[i] : .infinity, j < tb.count ? tb[j] : .infinity)
            while i < ta.count && ta[i] == t { a = fa[i]; i += 1 }
            while j < tb.count && tb[j] == t { b = fb[j]; j += 1 }
            if a.isFinite && b.isFinite { worst = max(worst, abs(a - b)) }
        }
        return worst
    }
}
