import ArgumentParser
import SurvivalKit

extension FrameLoader {
    /// The table's own `--counts` column (each row stands for that many subjects), if given.
    static func countsColumn(_ options: CohortOptions) -> String? { nil }

    /// Makes the frame read the grouped rows' count column as frequency weights.
    static func applyCounts(_ column: String, to frameOptions: inout ModelFrameOptions) throws {
        throw AnalysisFailure(message: "--db needs frequency-weighted frames (--counts), which this build does not have yet")
    }
}
