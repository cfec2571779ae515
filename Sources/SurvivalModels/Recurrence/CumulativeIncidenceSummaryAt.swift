import SurvivalNumerics

/// The cumulative incidence curves of one group at chosen times, as R
/// `summary(survfit(Surv(t, factor(event)) ~ g), times = )` with its default
/// log limits.
///
/// Each value is that of the last observed time ≤ t (incidence 0 and standard
/// error 0 before the first); the number at risk is R's `n.risk[, 1]` at the
/// first observed time ≥ t (0 past the last). The limits are R's
/// `survfit_confint(p, se, logse = FALSE, "log")`: `p·exp(∓z·se/p)`, the upper
/// capped at 1, and missing where the incidence is 0 (R gives NA there, except
/// at times before the stratum's first observed time, where its summary fills
/// the limits with 0; we keep them missing, as the contract says: a limit of
/// an incidence of exactly 0 on the log scale does not exist).
public struct CumulativeIncidenceSummaryAt: Sendable, Equatable, Codable {
    /// The times, ascending.
    public var time: [Double]
    /// Number still in the initial state at each time.
    public var nRisk: [Double]
    /// Cumulative incidence per cause at each time (0 before the first event time).
    public var cif: [String: [Double]]
    /// Its standard error per cause.
    public var stdErr: [String: [Double]]
    /// Lower log-scale confidence limit per cause (`nil` where the incidence is 0).
    public var lower: [String: [Double?]]
    /// Upper log-scale confidence limit per cause, capped at 1 (`nil` where the incidence is 0).
    public var upper: [String: [Double?]]

    /// Creates a summary from its parts.
    public init(
        time: [Double], nRisk: [Double], cif: [String: [Double]], stdErr: [String: [Double]],
        lower: [String: [Double?]], upper: [String: [Double?]]
    ) {
        self.time = time
        self.nRisk = nRisk
        self.cif = cif
        self.stdErr = stdErr
        self.lower = lower
        self.upper = upper
    }
}

extension CumulativeIncidenceCurve {
    /// The curves at `times` (see `CumulativeIncidenceSummaryAt`), with limits
    /// at `confLevel`. Times that are not finite are left out (as R); so,
    /// without `extend`, are those after the last observed time of the curve
    /// (R's default `extend = FALSE`), which can leave none. Renderers that
    /// need every time (the report's tables) pass `extend: true`.
    public func summary(at times: [Double], extend: Bool = true, confLevel: Double = 0.95)
        -> CumulativeIncidenceSummaryAt
    {
        var requested = times.filter(\.isFinite).sorted()
        if !extend, let lastTime = time.last { requested = requested.filter { $0 <= lastTime } }
        let last = requested.map { StepFunctionSummary.lastIndex(atOrBefore: $0, in: time) }
        func read(_ values: [Double]) -> [Double] { last.map { $0.map { values[$0] } ?? 0 } }
        let z = Normal.quantile(1 - (1 - confLevel) / 2)
        let incidence = cif.mapValues(read)
        let errors = stdErr.mapValues(read)
        var lower: [String: [Double?]] = [:], upper: [String: [Double?]] = [:]
        for (cause, p) in incidence {
            let se = errors[cause] ?? []
            // R: the standard error of p on the log scale is se/p (0 where se is 0).
            let limits = zip(p, se).map { p, se in
                ConfidenceLimits.limits(p: p, se: se == 0 ? 0 : se / p, z: z, type: .log)
            }
            lower[cause] = limits.map { $0.0.flatMap { $0.isFinite ? $0 : nil } }
            upper[cause] = limits.map { $0.1.flatMap { $0.isFinite ? $0 : nil } }
        }
        return CumulativeIncidenceSummaryAt(
            time: requested, nRisk: requested.map { StepFunctionSummary.atRisk($0, time: time, nRisk: nRisk) },
            cif: incidence, stdErr: errors, lower: lower, upper: upper)
    }

    /// Events of `cause` in this group (weighted counts summed).
    public func events(cause: String) -> Double { (nEvent[cause] ?? []).reduce(0, +) }
}
