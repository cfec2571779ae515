/// Options of a Kaplan–Meier fit, with R `survfit` defaults.
public struct KaplanMeierOptions: Sendable, Equatable {
    /// Transformation for the pointwise confidence limits (R default `log`).
    public var confType: ConfidenceType
    /// Confidence level of the limits, in (0, 1) (R default 0.95).
    public var confLevel: Double
    /// Times at which to evaluate the curve, as `summary(fit, times = )`; empty for none.
    public var times: [Double]
    /// Upper limit of the restricted mean; `nil` uses the largest observed time
    /// of the whole fit for every stratum, as R's `print(fit, rmean = "common")`.
    public var tau: Double?
    /// Whether `times` after a stratum's last observed time are reported, as
    /// R's `summary(fit, times =, extend = TRUE)`. R's default (`false`) drops
    /// them for that stratum, and fails when a stratum keeps none.
    public var extend: Bool

    public init(
        confType: ConfidenceType = .log, confLevel: Double = 0.95,
        times: [Double] = [], tau: Double? = nil, extend: Bool = false
    ) {
        self.extend = extend
        self.confType = confType
        self.confLevel = confLevel
        self.times = times
        self.tau = tau
    }
}
