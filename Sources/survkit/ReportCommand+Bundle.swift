import ArgumentParser
import Foundation
import SurvivalKit

/// `survkit report --bundle DIR`: the whole report as a reproducible
/// manuscript bundle.
///
/// The report is run as if started in DIR (`-C DIR`) with its data paths
/// re-expressed relative to DIR, so that every file names the data as
/// `commands.sh` (which runs from DIR) does, and running it again in DIR
/// writes the same bytes. The bundle:
///
/// - `report.txt`, `report.md` (figures linked), `report.json`, `report.ipynb`;
/// - `tables/`: the Cox and Fine–Gray publication tables and Table 1 as
///   `.txt`, `.md`, `.html`, `.csv`, `.tex`, and `.docx` when pandoc is on PATH;
/// - `figures/`: each report figure as `.svg` and `.pdf`;
/// - `commands.sh`, which regenerates all of it: the report command with
///   `--bundle .`, then each publication table by its own command
///   (`survkit cox … --table publication --format latex --output tables/cox.tex`),
///   which writes the same bytes as the report;
/// - `README.md`, the list of the files.
extension ReportCommand {
    /// The options that a bundle replaces (it has every format, the figures and the notebook).
    func checkBundleOptions() throws {
        let given = [
            (output.output != nil, "--output"), (output.format != .text, "--format"), (figures != nil, "--figures"),
            (notebook != nil, "--notebook"),
        ].filter(\.0).map(\.1)
        if let option = given.first {
            throw ValidationError(
                "\(option) does not go with --bundle: the bundle has the report in every format, the figures and the notebook; leave \(option) out.")
        }
        if data == "-" || recurrences == "-" || analysis == "-" {
            throw ValidationError(
                "--bundle needs the data in files (commands.sh reads them again), not standard input (-).")
        }
    }

    /// Writes the bundle into `directory`.
    func writeBundle(_ directory: String) throws {
        let folder = try BundleFolder(shown: directory, path: resolve(directory))
        let given = try specification()
        // The same command, started in the bundle folder, with paths relative to it.
        var view = self
        view.data = folder.relativePath(to: resolve(data))
        view.analysis = analysis.map { folder.relativePath(to: resolve($0)) }
        view.recurrences = given.recurrences.map { folder.relativePath(to: resolve($0)) }
        view.directory = folder.absolute
        view.bundle = "."
        let spec = try view.specification()
        let cohort = try view.readCohort(view.data)
        let recurrenceCohort = try spec.recurrences.map { try view.readCohort($0) }
        let report = try view.analyse(spec, cohort: cohort, recurrences: recurrenceCohort)

        let words = view.commandWords(
            spec, formulas: report.formulas, trendShown: report.logrank?.trend != nil,
            mcfSubset: report.meanCumulativeFunctionUsesSubset,
            detectedDelimiters: (report.input?.delimiter, report.meanCumulativeFunction?.input?.delimiter))
        let figures = ReportFigure.figures(for: report)
        var links: [String: String] = [:]
        for f in figures { links[f.name] = "figures/" + f.name }
        var files: [BundleFolder.File] = [
            .init("report.txt", text: try ReportRenderer.render(report, format: .text)),
            .init("report.md", text: try ReportRenderer.render(report, format: .markdown, figureLinks: links)),
            .init("report.json", text: try ReportRenderer.render(report, format: .json)),
            .init("report.ipynb", text: view.notebookText(report, spec: spec, notebookPath: "report.ipynb")),
        ]
        let pandoc = PublicationTableWriter.executable("pandoc") != nil
        var script = ReportBundleScript(report: words.report, pandoc: pandoc)

        files += try tableOneFiles(report, pandoc: pandoc)
        for (name, step, table) in [("cox", "cox", report.coxTable), ("finegray", "fine-gray", report.fineGrayTable)] {
            guard var table, let stepWords = words.steps[step] else { continue }
            let command = SingleTableCommand(name: name, words: stepWords)
            table.call = command.call()
            files += try command.formats(pandoc: pandoc).map { format in
                .init(command.path(format), bytes: try Self.bytes(table, format: format))
            }
            if table.call != nil { script.tables.append(command) }
        }
        for f in figures {
            let stem = String(f.name.dropLast(".svg".count))
            files.append(.init("figures/" + f.name, text: f.svg))
            guard let size = f.size else { continue }
            do { files.append(.init("figures/\(stem).pdf", bytes: try SVGRasterizer.pdf(f.svg, size: size))) } catch {
                throw AnalysisFailure(message: "\(folder.location("figures/\(stem).pdf")): cannot draw the figure: \(error.message)")
            }
        }
        files.append(.init("commands.sh", text: script.text))
        files.append(.init("README.md", text: script.readme(report, files: files.map(\.path) + ["commands.sh", "README.md"])))
        for w in report.warnings { StandardStreams.writeError("warning: \(w)\n") }
        try folder.write(files, inputs: view.inputFiles(spec))
        // commands.sh is run as a program.
        _ = chmod(folder.absolute + "/commands.sh", 0o755)
    }

    /// Table 1 in every table format (`tables/table1.*`; made by the report alone).
    func tableOneFiles(_ report: Report, pandoc: Bool) throws -> [BundleFolder.File] {
        let spec = report.specification
        let caption = "Characteristics of the cohort" + (spec.group.map { " by \($0)" } ?? "") + " (Table 1)"
        func render(_ format: PublicationTableFormat) -> String {
            TableOneTable.render(
                report.cohortDescription, format: format, caption: caption, continuous: spec.continuous ?? .median,
                timeUnit: spec.timeUnit)
        }
        var files = SingleTableCommand.textFormats.map { f in
            BundleFolder.File("tables/table1.\(f.extension)", text: render(f.format))
        }
        if pandoc {
            files.append(.init("tables/table1.docx", bytes: try PublicationTableWriter.docx(fromMarkdown: render(.markdown))))
        }
        return files
    }

    /// A publication table's file in `format` (`docx`: pandoc's Word document of the Markdown).
    static func bytes(_ table: PublicationTable, format: TableOutputFormat) throws -> [UInt8] {
        switch format {
        case .docx: return try PublicationTableWriter.docx(fromMarkdown: table.render(.markdown))
        case .text, .json: return Array(table.render(.text).utf8)
        case .markdown: return Array(table.render(.markdown).utf8)
        case .html: return Array(table.render(.html).utf8)
        case .csv: return Array(table.render(.csv).utf8)
        case .latex: return Array(table.render(.latex).utf8)
        }
    }
}
