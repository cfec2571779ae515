import SurvivalModels

/// The `survkit` commands that reproduce a report: the whole report, and the
/// single-analysis command of each section (keyed by `ReportSection.id`).
public struct ReportCommands: Sendable, Equatable {
    /// `survkit report ...` with the options that made this report.
    public var report: String
    /// Section id (`kaplan-meier`, `rmst`, `logrank`, `cox`, `cumulative-incidence`,
    /// `fine-gray`, `mcf`, `rates`) → `survkit km ...`, `survkit cif ...` etc.
    public var steps: [String: String]

    public init(report: String, steps: [String: String]) {
        self.report = report
        self.steps = steps
    }
}

/// Writes a report as a Jupyter notebook (nbformat 4.5).
///
/// Layout: a Markdown cell with the title and overview; a code cell with the
/// `survkit report` command; then per section a Markdown cell (heading, text
/// and tables) and, where the section has one, a code cell with the
/// single-analysis command whose outputs embed the section's figure
/// (`display_data`, `image/svg+xml`) and the command's text output (`stream`).
///
/// The file is deterministic: keys sorted, cell ids made from the cell's
/// position and section (`03-kaplan-meier-code`), no timestamps, no execution
/// counts, and only rendered text (no raw floating-point numbers). Code cells
/// are IPython shell escapes (`!survkit ...`), runnable in a Python kernel
/// with `survkit` on the PATH.
public enum NotebookExport {
    /// The notebook JSON text.
    public static func render(_ report: Report, figures: [ReportFigure], commands: ReportCommands) -> String {
        let doc = ReportDocument(report)
        var cells: [NotebookJSON] = []
        func id(_ suffix: String) -> String {
            let n = cells.count
            return (n < 10 ? "0\(n)" : "\(n)") + "-" + suffix
        }
        let intro = "# \(doc.title)\n\n" + doc.overview.map(ReportRenderer.markdownBlock).joined(separator: "\n")
            + "\nThe whole report (text, Markdown, JSON, figures and this notebook) is reproduced by:\n"
        cells.append(markdownCell(id: id("title"), intro))
        cells.append(codeCell(id: id("report-code"), "!" + commands.report, outputs: []))
        for s in doc.sections {
            cells.append(markdownCell(id: id(s.id), ReportRenderer.markdownSection(s, level: 2)))
            guard let command = commands.steps[s.id] else { continue }
            var outputs: [NotebookJSON] = []
            if let name = s.figure, let f = figures.first(where: { $0.name == name }) {
                outputs.append(figureOutput(f))
            }
            if s.id == "logrank", let lr = report.logrank, let text = try? LogRankReport.render(lr, format: .text) {
                outputs.append(streamOutput(text))
            }
            if s.id == "cox", let cox = report.cox, let text = try? CoxReport.render(cox, format: .text) {
                outputs.append(streamOutput(text))
            }
            if s.id == "rates", let rates = report.rates, let text = try? EventRatesReport.render(rates, format: .text) {
                outputs.append(streamOutput(text))
            }
            if s.id == "rmst", let rm = report.restrictedMean, let text = try? RestrictedMeanReport.render(rm, format: .text) {
                outputs.append(streamOutput(text))
            }
            if s.id == "fine-gray", let fg = report.fineGray, let text = try? FineGrayReport.render(fg, format: .text) {
                outputs.append(streamOutput(text))
            }
            cells.append(codeCell(id: id(s.id + "-code"), "!" + command, outputs: outputs))
        }
        let notebook = NotebookJSON.object([
            "cells": .array(cells),
            "metadata": .object([
                "kernelspec": .object([
                    "display_name": .string("Python 3"), "language": .string("python"), "name": .string("python3"),
                ]),
                "language_info": .object(["name": .string("python")]),
                "survkit": .object(["analysis": .string("report"), "data": .string(report.data)]),
            ]),
            "nbformat": .int(4),
            "nbformat_minor": .int(5),
        ])
        return notebook.rendered()
    }

    static func markdownCell(id: String, _ text: String) -> NotebookJSON {
        .object([
            "cell_type": .string("markdown"), "id": .string(id), "metadata": .object([:]),
            "source": NotebookJSON.lines(trimmed(text)),
        ])
    }

    static func codeCell(id: String, _ source: String, outputs: [NotebookJSON]) -> NotebookJSON {
        .object([
            "cell_type": .string("code"), "execution_count": .null, "id": .string(id),
            "metadata": .object([:]), "outputs": .array(outputs), "source": NotebookJSON.lines(source),
        ])
    }

    static func figureOutput(_ f: ReportFigure) -> NotebookJSON {
        .object([
            "data": .object([
                "image/svg+xml": NotebookJSON.lines(f.svg),
                "text/plain": .array([.string("<Figure: \(f.caption) (\(f.name))>")]),
            ]),
            "metadata": .object([:]),
            "output_type": .string("display_data"),
        ])
    }

    static func streamOutput(_ text: String) -> NotebookJSON {
        .object(["name": .string("stdout"), "output_type": .string("stream"), "text": NotebookJSON.lines(text)])
    }

    /// Text without trailing newlines (notebook cell sources end without one).
    static func trimmed(_ s: String) -> String {
        var s = s
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
