/// One row of a forest plot: a model term with its hazard ratio and confidence
/// limits (as R `summary(coxph)$conf.int`: `exp(coef)`, `lower .95`, `upper .95`)
/// and optionally its Wald p-value.
public struct ForestRow: Sendable, Codable, Equatable {
    public var term: String
    /// Hazard ratio (must be > 0 to be drawn).
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    public var pValue: Double?

    public init(term: String, estimate: Double, lower: Double, upper: Double, pValue: Double? = nil) {
        self.term = term
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.pValue = pValue
    }

    enum CodingKeys: String, CodingKey {
        case term, estimate, lower, upper
        case pValue = "p_value"
    }
}
