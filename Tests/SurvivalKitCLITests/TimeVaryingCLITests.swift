import Foundation
import SurvivalTestSupport
import Testing

/// `survkit split`, `cox --tdc`, `cox --tt` and `--landmark` on km, logrank,
/// cox and cif, end to end against R (Tests/Reference/time_varying.R and
/// landmark.R), and their bad input: each refusal a located message with the
/// exit status of its kind (2: usage, 1: data).
@Suite struct TimeVaryingCLITests {
    static var comparison: JSONComparison {
        var c = JSONComparison()
        c.ignoredKeys.formUnion(["split_args", "csv"])
        return c
    }

    /// A fresh folder for one test's files.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("timevarying-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("split writes R's survSplit file, and cox on it equals coxph", arguments: ["split_veteran", "split_lung", "split_sarcoma"])
    func split(name: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/time-varying/\(name).json")
        let splitArgs = try #require(fixture["split_args"] as? [String])
        let text = try CommandRunner.run(splitArgs)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let csv = try #require(fixture["csv"] as? [String: Any])
        let names = try #require(csv["names"] as? [String])
        #expect(lines.first == names, "\(name): header")
        let columns = try #require(csv["columns"] as? [String: [Any]])
        for (j, column) in names.enumerated() {
            let expected = try #require(columns[column])
            #expect(lines.count - 1 == expected.count, "\(name): rows")
            for (k, e) in expected.enumerated() where k + 1 < lines.count {
                let field = lines[k + 1][j]
                switch e {
                case let s as String: #expect(field == s, "\(name) \(column) row \(k + 1)")
                case let x as NSNumber:
                    let v = try #require(Double(field), "\(name) \(column) row \(k + 1): \(field)")
                    #expect(abs(v - x.doubleValue) <= 1e-12 * max(1, abs(x.doubleValue)), "\(name) \(column) row \(k + 1)")
                default: #expect(field == "NA", "\(name) \(column) row \(k + 1)")
                }
            }
        }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("split.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let args = try #require(fixture["args"] as? [String]).map { $0 == "SPLIT_CSV" ? file.path : $0 }
        let diffs = Self.comparison.differences(expected: fixture, actual: try CommandRunner.runJSON(args))
        #expect(diffs.isEmpty, "\(name): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    @Test("cox --tdc and --tt match R (tmerge + coxph, coxph tt =)", arguments: Repository.fixtures("time-varying").filter { !$0.hasPrefix("split_") })
    func coxFixtures(name: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/time-varying/\(name).json")
        let args = try #require(fixture["args"] as? [String])
        let diffs = Self.comparison.differences(expected: fixture, actual: try CommandRunner.runJSON(args))
        #expect(diffs.isEmpty, "\(name): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    @Test("--landmark on km, logrank, cox and cif matches R on the landmark rows", arguments: Repository.fixtures("landmark"))
    func landmarkFixtures(name: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/landmark/\(name).json")
        let args = try #require(fixture["args"] as? [String])
        let diffs = Self.comparison.differences(expected: fixture, actual: try CommandRunner.runJSON(args))
        #expect(diffs.isEmpty, "\(name): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    @Test("the text outputs state the landmark, and the Rows: line counts its exclusions and the intervals")
    func textStatesLandmark() throws {
        for command in ["km", "logrank", "cox"] {
            let text = try CommandRunner.run([command, "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex", "--landmark", "180"])
            #expect(text.contains("Landmark at 180: 69 subjects with time ≤ 180 excluded"), "\(command)")
            #expect(text.contains("Rows: 228 read, 69 excluded by the landmark, 159 used."), "\(command)")
        }
        let cif = try CommandRunner.run(["cif", "datasets/pbc.csv", "--formula", "Surv(time, status) ~ trt", "--landmark", "1000", "--format", "markdown"])
        #expect(cif.contains("**Landmark at 1000:**"))
        let tdc = try CommandRunner.run([
            "cox", "datasets/jasa.csv", "--formula", "Surv(futime, fustat) ~ age + transplanted", "--tdc", "transplanted=wait.time",
        ])
        #expect(tdc.contains("Rows: 103 read, split into 169 intervals (--tdc), 169 intervals used."))
        let report = try CommandRunner.run([
            "report", "datasets/lung.csv", "--time", "time", "--status", "status", "--group", "sex", "--landmark", "180",
        ])
        #expect(report.contains("Landmark at 180: 69 subjects"))
        #expect(report.contains("with time ≤ 180 excluded; time measured from 180."))
    }

    @Test("without the new options the JSON has no landmark key and rows no intervals")
    func noNewKeysByDefault() throws {
        for args in [
            ["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex"],
            ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age"],
            ["report", "datasets/lung.csv", "--time", "time", "--status", "status"],
        ] {
            let json = try #require(try CommandRunner.runJSON(args + ["--format", "json"]) as? [String: Any])
            #expect(json["landmark"] == nil)
            let rows = try #require(json["rows"] as? [String: Any])
            #expect(rows["intervals"] == nil)
            if let spec = json["specification"] as? [String: Any] {
                #expect(spec["landmark"] == nil && spec["tdc"] == nil)
            }
        }
    }

    @Test("report --tdc fits its Cox section on the split rows, as cox --tdc")
    func reportTimeDependent() throws {
        let report = try #require(try CommandRunner.runJSON([
            "report", "datasets/jasa.csv", "--time", "futime", "--status", "fustat", "--covariates", "age,surgery,transplanted",
            "--tdc", "transplanted=wait.time", "--format", "json",
        ]) as? [String: Any])
        let fixture = try Repository.loadJSON("Tests/Fixtures/time-varying/tdc_jasa.json")
        let cox = try #require(report["cox"])
        let expected = ["coefficients": fixture["coefficients"] as Any, "loglik": fixture["loglik"] as Any, "rows": fixture["rows"] as Any]
        let diffs = Self.comparison.differences(expected: expected, actual: cox)
        #expect(diffs.isEmpty, "\(diffs.prefix(5).joined(separator: "\n"))")
    }

    @Test("recur --tdc splits counting-process rows at the switch time (one AG interval per piece)")
    func recurTimeDependent() throws {
        let json = try #require(try CommandRunner.runJSON([
            "recur", "datasets/cgd.csv", "--formula", "Surv(tstart, tstop, status) ~ treat + late + cluster(id)",
            "--tdc", "late=age", "--format", "json",
        ]) as? [String: Any])
        let rows = try #require(json["rows"] as? [String: Any])
        let intervals = try #require(rows["intervals"] as? Int)
        #expect(rows["read"] as? Int == 203)
        #expect(intervals > 203, "some intervals contain the switch time")
    }

    @Test("split to standard output with --output -, and an existing start column is refused")
    func splitStandardOutput() throws {
        let r = try CommandRunner.spawn(["split", "datasets/veteran.csv", "--time", "time", "--status", "status", "--cut", "100", "--output", "-"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("trt,celltype,karno,diagtime,age,prior,tstart,time,status\n"))
        #expect(r.stderr.contains("137 rows split into"))
        let clash = try CommandRunner.spawn(["split", "datasets/cgd.csv", "--time", "tstop", "--status", "status", "--cut", "100", "--start", "tstart", "--output", "-"])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("column \"tstart\"") && clash.stderr.contains("--start"), "\(clash.stderr)")
    }

    struct Refusal: Sendable, CustomStringConvertible {
        var name: String
        var args: [String]
        var status: Int32
        var message: String
        var description: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "unknown TIMECOL", args: ["cox", "datasets/jasa.csv", "--formula", "Surv(futime, fustat) ~ tx", "--tdc", "tx=wait_time"],
                status: 1, message: "datasets/jasa.csv: column \"wait_time\": unknown column (did you mean \"wait.time\"?)"),
        Refusal(name: "tdc not NAME=TIMECOL", args: ["cox", "datasets/jasa.csv", "--formula", "Surv(futime, fustat) ~ age", "--tdc", "wait.time"],
                status: 2, message: "--tdc must look like NAME=TIMECOL"),
        Refusal(name: "tdc replaces a column", args: ["cox", "datasets/jasa.csv", "--formula", "Surv(futime, fustat) ~ age", "--tdc", "age=wait.time"],
                status: 1, message: "column \"age\" (2): --tdc age=wait.time would replace a column"),
        Refusal(name: "tt does not parse", args: ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ tt(age)", "--tt", "x * log(t"],
                status: 2, message: "--tt: in tt \"x * log(t\""),
        Refusal(name: "tt uses another variable", args: ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ tt(age)", "--tt", "x * age"],
                status: 2, message: "\"age\" is not x (the term's variable) or t (the event time)"),
        Refusal(name: "tt term without --tt", args: ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ tt(age)"],
                status: 1, message: "tt(age) is a time-transform term of the Cox model; give its function with --tt"),
        Refusal(name: "--tt without a tt term", args: ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age", "--tt", "x * t"],
                status: 1, message: "needs a tt(x) term in the formula"),
        Refusal(name: "tt not finite at an event time", args: ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ tt(age)", "--tt", "x / (t - 5)"],
                status: 1, message: "datasets/lung.csv: line "),
        Refusal(name: "tt with --zph", args: ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ tt(age)", "--tt", "x * t", "--zph"],
                status: 2, message: "--zph is not available with --tt"),
        Refusal(name: "tt in km", args: ["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ tt(age)"],
                status: 1, message: "give its function with --tt"),
        Refusal(name: "cut not finite", args: ["split", "datasets/lung.csv", "--time", "time", "--status", "status", "--cut", "100,inf", "--output", "-"],
                status: 2, message: "--cut must be comma-separated finite numbers"),
        Refusal(name: "split unknown time column", args: ["split", "datasets/lung.csv", "--time", "tme", "--status", "status", "--cut", "100", "--output", "-"],
                status: 1, message: "datasets/lung.csv: column \"tme\": unknown column (did you mean \"time\"?)"),
        Refusal(name: "landmark beyond all follow-up", args: ["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex", "--landmark", "5000"],
                status: 1, message: "datasets/lung.csv: column \"time\" (2): --landmark 5000: no row has time > 5000 (the longest is 1022)"),
        Refusal(name: "landmark not finite", args: ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex", "--landmark", "nan"],
                status: 2, message: "--landmark must be a finite number"),
        Refusal(name: "landmark on counting-process data", args: ["cox", "datasets/heart.csv", "--formula", "Surv(start, stop, event) ~ age", "--landmark", "10"],
                status: 1, message: "--landmark needs right-censored data Surv(time, status)"),
        Refusal(name: "landmark with tdc", args: ["cox", "datasets/jasa.csv", "--formula", "Surv(futime, fustat) ~ tx", "--tdc", "tx=wait.time", "--landmark", "10"],
                status: 2, message: "--landmark and --tdc together are not supported"),
    ]

    @Test("bad input: a located message and the right exit status", arguments: refusals)
    func refusal(_ r: Refusal) throws {
        let run = try CommandRunner.spawn(r.args)
        #expect(run.status == r.status, "\(r.name): exit \(run.status), stderr \(run.stderr)")
        #expect(run.stderr.contains(r.message), "\(r.name): \(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"), "\(r.name)")
    }
}
