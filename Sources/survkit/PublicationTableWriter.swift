import ArgumentParser
import Foundation
import SurvivalKit

/// Writes the publication table of a regression command: reads `--labels`,
/// states the call, renders the format and, for `--format docx`, runs pandoc.
enum PublicationTableWriter {
    /// The labels of `--labels` (nil: none) with the data file's own variable
    /// labels (Stata/SPSS/SAS) for the columns it does not label. A file
    /// that cannot be read or is not of the documented form is an
    /// `AnalysisFailure` naming the file and the member at fault.
    static func labels(_ options: TableOutputOptions, fileLabels: [String: String] = [:]) throws -> PublicationLabels {
        guard let path = options.labels else { return PublicationLabels.none.merging(fileLabels: fileLabels) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw AnalysisFailure(message: "--labels \(path): \(reason)")
        }
        do { return try PublicationLabels(json: data).merging(fileLabels: fileLabels) } catch {
            throw AnalysisFailure(message: "--labels \(path): \(error.message)")
        }
    }

    /// The command as it could be typed again: `survkit cox DATA --formula "…"`
    /// with the data-reading options that differ from the defaults
    /// (`--subset`, `--weights`, `--reference`, `--duration`, `--strict`, the
    /// CSV dialect) and `options`, the command's own non-default options
    /// (strata and clusters are in the formula), then the table's own
    /// `--labels`, `--digits` and `--digits-p`. `--format` and `--output` are left out.
    static func call(_ command: String, cohort: CohortOptions, options: [String], table: TableOutputOptions) -> String {
        var args = ["survkit", command, cohort.data, "--formula", cohort.formula]
        if let subset = cohort.subset { args += ["--subset", subset] }
        if let weights = cohort.weights { args += ["--weights", weights] }
        for r in cohort.references { args += ["--reference", r] }
        for d in cohort.durations { args += ["--duration", d] }
        if cohort.strict { args.append("--strict") }
        args += cohort.input.reproducingArguments
        args += options
        if let labels = table.labels { args += ["--labels", labels] }
        if let digits = table.digits { args += ["--digits", "\(digits)"] }
        if let digits = table.digitsP { args += ["--digits-p", "\(digits)"] }
        return args.map(shellQuoted).joined(separator: " ")
    }

    /// `s` as a POSIX shell word: bare when it has only safe characters,
    /// else in double quotes, or single quotes when it holds `"`, `$`, `` ` ``, `\` or `!`.
    static func shellQuoted(_ s: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%")
        if !s.isEmpty && s.allSatisfy({ safe.contains($0) }) { return s }
        if !s.contains(where: { "\"$`\\!".contains($0) }) { return "\"" + s + "\"" }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Renders `table` as `options` ask and writes it to `destination`, with the warnings on stderr.
    static func emit(
        _ table: PublicationTable, options: TableOutputOptions, warnings: [String], to destination: ReportDestination
    ) throws {
        let text = table.render(options.publicationFormat, style: options.style)
        guard options.format == .docx else {
            try ReportWriter.emit(text, warnings: warnings, to: destination)
            return
        }
        guard case .file(let file) = destination else {
            throw ValidationError("--format docx writes a Word file: name it with --output FILE.docx.")
        }
        if FileStatus.of(file.path)?.kind == .characterDevice && isTerminal(file.path) {
            throw AnalysisFailure(
                message: "--output \(file.shown) is a terminal: --format docx writes a binary Word file; name a file with --output FILE.docx.")
        }
        let bytes = try docx(fromMarkdown: text)
        for w in warnings { StandardStreams.writeError("warning: \(w)\n") }
        try file.write(contentsOf: bytes)
    }

    /// The date pandoc is given for a Word file's timestamps (the zip entries
    /// and `docProps/core.xml`), as `SOURCE_DATE_EPOCH`, unless the
    /// environment sets one: 1980-01-01 00:00 UTC, the first date a zip file
    /// can hold. Without it pandoc writes the current time and no two files
    /// of the same table are the same bytes.
    static let defaultSourceDateEpoch = 315_532_800

    /// The Word document pandoc makes of `markdown` (`pandoc --from markdown
    /// --to docx --output -`); pandoc is looked up on PATH and run with
    /// `SOURCE_DATE_EPOCH` (``defaultSourceDateEpoch`` unless set), so the
    /// same table gives the same bytes.
    static func docx(fromMarkdown markdown: String) throws -> [UInt8] {
        guard let pandoc = executable("pandoc") else {
            throw AnalysisFailure(
                message: "--format docx needs pandoc, which is not installed (not on PATH); install it with: apt-get install pandoc"
                    + " (or write --format markdown or html and convert it yourself)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pandoc)
        process.arguments = ["--from", "markdown", "--to", "docx", "--output", "-"]
        var environment = ProcessInfo.processInfo.environment
        if environment["SOURCE_DATE_EPOCH"] == nil { environment["SOURCE_DATE_EPOCH"] = "\(defaultSourceDateEpoch)" }
        process.environment = environment
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw AnalysisFailure(message: "--format docx: cannot run \(pandoc): \(error.localizedDescription)")
        }
        // Read stdout and stderr while writing stdin, so that neither pipe fills up.
        let group = DispatchGroup()
        nonisolated(unsafe) var document = Data()
        nonisolated(unsafe) var message = Data()
        DispatchQueue.global().async(group: group) { document = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { message = errors.fileHandleForReading.readDataToEndOfFile() }
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try? input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw AnalysisFailure(message: "--format docx: pandoc failed (exit \(process.terminationStatus)): \(text)")
        }
        return [UInt8](document)
    }

    /// Whether `path` is a terminal (`/dev/tty`, `/dev/stdout` on a terminal).
    static func isTerminal(_ path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return isatty(fd) == 1
    }

    /// The first executable file `name` in the directories of PATH.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
