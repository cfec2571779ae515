import Foundation
import SurvivalTestSupport
import Testing

/// `survkit report --bundle DIR`: the files of the bundle, and `commands.sh`
/// regenerating every one of them byte for byte (run in a copy of the bundle
/// from which all but the script were deleted). Each test copies the data it
/// needs into its own temporary folder (`data/`), so that the bundle names it
/// relatively (`../data/lung.csv`) and a copy beside it finds it too.
@Suite struct ReportBundleTests {
    static let pandoc = OptionalTool.runs("/usr/bin/env", ["pandoc", "--version"])

    /// A new temporary folder with `datasets` copied into its `data/`.
    func workspace(_ datasets: [String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("survkit-bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        for name in datasets {
            try FileManager.default.copyItem(
                at: Repository.url("datasets/\(name)"), to: dir.appendingPathComponent("data/\(name)"))
        }
        return dir
    }

    /// Runs `executable arguments` in `directory`; exit status, stdout and stderr.
    @discardableResult
    func run(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:])
        throws -> (status: Int32, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errors = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    func survkit(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        try run(CommandRunner.executable.path, arguments, in: directory)
    }

    /// The regular files under `root`, as paths relative to it, sorted.
    func files(under root: URL) -> [String] {
        let base = root.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(atPath: base)
        var out: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }

    /// The bundle's expected files: the report's, `tables` × the table formats, `figures` × SVG and PDF.
    func expectedFiles(tables: [String], figures: [String]) -> [String] {
        let tableFormats = ["txt", "md", "html", "csv", "tex"] + (Self.pandoc ? ["docx"] : [])
        return (["README.md", "commands.sh", "report.ipynb", "report.json", "report.md", "report.txt"]
            + tables.flatMap { t in tableFormats.map { "tables/\(t).\($0)" } }
            + figures.flatMap { ["figures/\($0).svg", "figures/\($0).pdf"] }).sorted()
    }

    /// Copies `bundle` beside it, deletes every file of the copy but
    /// `commands.sh`, runs the script with SURVKIT set to the built survkit,
    /// and expects the same files with the same bytes.
    func expectCommandsRegenerate(_ bundle: URL, in workspace: URL) throws {
        let copy = workspace.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: bundle, to: copy)
        for path in files(under: copy) where path != "commands.sh" {
            try FileManager.default.removeItem(at: copy.appendingPathComponent(path))
        }
        // Run from elsewhere: the script changes to its own folder.
        let result = try run(
            "/bin/bash", [copy.appendingPathComponent("commands.sh").path], in: FileManager.default.temporaryDirectory,
            environment: ["SURVKIT": CommandRunner.executable.path])
        #expect(result.status == 0, "\(result.stderr)")
        let original = files(under: bundle)
        #expect(files(under: copy) == original)
        for path in original {
            let a = try Data(contentsOf: bundle.appendingPathComponent(path))
            let b = try Data(contentsOf: copy.appendingPathComponent(path))
            #expect(a == b, "\(path) differs after commands.sh")
        }
    }

    /// The sarcoma cohort's report arguments (scripts/sarcoma-report-args.sh), reading `data/`.
    func sarcomaArguments() throws -> [String] {
        let script = Repository.url("scripts/sarcoma-report-args.sh").path
        let listed = try run(
            "/bin/bash", ["-c", "source \"$1\"; printf '%s\\n' \"${sarcoma_report_args[@]}\"", "bash", script],
            in: Repository.root)
        #expect(listed.status == 0, "\(listed.stderr)")
        return listed.stdout.split(separator: "\n").map { word in
            word.hasPrefix("datasets/") ? "data/" + word.dropFirst("datasets/".count) : String(word)
        }
    }

