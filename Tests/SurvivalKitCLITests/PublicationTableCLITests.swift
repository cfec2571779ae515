import Foundation
import SurvivalTestSupport
import Testing

/// `survkit cox|finegray|survreg|poisson|negbin` publication tables end to end:
/// golden files (Tests/Fixtures/publication/golden/, made by
/// scripts/update-publication-golden.py, compared byte for byte; run from the
/// repository root with relative paths so the stated call is stable), the
/// CSV's cells against R (Tests/Reference/publication_tables.R), the usage
/// errors, and Word output through pandoc.
@Suite struct PublicationTableCLITests {
    static let golden = "Tests/Fixtures/publication/golden"
    static let extensions = ["text": "txt", "markdown": "md", "html": "html", "csv": "csv", "latex": "tex"]

    /// (case, survkit arguments) from cases.tsv.
    static let cases: [(name: String, args: [String])] = {
        guard let text = try? String(contentsOf: Repository.url("\(golden)/cases.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (fields[0], Array(fields.dropFirst()))
        }
    }()

    /// Every (case, format) with a golden file.
    static let goldenRuns: [String] = cases.flatMap { c in
        (["cox_lung", "cox_sarcoma"].contains(c.name) ? ["text", "markdown", "html", "csv", "latex"] : ["markdown"])
            .map { "\(c.name) \($0)" }
    }

    static func arguments(_ caseName: String, format: String) throws -> [String] {
        let found = try #require(cases.first { $0.name == caseName }, "no case \(caseName)")
        return found.args + ["--format", format] + (format == "text" || format == "markdown" ? ["--table", "publication"] : [])
    }

    @Test("The table is the golden file, byte for byte", arguments: goldenRuns)
    func matchesGolden(run: String) throws {
        let parts = run.split(separator: " ").map(String.init)
        let (name, format) = (parts[0], parts[1])
        let result = try CommandRunner.spawn(try Self.arguments(name, format: format))
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try String(
            contentsOf: Repository.url("\(Self.golden)/\(name).\(Self.extensions[format] ?? format)"), encoding: .utf8)
        #expect(result.stdout == expected, "\(run): regenerate with scripts/update-publication-golden.py and review the diff")
    }

    /// Splits RFC 4180 CSV text into records.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else { field.append(c) }
        }
        return records
    }

    /// R's journal p: `<0.001` below 0.001, else 3 decimals.
    static func journalP(_ p: Double) -> String { p < 0.001 ? "<0.001" : String(format: "%.3f", p) }

    @Test("The CSV's rows, N, events, HR (95% CI) and p are R's", arguments: ["cox_lung", "cox_lung_robust", "cox_sarcoma", "finegray_sarcoma", "survreg_lung", "poisson_sarcoma", "negbin_quine"])
    func csvCellsMatchR(caseName: String) throws {
        let fixture = try Repository.fixture("publication", caseName)
        let result = try CommandRunner.spawn(try Self.arguments(caseName, format: "csv"))
        #expect(result.status == 0, "\(result.stderr)")
        let records = Self.records(result.stdout)
        #expect(records.allSatisfy { $0.count == 6 }, "every record has six fields (RFC 4180)")
        #expect(records.first?.first?.contains("Call: survkit") == true)
        #expect(Array(records.dropFirst().first?.prefix(4) ?? []) == ["Variable", "Level", "N", "Events"])
        for term in try #require(fixture["terms"] as? [[String: Any]]) {
            let name = try #require(term["term"] as? String)
            for level in try #require(term["levels"] as? [[String: Any]]) {
                let levelName = level["level"] as? String ?? ""
                let record = try #require(
                    records.first { $0[0] == name && $0[1] == levelName }, "\(caseName): no row \(name) \(levelName)")
                #expect(record[2] == "\(level["n"] as? Int ?? -1)", "\(caseName) \(name) \(levelName) N")
                #expect(record[3] == "\(level["events"] as? Int ?? -1)", "\(caseName) \(name) \(levelName) events")
                if level["reference"] as? Bool == true {
                    #expect(record[4] == "1.00 (ref)" && record[5].isEmpty)
                } else {
                    let e = try #require(level["estimate_text"] as? String)
                    let l = try #require(level["lower_text"] as? String)
                    let u = try #require(level["upper_text"] as? String)
                    #expect(record[4] == "\(e) (\(l)–\(u))", "\(caseName) \(name) \(levelName)")
                    #expect(record[5] == Self.journalP(try #require(level["p"] as? Double)), "\(caseName) \(name) \(levelName) p")
                }
            }
            // The factor's own row carries the joint Wald p.
            if let joint = term["joint"] as? [String: Any] {
                let header = try #require(records.first { $0[0] == name && $0[1].isEmpty && $0[2].isEmpty })
                #expect(header[5] == Self.journalP(try #require(joint["p"] as? Double)), "\(caseName) \(name) joint p")
                let note = String(format: "%@ χ² = %.2f, %d df", name, try #require(joint["chisq"] as? Double), joint["df"] as? Int ?? -1)
                #expect(result.stdout.contains(note), "\(caseName): the note states \(note)")
            }
        }
    }

    @Test func rLayoutStaysTheDefault() throws {
        let base = ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex + factor(ph.ecog)"]
        for format in ["text", "markdown"] {
            let plain = try CommandRunner.spawn(base + ["--format", format])
            let r = try CommandRunner.spawn(base + ["--format", format, "--table", "r"])
            #expect(plain.status == 0 && plain.stdout == r.stdout)
            #expect(plain.stdout.contains("exp(coef)") && !plain.stdout.contains("(ref)"))
        }
    }

    @Test func usageErrorsSayWhatToDo() throws {
        let base = ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex"]
        let cases: [([String], String)] = [
            (["--format", "docx"], "--output FILE.docx"),
            (["--digits", "3"], "add --table publication"),
            (["--labels", "x.json"], "add --table publication"),
            (["--format", "json", "--table", "publication"], "--table applies to --format text and markdown"),
            (["--format", "csv", "--table", "r"], "always a publication table"),
            (["--format", "html", "--digits", "9"], "--digits must be between 0 and 6"),
            (["--format", "html", "--zph"], "--zph is not part of a publication table"),
        ]
        for (extra, message) in cases {
            let result = try CommandRunner.spawn(base + extra)
            #expect(result.status == 2, "\(extra): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(extra): \(result.stderr)")
        }
    }

    @Test func aBadLabelsFileIsLocated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("survkit-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("labels.json")
        try Data(#"{"levels": {"sex": {"1": 1}}}"#.utf8).write(to: file)
        let base = ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + factor(sex)", "--format", "csv"]
        let bad = try CommandRunner.spawn(base + ["--labels", file.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains(#"levels.sex."1": expected a string, found a number"#), "\(bad.stderr)")
        let missing = try CommandRunner.spawn(base + ["--labels", dir.appendingPathComponent("none.json").path])
        #expect(missing.status == 1 && missing.stderr.contains("no such file"), "\(missing.stderr)")
        try Data(#"{"variables": {"sex": "Sex"}, "levels": {"sex": {"1": "Male", "2": "Female"}}}"#.utf8).write(to: file)
        let good = try CommandRunner.spawn(base + ["--labels", file.path])
        #expect(good.status == 0)
        #expect(good.stdout.contains("Sex,Male,138,112,1.00 (ref),") && good.stdout.contains("Sex,Female,90,53,"), "\(good.stdout)")
    }

    @Test func aStatisticalFilesLabelsAreUsed() throws {
        let result = try CommandRunner.spawn([
            "cox", "Tests/Fixtures/statfiles/lung.dta", "--formula", "Surv(time, status) ~ age + sex", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // The variable label of `sex` and its value labels (R: haven::read_dta gives the same labels).
        #expect(result.stdout.contains("Sex of patient,Female,90,53,1.00 (ref),"), "\(result.stdout)")
        #expect(result.stdout.contains("Sex of patient,Male,138,112,"), "\(result.stdout)")
    }

    static let pandoc = OptionalTool.runs("/usr/bin/env", ["pandoc", "--version"])

    @Test(.enabled(if: pandoc, "pandoc is not installed (apt-get install pandoc)"))
    func wordThroughPandoc() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("survkit-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("table.docx")
        let result = try CommandRunner.spawn(
            try Self.arguments("cox_lung", format: "docx") + ["--output", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: out)
        #expect(bytes.prefix(2) == Data("PK".utf8), "a zip file")
        #expect(bytes.range(of: Data("word/document.xml".utf8)) != nil)
    }

    @Test func withoutPandocWordSaysHowToInstallIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("survkit-nopandoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = try Self.arguments("cox_lung", format: "docx") + ["--output", dir.appendingPathComponent("t.docx").path]
        process.currentDirectoryURL = Repository.root
        process.environment = ["PATH": dir.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("install it with: apt-get install pandoc"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("t.docx").path))
    }
}
