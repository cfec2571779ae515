/// Controls of a Fine–Gray fit, as the arguments of `cmprsk::crr`.
public struct FineGrayOptions: Sendable, Equatable {
    /// The status code of the event of interest, crr's `failcode` (default 1).
    public var cause: Int
    /// The status code of a censored row, crr's `cencode` (default 0). Every
    /// other code is a competing event.
    public var censoringCode: Int
    /// Confidence level of the subdistribution-hazard-ratio limits (as
    /// `summary.crr(conf.int = )`).
    public var confLevel: Double
    /// crr's `gtol`: the iteration has converged when every
    /// `|score_j|·max(|β_j|, 1)` is below `gtol·max(|loglik|, 1)`.
    public var gradientTolerance: Double
    /// crr's `maxiter`: the most Newton steps (default 10).
    public var maxIterations: Int

    public init(
        cause: Int = 1, censoringCode: Int = 0, confLevel: Double = 0.95, gradientTolerance: Double = 1e-6,
        maxIterations: Int = 10
    ) {
        self.cause = cause
        self.censoringCode = censoringCode
        self.confLevel = confLevel
        self.gradientTolerance = gradientTolerance
        self.maxIterations = maxIterations
    }
}
