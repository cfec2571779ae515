/// Settings of a parametric survival fit, with R's `survreg.control()` defaults.
public struct SurvregOptions: Sendable, Equatable {
    /// The survival-time distribution (R's default is the Weibull).
    public var distribution: SurvregDistribution = .weibull
    /// Maximum Newton–Raphson iterations of the full model (`iter.max`, 30).
    /// The intercept-only model that gives the starting values and
    /// `loglik_null` is fitted with at most 20, as `survreg.fit`.
    public var maxIterations: Int = 30
    /// Convergence when the relative change of the log-likelihood is at most
    /// this (`rel.tolerance`, 1e-9).
    public var relTolerance: Double = 1e-9
    /// Pivot tolerance of the generalised Cholesky (`toler.chol`, 1e-10).
    public var tolerChol: Double = 1e-10

    public init(distribution: SurvregDistribution = .weibull) {
        self.distribution = distribution
    }
}
