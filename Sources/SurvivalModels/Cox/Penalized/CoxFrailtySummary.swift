/// The frailty row of a shared-frailty Cox fit, as R's `print.coxph.penal`:
/// the variance θ the final fit used, the term's effective degrees of
/// freedom, and the Wald-type chi-square Σ b²/var(b) with its p-value on
/// max(df, 0.5) degrees of freedom.
public struct CoxFrailtySummary: Sendable, Codable, Equatable {
    /// `gamma` or `gaussian`.
    public var distribution: String
    public var variance: Double
    public var df: Double
    public var chisq: Double
    public var p: Double

    public init(distribution: String, variance: Double, df: Double, chisq: Double, p: Double) {
        self.distribution = distribution
        self.variance = variance
        self.df = df
        self.chisq = chisq
        self.p = p
    }
}

/// A likelihood-ratio test whose degrees of freedom are not whole: the
/// penalised fit's, on the sum of the terms' effective df (rounded to 2
/// digits, as R prints and uses it).
public struct PenalizedLikelihoodRatio: Sendable, Codable, Equatable {
    public var statistic: Double
    public var df: Double
    public var p: Double

    public init(statistic: Double, df: Double, p: Double) {
        self.statistic = statistic
        self.df = df
        self.p = p
    }
}

/// The extra numbers of a penalised (frailty, pspline) Cox fit R prints: the rows of
/// `print.coxph.penal` besides the coefficients.
public struct CoxPenalizedPrint: Sendable, Codable, Equatable {
    /// The frailty term as written (`frailty(litter)`), R's row label; empty for a `pspline()` fit.
    public var frailtyTerm: String
    /// Outer (θ) iterations and total Newton–Raphson iterations, R's `fit$iter`.
    public var outerIterations: Int
    public var newtonRaphsonIterations: Int
    /// The effective df of every term in model order (a frailty's last).
    public var termDF: [Double]
    /// Each fixed effect's chi-square b²/var as the table prints it (on 1 df).
    public var coefficientChisq: [Double?]

    public init(frailtyTerm: String, outerIterations: Int, newtonRaphsonIterations: Int, termDF: [Double],
                coefficientChisq: [Double?]) {
        self.frailtyTerm = frailtyTerm
        self.outerIterations = outerIterations
        self.newtonRaphsonIterations = newtonRaphsonIterations
        self.termDF = termDF
        self.coefficientChisq = coefficientChisq
    }
}
