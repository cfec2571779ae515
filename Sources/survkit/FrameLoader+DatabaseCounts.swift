import ArgumentParser
import SurvivalKit

extension FrameLoader {
    /// The table's own `--counts` column (each row stands for that many subjects), if given.
    static func countsColumn(_ options: CohortOptions) -> String? { options.counts }

    /// Makes the frame read the grouped rows' count column as frequency counts (`--counts`).
    static func applyCounts(_ column: String, to frameOptions: inout ModelFrameOptions) throws {
        frameOptions.counts = column
    }
}
