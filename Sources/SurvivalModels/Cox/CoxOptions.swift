/// How tied event times are handled in the partial likelihood, as R's
/// `coxph(ties = )`.
public enum CoxTies: String, Sendable, Codable, CaseIterable {
    /// Efron's approximation (R's default).
    case efron
    /// Breslow's approximation.
    case breslow
    /// The exact partial likelihood of the discrete (conditional logistic) model,
    /// R's `ties = "exact"` (`coxexact.fit`); right-censored data without case
    /// weights only. Martingale and deviance residuals are R's (Breslow hazard at
    /// the exact estimate); other residuals and `cox.zph` are not offered.
    case exact
}

/// Settings of a Cox fit, with the defaults of R's `coxph.control()` and
/// `coxph()`.
public struct CoxOptions: Sendable {
    /// Tie handling; default Efron, as `coxph`.
    public var ties: CoxTies
    /// Sandwich (robust) variance, as `coxph(robust = )`. `nil` (the default) is
    /// R's default: robust when the frame has a `cluster`, or when any case
    /// weight is not an integer (survival ≥ 3.0); a cluster makes it robust anyway.
    public var robust: Bool?
    /// Convergence criterion: iteration stops when
    /// `|1 − loglik_old / loglik_new| ≤ epsilon` (`coxph.control(eps = 1e-9)`).
    public var epsilon: Double
    /// Relative pivot tolerance of the generalised Cholesky factorisation that
    /// detects collinear columns (`coxph.control(toler.chol = eps^0.75)`).
    public var tolerCholesky: Double
    /// Tolerance of the "coefficient may be infinite" check
    /// (`coxph.control(toler.inf = sqrt(eps))`).
    public var tolerInfinite: Double
    /// Maximum number of Newton–Raphson iterations (`coxph.control(iter.max = 20)`).
    public var maxIterations: Int
    /// Starting values of the coefficients (`coxph(init = )`); zeros when `nil`.
    public var initial: [Double]?
    /// Confidence level of the hazard-ratio limits (`summary(fit, conf.int = 0.95)`).
    public var confLevel: Double
    /// Columns whose values all lie in this set are centred but not scaled
    /// during the iteration (`coxph(nocenter = c(-1, 0, 1))`).
    public var noScaleValues: Set<Double>

    public init(
        ties: CoxTies = .efron, robust: Bool? = nil, epsilon: Double = 1e-9,
        tolerCholesky: Double = CoxOptions.defaultTolerCholesky, tolerInfinite: Double? = nil,
        maxIterations: Int = 20, initial: [Double]? = nil, confLevel: Double = 0.95,
        noScaleValues: Set<Double> = [-1, 0, 1]
    ) {
        self.ties = ties
        self.robust = robust
        self.epsilon = epsilon
        self.tolerCholesky = tolerCholesky
        self.tolerInfinite = tolerInfinite ?? epsilon.squareRoot()
        self.maxIterations = maxIterations
        self.initial = initial
        self.confLevel = confLevel
        self.noScaleValues = noScaleValues
    }
}

extension CoxOptions {
    /// `.Machine$double.eps^0.75`, R's `toler.chol`.
    public static let defaultTolerCholesky: Double = {
        // exp(0.75·log ε) without Foundation: ε = 2⁻⁵², so ε^0.75 = 2⁻³⁹.
        Double(sign: .plus, exponent: -39, significand: 1)
    }()
}
