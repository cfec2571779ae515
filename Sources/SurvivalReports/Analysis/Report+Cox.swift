import CohortData
import SurvivalModels

extension Report {
    /// Fits the report's Cox model to `frame` (R `coxph` defaults: Efron ties,
    /// model-based variance unless the formula has `cluster(...)`).
    ///
    /// - Throws: `ModelError` with the Cox engine's message.
    static func fitCox(_ frame: ModelFrame) throws -> CoxResult {
        do {
            return try CoxModel.fit(frame, options: CoxOptions()).result
        } catch {
            throw ModelError("Cox model: \(error.description)")
        }
    }
}
