import SurvivalKit

/// Writes a rendered report and the warnings, the same way for every command.
enum ReportWriter {
    /// Where the report goes: `--output` or standard output. Checked before
    /// any work: an `--output` that is one of `inputs` is a usage error.
    /// `resolve` maps the path as given to the one to open (`report -C`).
    static func destination(
        _ output: OutputOptions, inputs: [InputFile], resolve: (String) -> String = { $0 }
    ) throws -> ReportDestination {
        guard let path = output.output else { return .standardOutput }
        let file = OutputFile(option: "--output", shown: path, resolved: resolve(path), contents: "the report")
        try file.refuseOverwriting(inputs: inputs)
        return .file(file)
    }

    /// Writes each warning to stderr, then `text` to `destination`.
    static func emit(_ text: String, warnings: [String], to destination: ReportDestination) throws {
        for w in warnings { StandardStreams.writeError("warning: \(w)\n") }
        switch destination {
        case .file(let file): try file.write(text)
        case .standardOutput: try writeToStandardOutput(text, contents: "the report")
        }
        PhaseTimings.mark("report")
    }

    /// Writes `text` to standard output; a failure (closed, full) is an
    /// `AnalysisFailure`, `standard output: cannot write the report: ...`.
    static func writeToStandardOutput(_ text: String, contents: String) throws {
        do { try StandardStreams.writeOutput(text) } catch {
            throw AnalysisFailure(message: "standard output: cannot write \(contents): \(error.text)")
        }
    }
}

/// Where a report is written.
enum ReportDestination {
    /// Standard output (no `--output`).
    case standardOutput
    /// A file, written safely (``OutputFile``).
    case file(OutputFile)
}
