import CohortData
import SurvivalModels

extension Report {
    /// Fits the report's Cox model to `frame` (R `coxph` defaults: Efron ties,
    /// model-based variance unless the formula has `cluster(...)`).
    ///
    /// - Throws: `ModelError` with the Cox engine's message.
    static func fitCox(_ frame: ModelFrame) throws -> CoxResult {
        try refusePenalizedSplines(frame, model: "Cox model")
        do {
            return try CoxModel.fit(frame, options: CoxOptions()).result
        } catch {
            throw ModelError("Cox model: \(error.description)")
        }
    }

    /// A report fits its models unpenalised: a `pspline()` covariate is refused (only `survkit cox` fits it).
    static func refusePenalizedSplines(_ frame: ModelFrame, model: String) throws {
        if let label = frame.splineBases.first(where: { $0.value.kind == .penalized })?.key {
            throw ModelError("\(model): \(label) is a penalised spline, which only `survkit cox` fits; use ns(x, df = k) in a report")
        }
    }
}
