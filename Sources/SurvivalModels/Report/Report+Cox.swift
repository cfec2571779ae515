import CohortData

/// The Cox section of a report.
///
/// Placeholder until the Cox engine is merged: `Never` (Codable, so a report
/// encodes `"cox": null`). When `CoxModel` is available this becomes
/// `CoxResult` and `fitCox` calls `CoxModel.fit(frame, options: CoxOptions())`.
public typealias ReportCoxSection = Never

extension Report {
    /// Fits the report's Cox model to `frame`.
    static func fitCox(_ frame: ModelFrame) throws -> (result: ReportCoxSection?, warnings: [String]) {
        (nil, ["the Cox model is not available in this build."])
    }
}
