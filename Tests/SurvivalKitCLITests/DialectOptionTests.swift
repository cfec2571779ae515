import Foundation
import SurvivalKit
import SurvivalTestSupport
import Testing
@testable import survkit

/// `--delimiter` (auto), `--decimal`, `--date-format`, `--encoding` and `.csv.gz`
/// input end to end: the real executable's exit status, stdout and stderr.
@Suite struct DialectOptionTests {
    /// A fresh temporary folder, removed when `body` ends.
    func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dialects-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }

    static let lungKM = ["--formula", "Surv(time, status) ~ sex", "--format", "json"]

    /// lung.csv with `;` between fields and `,` as decimal mark in `wt.loss / 2` (which has halves).
    func europeanLung() throws -> (plain: String, european: String) {
        let text = try String(contentsOfFile: Repository.dataset("lung.csv"), encoding: .utf8)
        var plain: [String] = [], european: [String] = []
        for (k, line) in text.split(separator: "\n").enumerated() {
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if k == 0 {
                fields.append("\"half\"")
                plain.append(fields.joined(separator: ","))
                european.append(fields.joined(separator: ";"))
                continue
            }
            let half = Double(fields[9]).map { String($0 / 2) } ?? "NA"
            plain.append((fields + [half]).joined(separator: ","))
            european.append((fields + [half.replacingOccurrences(of: ".", with: ",")]).joined(separator: ";"))
        }
        return (plain.joined(separator: "\n") + "\n", european.joined(separator: "\n") + "\n")
    }

    /// The JSON document without its `input` object (how the file was read), for
    /// comparing the same analysis of two spellings of one data set.
    static func withoutInput(_ json: String) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        object["input"] = nil
        return NSDictionary(dictionary: object)
    }

    /// The JSON `input` object, as strings.
    static func input(_ json: String) throws -> [String: String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["input"] as? [String: String])
    }

    @Test func semicolonDecimalCommaFileGivesThePlainFilesJSONAndSaysWhatWasDetected() throws {
        try withFolder { dir in
            let (plainText, europeanText) = try europeanLung()
            #expect(europeanText.contains(";7,5\n"))
            let plain = dir.appendingPathComponent("lung.csv"), european = dir.appendingPathComponent("lung-eu.csv")
            try plainText.write(to: plain, atomically: true, encoding: .utf8)
            try europeanText.write(to: european, atomically: true, encoding: .utf8)
            let args = ["--formula", "Surv(time, status) ~ sex + half", "--format", "json"]
            let a = try CommandRunner.spawn(["cox", plain.path] + args)
            let b = try CommandRunner.spawn(["cox", european.path] + args + ["--decimal", ","])
            #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
            #expect(try Self.withoutInput(a.stdout) == Self.withoutInput(b.stdout))
            #expect(try Self.input(a.stdout) == ["format": "csv", "delimiter": ",", "decimal": "."])
            #expect(try Self.input(b.stdout) == ["format": "csv", "delimiter": ";", "decimal": ","])
            #expect(b.stderr.hasPrefix("reading \(european.path): delimiter \";\" detected\n"))
            #expect(!a.stderr.contains("delimiter"))
            // Given explicitly, nothing to report.
            let c = try CommandRunner.spawn(["cox", european.path] + args + ["--decimal", ",", "--delimiter", ";"])
            #expect(c.stdout == b.stdout)
            #expect(!c.stderr.contains("delimiter"))
        }
    }

    @Test func commaFilesStaySilentAndUnchanged() throws {
        let r = try CommandRunner.spawn(["km", "datasets/lung.csv"] + Self.lungKM)
        let explicit = try CommandRunner.spawn(["km", "datasets/lung.csv", "--delimiter", ","] + Self.lungKM)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == explicit.stdout)
    }

    @Test func tabAndPipeFromStandardInput() throws {
        let tab = try CommandRunner.spawn(["km", "-"] + Self.lungKM, stdin: "time\tstatus\tsex\n1\t1\t1\n2\t0\t2\n3\t1\t1\n")
        #expect(tab.status == 0, "\(tab.stderr)")
        #expect(tab.stderr == "reading <stdin>: delimiter tab detected\n")
        let pipe = try CommandRunner.spawn(["km", "-"] + Self.lungKM, stdin: "time|status|sex\n1|1|1\n2|0|2\n3|1|1\n")
        #expect(pipe.stderr == "reading <stdin>: delimiter \"|\" detected\n")
        #expect(try Self.withoutInput(pipe.stdout) == Self.withoutInput(tab.stdout))
        #expect(try Self.input(tab.stdout)["delimiter"] == "\t")
        #expect(try Self.input(pipe.stdout)["delimiter"] == "|")
    }

    @Test func raggedRowWithTheWrongDelimiterSuggestsTheRightOne() throws {
        try withFolder { dir in
            let file = dir.appendingPathComponent("eu.csv")
            try "time;status;age\n306;2;74,5\n455;2;68\n".write(to: file, atomically: true, encoding: .utf8)
            let r = try CommandRunner.spawn(["km", file.path, "--formula", "Surv(time, status) ~ 1", "--delimiter", ","])
            #expect(r.status == 1)
            #expect(r.stderr == "\(file.path): line 2: expected 1 fields, found 2; every row has 3 fields with --delimiter \";\"\n")
        }
    }

    @Test func latin1AndWindows1252AndTheInvalidUTF8Message() throws {
        try withFolder { dir in
            let file = dir.appendingPathComponent("zurich.csv")
            var bytes = Array("time,status,city\n5,1,Z".utf8) + [0xFC] + Array("rich\n6,0,Z".utf8) + [0xE4]
            bytes += Array("rich\n7,1,Z".utf8) + [0xFC] + Array("rich\n".utf8)
            try Data(bytes).write(to: file)
            let args = ["km", file.path, "--formula", "Surv(time, status) ~ city", "--format", "json"]
            let bad = try CommandRunner.spawn(args)
            #expect(bad.status == 1)
            #expect(bad.stderr == "\(file.path): line 2, column \"city\" (3): invalid UTF-8 byte 0xFC in \"Z\u{FFFD}rich\": "
                + "the file is not UTF-8; if it was saved as Latin-1 or Windows \"ANSI\", read it with --encoding latin1 "
                + "or --encoding windows-1252\n")
            for encoding in ["latin1", "windows-1252"] {
                let json = try CommandRunner.runJSON(args + ["--encoding", encoding]) as? [String: Any]
                let strata = try #require(json?["strata"] as? [[String: Any]])
                #expect(strata.map { $0["label"] as? String } == ["city=Zärich", "city=Zürich"])
                #expect(strata.map { $0["n"] as? Int } == [1, 2])
                let text = try CommandRunner.run(Array(args.dropLast(2)) + ["--encoding", encoding])
                #expect(text.contains("city=Zärich") && text.contains("city=Zürich"))
                // The decoded level is the one --reference names.
                let relevelled = try CommandRunner.runJSON(
                    args + ["--encoding", encoding, "--reference", "city=Zürich"]) as? [String: Any]
                let labels = (relevelled?["strata"] as? [[String: Any]])?.map { $0["label"] as? String }
                #expect(labels == ["city=Zürich", "city=Zärich"])
            }
        }
    }

    @Test func nulBytesAndUTF16AreExplained() throws {
        try withFolder { dir in
            let nul = dir.appendingPathComponent("nul.csv")
            try Data(Array("time,status\n1,1\n2".utf8) + [0] + Array(",0\n".utf8)).write(to: nul)
            let r = try CommandRunner.spawn(["km", nul.path, "--formula", "Surv(time, status) ~ 1"])
            #expect(r.status == 1)
            #expect(r.stderr == "\(nul.path): line 3, column \"time\" (1): found a NUL byte (0x00) in \"2\\0\": this is not "
                + "a text file in UTF-8 — perhaps UTF-16 text or a binary file (such as .xlsx); re-save it as UTF-8 CSV\n")
            let utf16 = dir.appendingPathComponent("utf16.csv")
            try "time,status\n1,1\n".data(using: .utf16LittleEndian).map { try (Data([0xFF, 0xFE]) + $0).write(to: utf16) }
            let u = try CommandRunner.spawn(["km", utf16.path, "--formula", "Surv(time, status) ~ 1"])
            #expect(u.status == 1)
            #expect(u.stderr.contains("\(utf16.path): line 1: the file is UTF-16 text (little-endian, byte order mark FF FE)"))
        }
    }

    @Test func gzipInputAndCorruptGzip() throws {
        try withFolder { dir in
            let gz = dir.appendingPathComponent("lung.csv.gz")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/gzip")
            process.arguments = ["-n", "-c", Repository.dataset("lung.csv")]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            try data.write(to: gz)
            let a = try CommandRunner.spawn(["km", "datasets/lung.csv"] + Self.lungKM)
            let b = try CommandRunner.spawn(["km", gz.path] + Self.lungKM)
            #expect(b.status == 0 && b.stderr.isEmpty, "\(b.stderr)")
            #expect(a.stdout == b.stdout)
            let cut = dir.appendingPathComponent("cut.csv.gz")
            try data.prefix(data.count / 2).write(to: cut)
            let c = try CommandRunner.spawn(["km", cut.path] + Self.lungKM)
            #expect(c.status == 1)
            #expect(c.stderr.hasPrefix("\(cut.path): corrupt gzip data (unexpected end of data) after "))
        }
    }

    @Test func dateFormatsInDuration() throws {
        try withFolder { dir in
            // 2020-01-01 → 2021-01-01 is 366 days, → 2020-07-01 is 182.
            let dmy = dir.appendingPathComponent("dmy.csv")
            try "entry;exit;dead\n01/01/2020;01/01/2021;1\n1/1/2020;1/7/2020;0\n".write(to: dmy, atomically: true, encoding: .utf8)
            let excel = dir.appendingPathComponent("excel.csv")
            try "entry,exit,dead\n43831,44197,1\n43831,44013,0\n".write(to: excel, atomically: true, encoding: .utf8)
            let args = ["--formula", "Surv(fu, dead) ~ 1", "--duration", "fu=entry:exit", "--format", "json"]
            for (file, format) in [(dmy, "%d/%m/%Y"), (excel, "excel")] {
                let json = try CommandRunner.runJSON(["km", file.path] + args + ["--date-format", format]) as? [String: Any]
                let strata = try #require(json?["strata"] as? [[String: Any]])
                #expect(strata.first?["time"] as? [Double] == [182, 366])
            }
            let bad = dir.appendingPathComponent("bad.csv")
            try "entry,exit,dead\n01/01/2020,01/01/2021,1\n01/01/2020,31/06/2020,0\n".write(to: bad, atomically: true, encoding: .utf8)
            let r = try CommandRunner.spawn(["km", bad.path] + args + ["--date-format", "%d/%m/%Y"])
            #expect(r.status == 1)
            #expect(r.stderr == "\(bad.path): line 3, column \"exit\" (2): \"31/06/2020\" is not a valid date (June 2020 has "
                + "30 days); expected a date like 31/12/2020 (--date-format %d/%m/%Y)\n")
            let noFormat = try CommandRunner.spawn(["km", excel.path] + args)
            #expect(noFormat.status == 1)
            #expect(noFormat.stderr.contains("add --date-format excel"))
            let usage = try CommandRunner.spawn(["km", excel.path] + args + ["--date-format", "%d/%q/%Y"])
            #expect(usage.status == 2)
        }
    }

    @Test func optionsParseAndReproduce() throws {
        let cox = try CoxCommand.parse([
            "data.csv", "--formula", "Surv(time, status) ~ age", "--delimiter", "|", "--decimal", ",",
            "--date-format", "%d.%m.%Y", "--encoding", "windows-1252", "--na", "NULL",
        ])
        #expect(cox.cohort.input.csvOptions == CSVOptions(
            delimiter: .pipe, decimal: .comma, extraMissingTokens: ["NULL"], encoding: .windows1252,
            dateFormat: DateFormat(argument: "%d.%m.%Y")))
        #expect(cox.cohort.input.reproducingArguments == [
            "--delimiter", "|", "--na", "NULL", "--decimal", ",", "--date-format", "%d.%m.%Y", "--encoding", "windows-1252",
        ])
        let defaults = try CoxCommand.parse(["data.csv", "--formula", "Surv(time, status) ~ age"])
        #expect(defaults.cohort.input.delimiter == .auto)
        #expect(defaults.cohort.input.csvOptions == CSVOptions())
        #expect(defaults.cohort.input.reproducingArguments.isEmpty)
    }
}
