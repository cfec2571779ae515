import CohortData

/// One row of the coefficient table of `summary(crr)`.
public struct FineGrayCoefficient: Sendable, Codable, Equatable {
    /// Term name (`age`, `sex=M`, `log(bili)`), as `survkit cox` names it.
    public var term: String
    /// β, the log subdistribution hazard ratio, crr's `coef`.
    public var coef: Double
    /// `sqrt(diag(fit$var))`, from crr's sandwich variance.
    public var se: Double?
    /// `coef / se`.
    public var z: Double?
    /// Two-sided normal p-value of `z`, `2·Φ(−|z|)`.
    public var p: Double?
    /// The subdistribution hazard ratio `exp(coef)`.
    public var shr: Double?
    /// `exp(coef ∓ z_{1−α/2}·se)` at the result's `confLevel`, as `summary.crr(conf.int = )`.
    public var shrLower: Double?
    public var shrUpper: Double?

    public init(
        term: String, coef: Double, se: Double?, z: Double?, p: Double?, shr: Double?, shrLower: Double?,
        shrUpper: Double?
    ) {
        self.term = term
        self.coef = coef
        self.se = se
        self.z = z
        self.p = p
        self.shr = shr
        self.shrLower = shrLower
        self.shrUpper = shrUpper
    }
}

/// The predicted cumulative incidence of the cause for one new covariate
/// row, as a column of `predict.crr(fit, cov1)`.
public struct FineGrayPrediction: Sendable, Codable, Equatable {
    /// 1-based data row (header excluded) of the new file.
    public var row: Int
    /// Every distinct event time of the cause (crr's `uftime`).
    public var time: [Double]
    /// `1 − exp(−exp(x·β)·Λ0(t))` at each time.
    public var cif: [Double]

    public init(row: Int, time: [Double], cif: [Double]) {
        self.row = row
        self.time = time
        self.cif = cif
    }
}

/// The result of a Fine–Gray fit, as `summary(crr)` (JSON `"analysis": "fine-gray"`).
public struct FineGrayResult: Sendable, Codable, Equatable {
    /// The status code modelled (crr's `failcode`), as text like cif's causes.
    public var cause: String
    /// The status code of censored rows (crr's `cencode`).
    public var cencode: String
    /// Rows used (crr's `n`).
    public var n: Int
    /// Rows with the cause.
    public var events: Int
    /// Rows with another code than the cause and the censoring code.
    public var competingEvents: Int
    /// Rows dropped for a missing value in a column the formula uses.
    public var nDroppedMissing: Int
    /// Newton steps taken.
    public var iterations: Int
    /// crr's `converged`.
    public var converged: Bool
    /// Confidence level of the limits.
    public var confLevel: Double
    /// crr's pseudo log-likelihood at the estimate (`fit$loglik`).
    public var loglik: Double
    /// At β = 0 (`fit$loglik.null`).
    public var loglikNull: Double
    public var coefficients: [FineGrayCoefficient]
    /// crr's `var`, rows and columns in the order of `coefficients`.
    public var variance: [[Double]]
    /// With `--predict`: one incidence curve per used new row.
    public var predictions: [FineGrayPrediction]? = nil
    /// Warnings (dropped rows, non-convergence), also printed on stderr.
    public var warnings: [String]
    /// Rows read, used and dropped (with reasons).
    public var rows: RowAccounting
    /// How the data file was read; set by the caller that read it.
    public var input: InputDescription? = nil
    /// The joint Wald test of each spline term (`ns(x)`, `bs(x)`) with crr's variance; `nil` without splines.
    public var termTests: [TermWaldTest]? = nil
}
