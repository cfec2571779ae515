import Foundation
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
}
