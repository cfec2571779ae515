import Foundation
import SurvivalKit

/// Writes a rendered report and the warnings, the same way for every command.
enum ReportWriter {
    /// Writes `text` to `--output` or standard output, and each warning to stderr.
    static func emit(_ text: String, warnings: [String], output: OutputOptions) throws {
        for w in warnings {
            FileHandle.standardError.write(Data("warning: \(w)\n".utf8))
        }
        if let path = output.output {
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw AnalysisFailure(message: "\(path): cannot write the report (\(error.localizedDescription)).")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
