import ArgumentParser
import Foundation
import SurvivalKit

extension ReportCommand {
    /// The notebook of `report` for a notebook file at `notebookPath` (as
    /// given: relative to the working directory, or `--directory`): its cells
    /// name the data files relative to the notebook's folder and write their
    /// figures into ``notebookFiguresFolder(_:)``, and it shows the whole
    /// report command with its paths relative to that folder too.
    /// `--notebook` writes this text; any other place a notebook is written
    /// (e.g. inside a bundle) should call this with that notebook's path.
    func notebookText(_ report: Report, spec: ReportSpecification, notebookPath: String) -> String {
        let folder = Self.notebookFolder(absolutePath(notebookPath))
        func shown(_ path: String) -> String {
            path == "-" ? path : NotebookPaths.path(of: absolutePath(path), fromFolder: folder).path
        }
        var inputs = [input(variable: "DATA", data, folder: folder)]
        if let r = spec.recurrences { inputs.append(input(variable: "RECURRENCES", r, folder: folder)) }
        let paths = NotebookPaths(
            inputs: inputs,
            figures: NotebookPaths.figuresFolder(notebookFileName: (notebookPath as NSString).lastPathComponent))
        let commands = commands(
            spec, formulas: report.formulas, trendShown: report.logrank?.trend != nil,
            mcfSubset: report.meanCumulativeFunctionUsesSubset,
            detectedDelimiters: (report.input?.delimiter, report.meanCumulativeFunction?.input?.delimiter), path: shown)
        return NotebookExport.render(report, commands: commands, paths: paths)
    }

    /// The absolute folder the cells of a notebook at `notebookPath` write their figures into.
    func notebookFiguresFolder(_ notebookPath: String) -> String {
        let name = NotebookPaths.figuresFolder(notebookFileName: (notebookPath as NSString).lastPathComponent)
        return Self.notebookFolder(absolutePath(notebookPath)) + "/" + name
    }

    /// Refuses a `--figures` folder that is the notebook's own figures folder:
    /// running the notebook would replace the report's figures with the cells'.
    func refuseFiguresInNotebookFolder(notebookPath: String) throws {
        guard let figures else { return }
        let a = NotebookPaths.components(absolutePath(figures))
        let b = NotebookPaths.components(notebookFiguresFolder(notebookPath))
        if a == b {
            throw ValidationError(
                "--figures \(figures) is the folder the notebook's cells draw their figures into; choose another folder.")
        }
    }

    /// How the cells name an input file: relative to the notebook's folder, or absolute, or standard input.
    private func input(variable: String, _ given: String, folder: String) -> NotebookPaths.Input {
        if given == "-" { return NotebookPaths.Input(variable: variable, given: given, path: "-", kind: .standardInput) }
        let (path, kind) = NotebookPaths.path(of: absolutePath(given), fromFolder: folder)
        return NotebookPaths.Input(variable: variable, given: given, path: path, kind: kind)
    }

    /// `path` (as given) made absolute: against `--directory`, then the working directory.
    func absolutePath(_ path: String) -> String {
        let resolved = resolve(path)
        if resolved.hasPrefix("/") { return resolved }
        return FileManager.default.currentDirectoryPath + "/" + resolved
    }

    /// The folder of an absolute file path, lexically (`.` and `..` resolved).
    static func notebookFolder(_ absoluteFile: String) -> String {
        "/" + NotebookPaths.components(absoluteFile).dropLast().joined(separator: "/")
    }
}
