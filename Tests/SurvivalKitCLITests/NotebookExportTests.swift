import Foundation
import SurvivalKit
@testable import SurvivalReports
import SurvivalTestSupport
import Testing
@testable import survkit

/// `notebooks-export/` is regenerated from `scripts/export-notebooks.sh` and must
/// not change by a single byte: any statistical or formatting change anywhere
/// shows up as a diff. The commands are read from the script itself (one list),
/// run in-process with `-C` pointing at a temporary directory whose `datasets`
/// links to the repository's, so the relative paths inside the notebooks are
/// the same as when the script is run from the repository root.
@Suite struct NotebookExportTests {
    /// The `survkit report` argument lists of the export script.
    static func scriptCommands() throws -> [[String]] {
        let script = try String(contentsOf: Repository.url("scripts/export-notebooks.sh"), encoding: .utf8)
        let joined = script.replacingOccurrences(of: "\\\n", with: " ")
        return joined.split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("\"$SURVKIT\" report ") }
            .map { line in
                let expanded = line.replacingOccurrences(of: "$out/", with: "notebooks-export/")
                return Array(shellWords(expanded).dropFirst())
            }
    }

    /// Splits a shell line into words: blanks separate, double quotes group.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inQuotes = false, inWord = false
        for ch in line {
            if ch == "\"" {
                inQuotes.toggle()
                inWord = true
            } else if ch == " " && !inQuotes {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(ch)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// All regular files under `dir`, relative paths, sorted.
    static func files(under dir: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: dir.path)
        var out: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path, isDirectory: &isDir),
                !isDir.boolValue
            {
                out.append(path)
            }
        }
        return out.sorted()
    }

    @Test func exportScriptListsSarcomaAndTwoRealDatasets() throws {
        let commands = try Self.scriptCommands()
        let data = commands.compactMap { $0.dropFirst().first }
        #expect(data == ["datasets/sarcoma_patients.csv", "datasets/lung.csv", "datasets/veteran.csv"])
        for c in commands { #expect(c.contains("--notebook") && c.contains("--figures")) }
    }

    @Test func regeneratedNotebooksMatchTheCommittedExport() throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("nbexport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: temp.appendingPathComponent("notebooks-export"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        try FileManager.default.createSymbolicLink(
            at: temp.appendingPathComponent("datasets"), withDestinationURL: Repository.url("datasets"))
        for arguments in try Self.scriptCommands() {
            var command = try Survkit.parseAsRoot(arguments + ["-C", temp.path])
            try command.run()
        }
        let committed = Repository.url("notebooks-export")
        let fresh = temp.appendingPathComponent("notebooks-export")
        let expected = Self.files(under: committed).filter { $0 != "README.md" }
        let produced = Self.files(under: fresh)
        #expect(produced == expected, "regenerate with scripts/export-notebooks.sh")
        for name in produced where expected.contains(name) {
            let a = try Data(contentsOf: committed.appendingPathComponent(name))
            let b = try Data(contentsOf: fresh.appendingPathComponent(name))
            #expect(a == b, "\(name) differs from notebooks-export/ — rerun scripts/export-notebooks.sh and review the diff")
        }
    }

    /// Validates the committed notebooks against the nbformat 4 schema with
    /// Python's `nbformat`; shown as skipped when python3 or nbformat is missing
    /// (`.ci/run` installs it, so CI always runs it).
    @Test(.enabled(if: OptionalTool.pythonNbformat, "needs python3 with nbformat"))
    func committedNotebooksAreValidNbformat() throws {
        let notebooks = Self.files(under: Repository.url("notebooks-export")).filter { $0.hasSuffix(".ipynb") }
        #expect(notebooks.count >= 3)
        let check = """
            import sys, nbformat
            for path in sys.argv[1:]:
                nbformat.validate(nbformat.read(path, as_version=4))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", check] + notebooks.map { Repository.url("notebooks-export/" + $0).path }
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "nbformat validation failed: \(message)")
    }

    /// The acceptance test of "notebooks that run": `scripts/execute-notebooks.sh`
    /// executes each exported notebook with `jupyter nbconvert --execute` (from
    /// its own folder and from another) and fails on any error or any
    /// difference from the committed notebook. Skipped without Jupyter, except
    /// on CI or with `SURVKIT_REQUIRE_JUPYTER` set (`.ci/run` sets it), where a
    /// missing Jupyter fails.
    @Test(
        .enabled(
            if: OptionalTool.jupyterExecution || OptionalTool.jupyterRequired,
            "needs jupyter nbconvert with nbclient and ipykernel (pip install nbconvert ipykernel)"))
    func exportedNotebooksExecuteInJupyterWithNoDiff() throws {
        try #require(
            OptionalTool.jupyterExecution,
            "Jupyter is required here (CI or SURVKIT_REQUIRE_JUPYTER) but python3 -m pip install nbconvert nbclient ipykernel nbformat is missing")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("execute-notebooks-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Repository.url("scripts/execute-notebooks.sh").path]
        var environment = ProcessInfo.processInfo.environment
        environment["SURVKIT"] = CommandRunner.executable.path
        process.environment = environment
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "scripts/execute-notebooks.sh failed:\n\(output)")
        #expect(output.components(separatedBy: "executes with no error and no diff").count - 1 == 3, "\(output)")
    }

    /// Report variants whose notebooks must store exactly what their cells'
    /// commands write: options the exports do not use (landmark, subset,
    /// strata, references), so that a report section computed otherwise than
    /// its command shows up without Jupyter.
    static let variants: [[String]] = [
        [
            "report", "datasets/veteran.csv", "--time", "time", "--status", "status", "--group", "celltype",
            "--covariates", "celltype,karno,age", "--strata", "trt", "--times", "90,180", "--subset", "karno >= 30",
            "--landmark", "10", "--reference", "celltype=large",
        ],
        [
            "report", "datasets/sarcoma_patients.csv", "--time", "os_years", "--status", "os_status", "--group", "grade",
            "--covariates", "age,sex,factor(grade),size_cm", "--time-unit", "years", "--times", "1,5",
            "--event-time", "lr_first_years", "--event-status", "lr_status",
            "--recurrences", "datasets/sarcoma_recurrences.csv", "--recurrence-id", "id",
            "--rate-events", "lr_count", "--rate-person-time", "os_years", "--recurrence-group", "margin",
            "--subset", "age >= 30", "--no-trend",
        ],
        // A semicolon file: the steps are given the delimiter the report detected (no stderr note).
        [
            "report", "lung_semicolon.csv", "--time", "time", "--status", "status", "--group", "sex",
            "--covariates", "age,sex,ph.ecog", "--times", "180,365",
        ],
    ]

    /// Every step cell of a notebook stores what its command writes: standard
    /// output, standard error (the warnings) and the exact SVG its `--plot`
    /// draws. The commands of the cells (parsed from their Python source) run
    /// as the cells run them, with the survkit executable; the data paths of
    /// the cells are relative to the notebook's folder.
    @Test(arguments: 0..<(variants.count + 3))
    func notebookCellsStoreWhatTheirCommandsWrite(_ index: Int) throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("nbcells-\(UUID().uuidString)")
        let folder = temp.appendingPathComponent("out/notebooks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        try FileManager.default.createSymbolicLink(
            at: temp.appendingPathComponent("datasets"), withDestinationURL: Repository.url("datasets"))
        let lung = try String(contentsOf: Repository.url("datasets/lung.csv"), encoding: .utf8)
        try lung.replacingOccurrences(of: ",", with: ";")
            .write(to: temp.appendingPathComponent("lung_semicolon.csv"), atomically: true, encoding: .utf8)
        let notebook: URL
        if index < Self.variants.count {
            notebook = folder.appendingPathComponent("variant.ipynb")
            var command = try Survkit.parseAsRoot(
                Self.variants[index] + ["--notebook", "out/notebooks/variant.ipynb", "--output", "out/report.txt", "-C", temp.path])
            try command.run()
        } else {
            let name = ["sarcoma", "lung", "veteran"][index - Self.variants.count]
            notebook = Repository.url("notebooks-export/\(name).ipynb")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: notebook)) as? [String: Any]
        let cells = try #require(json?["cells"] as? [[String: Any]])
        let setup = try #require(cells.first { ($0["id"] as? String)?.hasSuffix("setup-code") == true })
        let variables = Self.assignments(Self.text(setup["source"]))
        let base = notebook.deletingLastPathComponent()
        var checked = 0
        for cell in cells where cell["cell_type"] as? String == "code" && cell["id"] as? String != setup["id"] as? String {
            let source = Self.text(cell["source"])
            let outputs = cell["outputs"] as? [[String: Any]] ?? []
            let stdout = outputs.filter { $0["name"] as? String == "stdout" }.map { Self.text($0["text"]) }.joined()
            let stderr = outputs.filter { $0["name"] as? String == "stderr" }.map { Self.text($0["text"]) }.joined()
            let svg = outputs.compactMap { ($0["data"] as? [String: Any])?["image/svg+xml"] }.map(Self.text).first
            let plot = temp.appendingPathComponent("cell.svg")
            let arguments = try #require(Self.callArguments(source), "cannot read the cell: \(source)").map { word in
                switch word {
                case .variable(let name):
                    let path = variables[name] ?? name
                    return path.hasPrefix("/") ? path : base.appendingPathComponent(path).path
                case .figure: return plot.path
                case .literal(let s): return s
                }
            }
            let run = try CommandRunner.spawn(arguments)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == stdout, "\(notebook.lastPathComponent): \(source)")
            #expect(run.stderr == stderr, "\(notebook.lastPathComponent): \(source)")
            if let svg {
                #expect(try String(contentsOf: plot, encoding: .utf8) == svg, "\(notebook.lastPathComponent): \(source)")
                try FileManager.default.removeItem(at: plot)
            } else {
                #expect(!FileManager.default.fileExists(atPath: plot.path))
            }
            checked += 1
        }
        #expect(checked >= 3)
    }

    @Test func cellPathsAreRelativeToTheNotebookFolderOrAbsoluteWhenTheyShareNoFolder() {
        #expect(NotebookPaths.path(of: "/work/repo/datasets/lung.csv", fromFolder: "/work/repo/notebooks-export").path
            == "../datasets/lung.csv")
        #expect(NotebookPaths.path(of: "/work/a/./b/../lung.csv", fromFolder: "/work/a").path == "lung.csv")
        let absolute = NotebookPaths.path(of: "/data/lung.csv", fromFolder: "/home/me/notebooks")
        #expect(absolute.path == "/data/lung.csv" && absolute.kind == .absolute)
        #expect(NotebookPaths.figuresFolder(notebookFileName: "lung.ipynb") == "lung-notebook-figures")
    }

    /// An absolute data path sharing no folder with the notebook stays absolute,
    /// with a Markdown note; standard input is named `-`, with a note.
    @Test func notebookNotesDataItCannotNameRelatively() {
        let absolute = NotebookExport.setupText(NotebookPaths(
            inputs: [.init(variable: "DATA", given: "/data/x.csv", path: "/data/x.csv", kind: .absolute)], figures: "x"))
        #expect(absolute.contains("Note: `DATA` is an absolute path"))
        let stdin = NotebookExport.setupText(NotebookPaths(
            inputs: [.init(variable: "DATA", given: "-", path: "-", kind: .standardInput)], figures: "x"))
        #expect(stdin.contains("standard input"))
        let relative = NotebookExport.setupText(NotebookPaths(
            inputs: [.init(variable: "DATA", given: "d/x.csv", path: "../d/x.csv", kind: .relative)], figures: "x"))
        #expect(!relative.contains("Note:"))
    }

    /// `--figures` may not be the folder the notebook's cells draw into: running
    /// the notebook would replace the report's figures.
    @Test func figuresFolderOfTheNotebookCellsIsRefused() throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("nbfig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        var command = try Survkit.parseAsRoot([
            "report", Repository.url("datasets/lung.csv").path, "--time", "time", "--status", "status",
            "--notebook", "out/lung.ipynb", "--figures", "out/./lung-notebook-figures", "--output", "r.txt", "-C", temp.path,
        ])
        let error = #expect(throws: (any Error).self) { try command.run() }
        #expect("\(error.map { $0 } as Any)".contains("the notebook's cells draw their figures into"))
        #expect(!FileManager.default.fileExists(atPath: temp.appendingPathComponent("out").path))
    }

    /// A cell's text: nbformat's list of lines joined.
    static func text(_ value: Any?) -> String {
        if let s = value as? String { return s }
        return (value as? [String] ?? []).joined()
    }

    /// `NAME = "value"` lines of the setup cell.
    static func assignments(_ source: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in source.split(separator: "\n") {
            let parts = line.split(separator: " = ", maxSplits: 1)
            guard parts.count == 2, parts[0].allSatisfy({ $0.isUppercase || $0 == "_" }),
                case .literal(let value)? = callWords(String(parts[1])).first
            else { continue }
            out[String(parts[0])] = value
        }
        return out
    }

    /// A word of a `survkit(...)` call: a string literal, a variable, or the f-string of a figure path.
    enum CallWord: Equatable {
        case literal(String)
        case variable(String)
        case figure(String)
    }

    /// The arguments of the cell's `survkit(...)` call.
    static func callArguments(_ source: String) -> [CallWord]? {
        guard source.hasPrefix("survkit(\n"), let end = source.range(of: "\n)") else { return nil }
        return callWords(String(source[source.index(source.startIndex, offsetBy: 9)..<end.lowerBound]))
    }

    /// Python words separated by commas and blanks: "..." (with \\ \" \n \t escapes), f"...", NAMES.
    static func callWords(_ text: String) -> [CallWord] {
        var words: [CallWord] = []
        var chars = Array(text)[...]
        while let c = chars.first {
            if c == "," || c == " " || c == "\n" { chars.removeFirst(); continue }
            var isF = false
            if c == "f", chars.dropFirst().first == "\"" { isF = true; chars.removeFirst() }
            if chars.first == "\"" {
                chars.removeFirst()
                var s = ""
                while let d = chars.popFirst(), d != "\"" {
                    if d == "\\", let e = chars.popFirst() {
                        switch e {
                        case "n": s.append("\n")
                        case "t": s.append("\t")
                        case "r": s.append("\r")
                        default: s.append(e)
                        }
                    } else {
                        s.append(d)
                    }
                }
                words.append(isF ? .figure(s) : .literal(s))
            } else {
                var name = ""
                while let d = chars.first, d.isLetter || d.isNumber || d == "_" { name.append(d); chars.removeFirst() }
                if name.isEmpty { chars.removeFirst() } else { words.append(.variable(name)) }
            }
        }
        return words
    }
}
