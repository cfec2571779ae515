import SurvivalModels

/// The `survkit` commands that reproduce a report: the whole report, and the
/// single-analysis command of each section (keyed by `ReportSection.id`).
public struct ReportCommands: Sendable, Equatable {
    /// `survkit report ...` with the options that made this report.
    public var report: String
    /// Section id (`kaplan-meier`, `rmst`, `logrank`, `cox`, `cumulative-incidence`,
    /// `fine-gray`, `mcf`, `rates`) → `survkit km ...`, `survkit cif ...` etc.
    public var steps: [String: String]
    /// The arguments of `report` after `survkit` (`report`, the data, the options).
    public var reportArguments: [String]
    /// The arguments of each step after `survkit` (`km`, the data as given, the options).
    public var stepArguments: [String: [String]]

    public init(
        report: String, steps: [String: String], reportArguments: [String] = [], stepArguments: [String: [String]] = [:]
    ) {
        self.report = report
        self.steps = steps
        self.reportArguments = reportArguments
        self.stepArguments = stepArguments
    }
}

/// Writes a report as a Jupyter notebook (nbformat 4.5) whose code cells run.
///
/// Layout: a Markdown cell with the title, the overview and the whole
/// `survkit report` command (a fenced block, never run by the notebook: it
/// would rewrite the notebook); a Markdown cell on running the notebook and
/// the setup code cell (``NotebookPython/setup(_:)``: the program, the data
/// files relative to the notebook's folder, a figures folder next to the
/// notebook); then per section a Markdown cell (heading, text and tables) and,
/// where the section has one, a code cell that runs the section's own command
/// (`survkit km ...`) through the `survkit()` helper and, for the steps with a
/// figure, writes it with the command's `--plot` into the figures folder and
/// displays it (`display(Figure(path))`).
///
/// The stored outputs are exactly what `jupyter nbconvert --execute` records
/// when the notebook runs (``NotebookStepOutput``): the command's standard
/// output as a `stdout` stream, its warnings as a `stderr` stream, the figure
/// as `display_data` with the SVG file's text (`image/svg+xml`) and
/// `<Figure path>` (`text/plain`); execution counts 1, 2, 3 ... in cell order,
/// and no execution timestamps (run nbconvert with
/// `--ExecutePreprocessor.record_timing=False`). nbconvert also writes the
/// running Python's `language_info`; the notebook stores only its `name`.
///
/// The file is deterministic: keys sorted, cell ids made from the cell's
/// position and section (`04-kaplan-meier-code`), and only rendered text (no
/// raw floating-point numbers).
public enum NotebookExport {
    /// The notebook JSON text, with the cells' paths as `paths` gives them
    /// (relative to the notebook's own folder: see ``NotebookPaths``).
    public static func render(_ report: Report, commands: ReportCommands, paths: NotebookPaths) -> String {
        let doc = ReportDocument(report)
        var cells: [NotebookJSON] = []
        var executionCount = 0
        func id(_ suffix: String) -> String {
            let n = cells.count
            return (n < 10 ? "0\(n)" : "\(n)") + "-" + suffix
        }
        func code(_ suffix: String, _ source: String, outputs: [NotebookJSON]) {
            executionCount += 1
            cells.append(codeCell(id: id(suffix), source, executionCount: executionCount, outputs: outputs))
        }
        let reportBlock = commands.reportArguments.isEmpty
            ? commands.report : ShellQuoting.lines(["survkit"] + commands.reportArguments)
        let intro = "# \(doc.title)\n\n" + doc.overview.map(ReportRenderer.markdownBlock).joined(separator: "\n")
            + "\nThe whole report (text, Markdown, JSON, figures and this notebook) is made by this command, run from"
            + " this notebook's folder (it rewrites this notebook; the cells below do not run it):\n\n```bash\n"
            + reportBlock + "\n```\n"
        cells.append(markdownCell(id: id("title"), intro))
        cells.append(markdownCell(id: id("setup"), setupText(paths)))
        code("setup-code", NotebookPython.setup(paths), outputs: [])
        for s in doc.sections {
            cells.append(markdownCell(id: id(s.id), ReportRenderer.markdownSection(s, level: 2)))
            guard let arguments = commands.stepArguments[s.id], let step = NotebookStepOutput.output(of: s.id, in: report)
            else { continue }
            var outputs: [NotebookJSON] = []
            if !step.text.isEmpty { outputs.append(streamOutput(step.text)) }
            if !step.warnings.isEmpty {
                outputs.append(streamOutput(step.warnings.map { "warning: \($0)\n" }.joined(), name: "stderr"))
            }
            if let figure = step.figure { outputs.append(figureOutput(figure.svg, path: paths.figures + "/" + figure.name)) }
            let source = NotebookPython.step(
                arguments, figure: step.figure?.name, plotOptions: step.plotOptions, paths: paths)
            code(s.id + "-code", source, outputs: outputs)
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

    /// The Markdown cell before the setup cell: how the cells run, and a note
    /// for each input not named relative to the notebook.
    static func setupText(_ paths: NotebookPaths) -> String {
        var text = "## Running this notebook\n\n"
            + "Each code cell below runs one `survkit` command from this notebook's folder (where Jupyter starts the"
            + " kernel) and shows what it prints; the cells with a figure draw it with the command's own `--plot` into"
            + " `\(paths.figures)/` and display it. The setup cell names the program (the `SURVKIT` environment"
            + " variable, else `survkit` on the PATH) and the data files, relative to this folder. The stored outputs"
            + " are what the cells print.\n"
        for input in paths.inputs {
            switch input.kind {
            case .relative: continue
            case .absolute:
                text += "\nNote: `\(input.variable)` is an absolute path (`\(input.path)` shares no folder with this"
                    + " notebook): the notebook runs where that file is; elsewhere, set `\(input.variable)` to the file's"
                    + " path.\n"
            case .standardInput:
                text += "\nNote: the report read `\(input.variable)` from standard input, which the cells cannot read"
                    + " again: set `\(input.variable)` in the setup cell to the data file's path before running them.\n"
            }
        }
        return text
    }

    static func markdownCell(id: String, _ text: String) -> NotebookJSON {
        .object([
            "cell_type": .string("markdown"), "id": .string(id), "metadata": .object([:]),
            "source": NotebookJSON.lines(trimmed(text)),
        ])
    }

    static func codeCell(id: String, _ source: String, executionCount: Int, outputs: [NotebookJSON]) -> NotebookJSON {
        .object([
            "cell_type": .string("code"), "execution_count": .int(executionCount), "id": .string(id),
            "metadata": .object([:]), "outputs": .array(outputs), "source": NotebookJSON.lines(source),
        ])
    }

    /// A figure as `display(Figure(path))` shows it: the SVG text and `<Figure path>`.
    static func figureOutput(_ svg: String, path: String) -> NotebookJSON {
        .object([
            "data": .object([
                "image/svg+xml": NotebookJSON.lines(svg),
                "text/plain": .array([.string("<Figure \(path)>")]),
            ]),
            "metadata": .object([:]),
            "output_type": .string("display_data"),
        ])
    }

    static func streamOutput(_ text: String, name: String = "stdout") -> NotebookJSON {
        .object(["name": .string(name), "output_type": .string("stream"), "text": NotebookJSON.lines(text)])
    }

    /// Text without trailing newlines (notebook cell sources end without one).
    static func trimmed(_ s: String) -> String {
        var s = s
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
