/// Options of a relative-survival fit, with relsurv `rs.surv` defaults.
public struct RelativeSurvivalOptions: Sendable, Equatable {
    /// The estimator (relsurv default Pohar Perme).
    public var method: RelativeSurvivalMethod
    /// Confidence limits: `log` (relsurv's default), `log-log` or `plain`,
    /// with relsurv's formulas (not capped at 1: relative survival may exceed it).
    public var confType: ConfidenceType
    /// Confidence level, in (0, 1).
    public var confLevel: Double
    /// Days per unit of the data's times (1 for days, 365.241 for years).
    public var daysPerUnit: Double
    /// Times (in the data's unit) at which to report the curves, as `summary(fit, times =)`.
    public var times: [Double]
    /// Whether `times` after a curve's last time are reported (R's `extend = TRUE`).
    public var extend: Bool

    public init(
        method: RelativeSurvivalMethod = .poharPerme, confType: ConfidenceType = .log, confLevel: Double = 0.95,
        daysPerUnit: Double = 1, times: [Double] = [], extend: Bool = false
    ) {
        self.method = method
        self.confType = confType
        self.confLevel = confLevel
        self.daysPerUnit = daysPerUnit
        self.times = times
        self.extend = extend
    }
}