    @Test func sarcomaBundleHasEveryFileAndCommandsShReproducesItByteForByte() throws {
        let dir = try workspace(["sarcoma_patients.csv", "sarcoma_recurrences.csv"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try survkit(try sarcomaArguments() + ["--bundle", "bundle"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let bundle = dir.appendingPathComponent("bundle")
        #expect(
            files(under: bundle)
                == expectedFiles(tables: ["cox", "finegray", "table1"], figures: ["cif", "forest", "km", "mcf"]))
        for figure in ["cif", "forest", "km", "mcf"] {
            let pdf = try Data(contentsOf: bundle.appendingPathComponent("figures/\(figure).pdf"))
            #expect(pdf.starts(with: Data("%PDF-".utf8)), "\(figure).pdf")
        }
        let script = try String(contentsOf: bundle.appendingPathComponent("commands.sh"), encoding: .utf8)
        #expect(script.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(script.contains("set -euo pipefail\ncd \"$(dirname \"$0\")\"\nSURVKIT=${SURVKIT:-survkit}\n"))
        #expect(script.contains("\"$SURVKIT\" report ../data/sarcoma_patients.csv "), "\(script)")
        #expect(script.contains("--recurrences ../data/sarcoma_recurrences.csv"), "\(script)")
        #expect(script.contains("--bundle .\n"), "\(script)")
        #expect(script.contains("\"$SURVKIT\" finegray ../data/sarcoma_patients.csv "), "\(script)")
        #expect(FileManager.default.isExecutableFile(atPath: bundle.appendingPathComponent("commands.sh").path))
        // The report links its figures inside the bundle and names the data as commands.sh does.
        let markdown = try String(contentsOf: bundle.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("](figures/km.svg)"))
        #expect(markdown.contains("Data: ../data/sarcoma_patients.csv"))
        try expectCommandsRegenerate(bundle, in: dir)
    }

    @Test func lungBundleTablesAreTheSingleCommandsTablesAndCommandsShReproducesIt() throws {
        let dir = try workspace(["lung.csv"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = [
            "report", "data/lung.csv", "--time", "time", "--status", "status", "--group", "sex",
            "--covariates", "age,sex,factor(ph.ecog)", "--time-unit", "days", "--times", "180,365",
        ]
        let result = try survkit(arguments + ["--bundle", "out/lung"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let bundle = dir.appendingPathComponent("out/lung")
        #expect(files(under: bundle) == expectedFiles(tables: ["cox", "table1"], figures: ["forest", "km"]))
        // The table of the bundle is the one survkit cox writes alone, call included.
        let single = try survkit(
            ["cox", "../../data/lung.csv", "--formula", "Surv(time, status) ~ age + sex + factor(ph.ecog)", "--format", "latex"],
            in: bundle)
        #expect(single.status == 0, "\(single.stderr)")
        #expect(try String(contentsOf: bundle.appendingPathComponent("tables/cox.tex"), encoding: .utf8) == single.stdout)
        let script = try String(contentsOf: bundle.appendingPathComponent("commands.sh"), encoding: .utf8)
        #expect(
            script.contains(
                "\"$SURVKIT\" cox ../../data/lung.csv --formula \"Surv(time, status) ~ age + sex + factor(ph.ecog)\" \\\n"
                    + "    --format latex --output tables/cox.tex\n"), "\(script)")
        try expectCommandsRegenerate(bundle, in: dir.appendingPathComponent("out"))
    }

    @Test func theReportsCoxSectionIsThePublicationTable() throws {
        let text = try CommandRunner.run([
            "report", "datasets/lung.csv", "--time", "time", "--status", "status", "--group", "sex",
            "--covariates", "age,sex,factor(ph.ecog)",
        ])
        let table = try CommandRunner.run([
            "cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex + factor(ph.ecog)",
            "--table", "publication",
        ])
        #expect(text.contains("Cox proportional hazards (n = 227, events = 164):\n"), "\(text)")
        // Each row of survkit cox --table publication (label, N, events, HR with limits, p) is in the report.
        let row = try #require(table.split(separator: "\n").first { $0.hasPrefix("  2 ") })
        let cells = row.split(separator: " ").filter { !$0.isEmpty }.map(String.init)
        #expect(cells.count == 6)
        let cox = try #require(text.range(of: "Cox proportional hazards (n = "))
        let reportRow = try #require(text[cox.upperBound...].split(separator: "\n").first { $0.hasPrefix("  2 ") })
        #expect(reportRow.split(separator: " ").filter { !$0.isEmpty }.map(String.init) == cells)
        #expect(!text.contains("se(coef)"))
    }

    @Test func aBundlePathThatIsAFileIsALocatedError() throws {
        let dir = try workspace(["lung.csv"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("not a folder\n".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let result = try survkit(
            ["report", "data/lung.csv", "--time", "time", "--status", "status", "--bundle", "notes.txt"], in: dir)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "--bundle notes.txt: exists and is not a directory; name a new directory or an existing one.\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("notes.txt"), encoding: .utf8) == "not a folder\n")
    }

    @Test func aBundleRefusesToOverwriteItsInputAndWritesNothing() throws {
        let dir = try workspace([])
        defer { try? FileManager.default.removeItem(at: dir) }
        // The data is where the bundle's Cox table would go.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out/tables"), withIntermediateDirectories: true)
        let data = dir.appendingPathComponent("out/tables/cox.csv")
        try FileManager.default.copyItem(at: Repository.url("datasets/lung.csv"), to: data)
        let before = try Data(contentsOf: data)
        let result = try survkit(
            ["report", "out/tables/cox.csv", "--time", "time", "--status", "status", "--covariates", "age", "--bundle", "out"],
            in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--bundle out/tables/cox.csv is the input file tables/cox.csv; refusing to overwrite it."),
            "\(result.stderr)")
        #expect(try Data(contentsOf: data) == before)
        #expect(files(under: dir.appendingPathComponent("out")) == ["tables/cox.csv"])
    }

    @Test func aBundleDoesNotWriteThroughALink() throws {
        let dir = try workspace(["lung.csv"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let outside = dir.appendingPathComponent("outside.md")
        try Data("mine\n".utf8).write(to: outside)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("out/report.md").path, withDestinationPath: outside.path)
        let result = try survkit(
            ["report", "data/lung.csv", "--time", "time", "--status", "status", "--bundle", "out"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("--bundle out: out/report.md exists and is not a regular file (a symbolic link)"),
            "\(result.stderr)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/report.json").path))
    }

    @Test(arguments: [["--output", "r.md"], ["--format", "json"], ["--figures", "figs"], ["--notebook", "r.ipynb"]])
    func aBundleHasEveryFormatSoTheSingleOutputOptionsAreUsageErrors(option: [String]) throws {
        let result = try CommandRunner.spawn(
            ["report", "datasets/lung.csv", "--time", "time", "--status", "status", "--bundle", "/nonexistent/b"] + option)
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(option[0]) does not go with --bundle"), "\(result.stderr)")
    }

    @Test func aPDFFigureIsTheSameBytesEachTime() throws {
        let dir = try workspace(["lung.csv"])
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [Data] = []
        for name in ["a.pdf", "b.pdf"] {
            let r = try survkit(["km", "data/lung.csv", "--formula", "Surv(time, status) ~ sex", "--plot", name], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Data(contentsOf: dir.appendingPathComponent(name)))
            // cairo would write the current time to the second; the date is fixed instead.
            Thread.sleep(forTimeInterval: 1.1)
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test(.enabled(if: pandoc, "pandoc is not installed (apt-get install pandoc)"))
    func aWordTableIsTheSameBytesEachTime() throws {
        let dir = try workspace(["lung.csv"])
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [Data] = []
        for name in ["a.docx", "b.docx"] {
            let r = try survkit(
                ["cox", "data/lung.csv", "--formula", "Surv(time, status) ~ age + sex", "--format", "docx", "--output", name],
                in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Data(contentsOf: dir.appendingPathComponent(name)))
            Thread.sleep(forTimeInterval: 1.1)
        }
        #expect(outputs[0] == outputs[1])
    }
}
