import Foundation

/// The bootstrap of a Cox model's coefficients (``CoxModel/bootstrap(_:fit:bootstrap:)``).
public struct CoxBootstrap: Sendable, Codable, Equatable {
    /// Number of replicates B.
    public var replicates: Int
    /// Seed of the generator (``BootstrapOptions/seed``, as an integer of the JSON).
    public var seed: Int
    /// Replicates left out: the fit failed (no events, …), did not converge,
    /// or gave a coefficient that is aliased or not finite.
    public var undefined: Int
    /// Whether whole clusters (`cluster(id)`) were resampled rather than rows.
    public var resampledClusters: Bool
    /// One row per coefficient, in design order.
    public var coefficients: [CoxBootstrapCoefficient]

    public init(
        replicates: Int, seed: Int, undefined: Int, resampledClusters: Bool,
        coefficients: [CoxBootstrapCoefficient]
    ) {
        self.replicates = replicates
        self.seed = seed
        self.undefined = undefined
        self.resampledClusters = resampledClusters
        self.coefficients = coefficients
    }
}

/// The bootstrap summary of one coefficient, on the coefficient (log hazard
/// ratio) scale, with the hazard-ratio equivalents: `exp` of the estimate and
/// of each limit (the percentile limits of exp(β) are exp of those of β up to
/// the interpolation between two order statistics).
public struct CoxBootstrapCoefficient: Sendable, Codable, Equatable {
    public var term: String
    /// The coefficient on the data; `nil` when aliased.
    public var estimate: Double?
    /// Standard deviation of the defined replicates (n − 1 denominator).
    public var stdErr: Double?
    public var normalLower: Double?
    public var normalUpper: Double?
    public var percentileLower: Double?
    public var percentileUpper: Double?
    /// `exp` of the above.
    public var hr: Double?
    public var hrNormalLower: Double?
    public var hrNormalUpper: Double?
    public var hrPercentileLower: Double?
    public var hrPercentileUpper: Double?

    public init(term: String, _ e: BootstrapEstimate) {
        func exp(_ x: Double?) -> Double? { x.flatMap { let v = Foundation.exp($0); return v.isFinite ? v : nil } }
        self.term = term
        estimate = e.estimate
        stdErr = e.stdErr
        normalLower = e.normalLower
        normalUpper = e.normalUpper
        percentileLower = e.percentileLower
        percentileUpper = e.percentileUpper
        hr = exp(e.estimate)
        hrNormalLower = exp(e.normalLower)
        hrNormalUpper = exp(e.normalUpper)
        hrPercentileLower = exp(e.percentileLower)
        hrPercentileUpper = exp(e.percentileUpper)
    }
}
