/// One predicted survival curve of a Cox model, as one stratum of R's
/// `survfit(coxph_fit, newdata)`; keys as the Kaplan–Meier curve's.
public struct CoxPredictionCurve: Sendable, Codable, Equatable {
    /// The stratum label (`"sex=1"`), or `"all"` without strata.
    public var label: String
    /// Every distinct stop time of the stratum (event or censoring), ascending.
    public var time: [Double]
    /// Weighted number at risk, R's `n.risk`.
    public var nRisk: [Double]
    /// Weighted number of events, R's `n.event`.
    public var nEvent: [Double]
    /// Weighted number censored, R's `n.censor`.
    public var nCensor: [Double]
    /// Cumulative hazard for the covariate row, R's `cumhaz`.
    public var cumhaz: [Double]
    /// `exp(−cumhaz)`, R's `surv` (`stype = 2`).
    public var survival: [Double]
    /// Standard error of S(t), `S·std_cumhaz` (the km curves' convention).
    public var stdErr: [Double]
    /// Standard error of the cumulative hazard, R's `std.err` (`std.chaz`).
    public var stdCumhaz: [Double]
    /// Confidence limits of S(t); `nil` where R gives `NA`.
    public var lower: [Double?]
    public var upper: [Double?]

    public init(
        label: String, time: [Double], nRisk: [Double], nEvent: [Double], nCensor: [Double],
        cumhaz: [Double], survival: [Double], stdErr: [Double], stdCumhaz: [Double],
        lower: [Double?], upper: [Double?]
    ) {
        self.label = label
        self.time = time
        self.nRisk = nRisk
        self.nEvent = nEvent
        self.nCensor = nCensor
        self.cumhaz = cumhaz
        self.survival = survival
        self.stdErr = stdErr
        self.stdCumhaz = stdCumhaz
        self.lower = lower
        self.upper = upper
    }

    // Written by hand so that a missing limit is an explicit `null`.
}

/// Predicted survival for one covariate row: one curve per stratum asked for,
/// as R's `survfit.coxph`.
public struct CoxPrediction: Sendable, Codable, Equatable {
    /// The design row the curves are for (`nil`: the fit's means, R's default curve).
    public var covariates: [Double]?
    /// Its linear predictor relative to the fit's centring, `log` of the
    /// multiplier applied to the baseline cumulative hazard.
    public var linearPredictor: Double
    public var confType: ConfidenceType
    public var confLevel: Double
    public var strata: [CoxPredictionCurve]

    public init(
        covariates: [Double]?, linearPredictor: Double, confType: ConfidenceType, confLevel: Double,
        strata: [CoxPredictionCurve]
    ) {
        self.covariates = covariates
        self.linearPredictor = linearPredictor
        self.confType = confType
        self.confLevel = confLevel
        self.strata = strata
    }
}

/// How `predict` centres new covariate rows, as R's
/// `predict.coxph(reference = )`.
public enum CoxPredictionReference: String, Sendable, Codable, CaseIterable {
    /// Within-stratum weighted means of the design (R's default); for an
    /// unstratified model, or when no strata are given, the same as `sample`.
    case strata
    /// The fit's `means` (`fit$means`: 0 for columns that were not centred).
    case sample
    /// No centring: `x·β` plus offset.
    case zero
}
