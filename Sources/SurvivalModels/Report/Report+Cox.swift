import CohortData

/// The Cox section of a report: the model's own result value.
public typealias ReportCoxSection = CoxResult

extension Report {
    /// Fits the report's Cox model to `frame` (R `coxph` defaults: Efron ties,
    /// model-based variance unless the formula has `cluster(...)`).
    ///
    /// - Throws: `ModelError` with the Cox engine's message.
    static func fitCox(_ frame: ModelFrame) throws -> (result: ReportCoxSection?, warnings: [String]) {
        do {
            let result = try CoxModel.fit(frame, options: CoxOptions()).result
            return (result, result.warnings)
        } catch {
            throw ModelError("Cox model: \(error.description)")
        }
    }
}
