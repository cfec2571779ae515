import Foundation
import SurvivalKit
import Testing
@testable import survkit

/// `survkit site-summary` + `survkit pool`: pooled cells equal the fit of the
/// union of the sites' rows (exact identity), bad summaries are refused with
/// located messages, and `--min-cell` keeps every cell at K or more.
@Suite(.serialized) struct SitePoolingCLITests {
    /// A temporary folder with a deterministic 10⁵-row cohort (day-rounded
    /// times, categorical covariates, a stratum, a competing cause), whole and
    /// split into three site CSVs.
    final class Sites {
        let folder: URL
        init(rows: Int = 100_000) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("site-pool-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var state: UInt64 = 20_261_201
            func uniform() -> Double {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                return (Double(z >> 11) + 0.5) / 9_007_199_254_740_992
            }
            let header = "site,center,grade,sex,time,status,cause\n"
            var whole = header
            var sites = ["A": header, "B": header, "C": header]
            for _ in 0..<rows {
                let u = uniform()
                let site = u < 0.5 ? "A" : (u < 0.8 ? "B" : "C")
                let center = "c\(1 + Int(uniform() * 4))"
                let g = Int(uniform() * 3)
                let grade = ["G1", "G2", "G3"][g]
                let sex = uniform() < 0.45 ? 2 : 1
                let rate = 0.0008 * [1.0, 1.6, 2.7][g] * (sex == 2 ? 0.8 : 1) * (site == "C" ? 1.3 : 1)
                let event = (-log(uniform()) / rate).rounded(.up)
                let censor = min(1500, (-log(uniform()) / 0.0006).rounded(.up))
                let time = min(event, censor)
                let status = event <= censor ? 1 : 0
                let cause = status == 0 ? 0 : (uniform() < 0.7 ? 1 : 2)
                let line = "\(site),\(center),\(grade),\(sex),\(Int(time)),\(status),\(cause)\n"
                whole += line
                sites[site]! += line
            }
            try whole.write(to: url("whole.csv"), atomically: true, encoding: .utf8)
            for (s, text) in sites { try text.write(to: url("\(s).csv"), atomically: true, encoding: .utf8) }
        }
        func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
        func path(_ name: String) -> String { url(name).path }
        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs survkit in-process (the command names its own --output).
    static func run(_ arguments: [String]) throws {
        var command = try Survkit.parseAsRoot(arguments)
        try command.run()
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let object = try CommandRunner.runJSON(arguments + ["--format", "json"])
        return try #require(object as? [String: Any])
    }

    /// Site summaries of A, B, C for `analysis` and `formula`; returns their paths.
    static func summaries(_ c: Sites, formula: String, analysis: String, extra: [String] = []) throws -> [String] {
        try ["A", "B", "C"].map { s in
            let out = c.path("\(s)-\(analysis).json")
            try run(["site-summary", c.path("\(s).csv"), "--formula", formula, "--analysis", analysis, "--site", s,
                     "--time-unit", "days", "--output", out] + extra)
            return out
        }
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        (a.isNaN && b.isNaN) || abs(a - b) <= 1e-10 * max(1, abs(a), abs(b))
    }

    static func numbers(_ v: Any?) -> [Double] { (v as? [Any])?.map { ($0 as? Double) ?? .nan } ?? [] }

    static func expectClose(_ a: [Double], _ b: [Double], _ what: String) {
        #expect(a.count == b.count && !a.isEmpty, "\(what): \(a.count) vs \(b.count) values")
        if let k = (0..<min(a.count, b.count)).first(where: { !close(a[$0], b[$0]) }) {
            Issue.record("\(what)[\(k)]: \(a[k]) vs \(b[k])")
        }
    }

    static func expectSameCurves(_ pooled: [String: Any], _ whole: [String: Any], keys: [String]) throws {
        let p = try #require(pooled["strata"] as? [[String: Any]])
        let w = try #require(whole["strata"] as? [[String: Any]])
        #expect(p.map { $0["label"] as? String } == w.map { $0["label"] as? String })
        for (a, b) in zip(p, w) {
            for key in keys { expectClose(numbers(a[key]), numbers(b[key]), "\(b["label"] ?? "") \(key)") }
        }
    }

    static func expectSameCox(_ pooled: [String: Any], _ whole: [String: Any]) throws {
        let p = try #require(pooled["coefficients"] as? [[String: Any]])
        let w = try #require(whole["coefficients"] as? [[String: Any]])
        #expect(p.map { $0["term"] as? String } == w.map { $0["term"] as? String })
        expectClose(p.map { ($0["coef"] as? Double) ?? .nan }, w.map { ($0["coef"] as? Double) ?? .nan }, "coef")
        expectClose(p.map { ($0["se"] as? Double) ?? .nan }, w.map { ($0["se"] as? Double) ?? .nan }, "se")
        let pv = try #require(pooled["variance"] as? [[Any]]).flatMap { numbers($0) }
        let wv = try #require(whole["variance"] as? [[Any]]).flatMap { numbers($0) }
        expectClose(pv, wv, "variance")
        expectClose(
            [pooled["loglik"] as? Double ?? .nan], [whole["loglik"] as? Double ?? .nan], "loglik")
    }

    @Test func pooledSummariesEqualTheFitsOfTheWholeCohort() throws {
        let c = try Sites()
        // Kaplan–Meier with a stratum, and the site-stratified curves.
        let kmFormula = "Surv(time, status) ~ grade + strata(center)"
        let km = try Self.summaries(c, formula: kmFormula, analysis: "km")
        let kmKeys = ["time", "n_risk", "n_event", "survival", "std_err", "cumhaz"]
        try Self.expectSameCurves(
            try Self.json(["pool"] + km + ["--analysis", "km"]),
            try Self.json(["km", c.path("whole.csv"), "--formula", kmFormula]), keys: kmKeys)
        try Self.expectSameCurves(
            try Self.json(["pool"] + km + ["--analysis", "km", "--site-strata"]),
            try Self.json(["km", c.path("whole.csv"), "--formula", kmFormula + " + strata(site)"]), keys: kmKeys)
        // Log-rank, stratified.
        let lr = try Self.summaries(c, formula: "Surv(time, status) ~ grade + strata(center)", analysis: "logrank")
        let pooledLR = try Self.json(["pool"] + lr + ["--analysis", "logrank"])
        let wholeLR = try Self.json(["logrank", c.path("whole.csv"), "--formula", "Surv(time, status) ~ grade + strata(center)"])
        Self.expectClose([pooledLR["statistic"] as? Double ?? .nan], [wholeLR["statistic"] as? Double ?? .nan], "chisq")
        // Cumulative incidence of two competing causes.
        let cifFormula = "Surv(time, cause) ~ grade"
        let cif = try Self.summaries(c, formula: cifFormula, analysis: "cif")
        let pooledCIF = try Self.json(["pool"] + cif + ["--analysis", "cif"])
        let wholeCIF = try Self.json(["cif", c.path("whole.csv"), "--formula", cifFormula])
        let p = try #require(pooledCIF["strata"] as? [[String: Any]])
        let w = try #require(wholeCIF["strata"] as? [[String: Any]])
        #expect(p.count == w.count && p.count == 3)
        for (a, b) in zip(p, w) {
            Self.expectClose(Self.numbers(a["time"]), Self.numbers(b["time"]), "cif time")
            for cause in ["1", "2"] {
                let ac = (a["cif"] as? [String: Any])?[cause], bc = (b["cif"] as? [String: Any])?[cause]
                Self.expectClose(Self.numbers(ac), Self.numbers(bc), "cif \(cause)")
            }
        }
        // Event rates: events ~ grade + offset(person-time).
        let rates = try Self.summaries(c, formula: "status ~ grade + offset(time)", analysis: "rates")
        let pooledRates = try #require(try Self.json(["pool"] + rates + ["--analysis", "rates"])["groups"] as? [[String: Any]])
        let wholeRates = try #require(
            try Self.json(["rates", c.path("whole.csv"), "--events", "status", "--person-time", "time", "--by", "grade"])["groups"]
                as? [[String: Any]])
        for key in ["events", "person_time", "rate", "lower", "upper"] {
            Self.expectClose(
                pooledRates.map { ($0[key] as? Double) ?? .nan }, wholeRates.map { ($0[key] as? Double) ?? .nan }, "rates \(key)")
        }
        // Cox, Breslow and Efron, with strata; and stratified by site.
        let coxFormula = "Surv(time, status) ~ grade + factor(sex) + strata(center)"
        let cox = try Self.summaries(c, formula: coxFormula, analysis: "cox")
        for ties in ["breslow", "efron"] {
            try Self.expectSameCox(
                try Self.json(["pool"] + cox + ["--analysis", "cox", "--ties", ties]),
                try Self.json(["cox", c.path("whole.csv"), "--formula", coxFormula, "--ties", ties]))
        }
        try Self.expectSameCox(
            try Self.json(["pool"] + cox + ["--analysis", "cox", "--site-strata"]),
            try Self.json(["cox", c.path("whole.csv"), "--formula", coxFormula + " + strata(site)"]))
        // The pooled block lists the sites.
        let block = try #require(try Self.json(["pool"] + cox + ["--analysis", "cox"])["pooled"] as? [String: Any])
        let sites = try #require(block["sites"] as? [[String: Any]])
        #expect(sites.map { $0["site"] as? String } == ["A", "B", "C"])
        #expect(sites.map { ($0["subjects"] as? Int) ?? 0 }.reduce(0, +) == 100_000)
    }

    /// A small cohort for the refusals and min-cell tests.
    static func smallSummary(_ c: Sites, site: String, extra: [String] = []) throws -> String {
        let out = c.path("\(site)-small-\(UUID().uuidString.prefix(6)).json")
        try run(["site-summary", c.path("\(site).csv"), "--formula", "Surv(time, status) ~ grade", "--analysis", "km",
                 "--site", site, "--time-unit", "days", "--output", out] + extra)
        return out
    }

    static func edited(_ path: String, _ edit: (String) -> String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let out = path.replacingOccurrences(of: ".json", with: "-edited-\(UUID().uuidString.prefix(8)).json")
        try edit(text).write(toFile: out, atomically: true, encoding: .utf8)
        return out
    }

    static func refusal(_ files: [String], _ extra: [String] = []) throws -> String {
        do {
            try run(["pool"] + files + ["--analysis", "km", "--output", "/dev/null"] + extra)
        } catch let failure as AnalysisFailure {
            return failure.message
        }
        Issue.record("pool accepted \(files)")
        return ""
    }

    @Test func badSummariesAreRefusedWithLocatedMessages() throws {
        let c = try Sites(rows: 3000)
        let a = try Self.smallSummary(c, site: "A"), b = try Self.smallSummary(c, site: "B")
        let v2 = try Self.edited(b) { $0.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2") }
        let m = try Self.refusal([a, v2])
        #expect(m.contains(v2) && m.contains("$.version: 2: expected 1"), "\(m)")
        let other = try Self.edited(b) { $0.replacingOccurrences(of: "survkit-site-summary", with: "other-summary") }
        #expect(try Self.refusal([a, other]).contains("$.format: \"other-summary\": expected \"survkit-site-summary\""))
        let levels = try Self.edited(b) { $0.replacingOccurrences(of: "\"G3\"]", with: "\"G4\"]") }
        let lm = try Self.refusal([a, levels])
        #expect(lm.contains("$.variables[2].levels") && lm.contains("as in \(a)"), "\(lm)")
        let unit = try Self.edited(b) { $0.replacingOccurrences(of: "\"unit\": \"days\"", with: "\"unit\": \"months\"") }
        #expect(try Self.refusal([a, unit]).contains("$.time.unit: \"months\": expected \"days\""))
        // Agreed grids that differ, and a time off the declared grid.
        let g1 = try Self.smallSummary(c, site: "A", extra: ["--grid", "0,100,200,400,800,1600"])
        let g2 = try Self.smallSummary(c, site: "B", extra: ["--grid", "0,50,200,400,800,1600"])
        #expect(try Self.refusal([g1, g2]).contains("$.time.grid"))
        // A site on exact times does not pool with a site on the agreed grid, in either order.
        let exactThenGrid = try Self.refusal([a, g1]), gridThenExact = try Self.refusal([g1, b])
        #expect(exactThenGrid.contains(a) && exactThenGrid.contains("$.time.grid: null"), "\(exactThenGrid)")
        #expect(gridThenExact.contains(b) && gridThenExact.contains("an agreed --grid applies to every site"), "\(gridThenExact)")
        let off = try Self.edited(g2) { $0.replacingOccurrences(of: "\"grid\": [0.0, 50.0,", with: "\"grid\": [0.0, 51.0,") }
        #expect(try Self.refusal([off]).contains("expected a time on the declared grid $.time.grid"))
        // Duplicated cells and fractional counts.
        let text = try String(contentsOfFile: a, encoding: .utf8)
        let firstSubjects = try #require(text.range(of: "\"subjects\": [")).upperBound
        let fractional = try Self.edited(a) { t in
            var t = t
            t.replaceSubrange(firstSubjects..<t.index(after: firstSubjects), with: "1.5")
            return t
        }
        #expect(try Self.refusal([fractional]).contains("$.cells.subjects[0]: 1.5: expected a whole number ≥ 1"))
        let duplicate = try Self.edited(a) { t in
            t.replacingOccurrences(of: "\"time\": [", with: "\"time\": [0.0,", options: [], range: nil)
        }
        #expect(try Self.refusal([duplicate]).contains("$.cells.values.time"))
        // Exit status 1 from the executable, with the located message on stderr.
        let r = try CommandRunner.spawn(["pool", a, v2, "--analysis", "km"])
        #expect(r.status == 1 && r.stderr.contains("$.version"), "\(r.status) \(r.stderr)")
    }

    @Test func agreedLevelsLetASiteWithoutALevelPool() throws {
        let c = try Sites(rows: 3000)
        let noG3 = ["--subset", "grade != \"G3\""]
        let a = try Self.smallSummary(c, site: "A", extra: noG3)
        let b = try Self.smallSummary(c, site: "B")
        #expect(try Self.refusal([a, b]).contains("--levels grade="))
        let agreed = ["--levels", "grade=G1,G2,G3"]
        let a2 = try Self.smallSummary(c, site: "A", extra: noG3 + agreed)
        let b2 = try Self.smallSummary(c, site: "B", extra: agreed)
        let pooled = try #require(try Self.json(["pool", a2, b2, "--analysis", "km"])["strata"] as? [[String: Any]])
        #expect(pooled.map { $0["label"] as? String } == ["grade=G1", "grade=G2", "grade=G3"])
    }

    @Test func aSiteWithFrequencyCountsSharesTheCellsOfItsExpandedRows() throws {
        let c = try Sites(rows: 10)
        var compressed = "time,status,grade,n\n", expanded = "time,status,grade\n"
        for (t, s, g, n) in [(5, 1, "G1", 3), (5, 0, "G1", 1), (9, 1, "G2", 2), (12, 0, "G1", 4), (12, 1, "G2", 0)] {
            compressed += "\(t),\(s),\(g),\(n)\n"
            for _ in 0..<n { expanded += "\(t),\(s),\(g)\n" }
        }
        try compressed.write(to: c.url("compressed.csv"), atomically: true, encoding: .utf8)
        try expanded.write(to: c.url("expanded.csv"), atomically: true, encoding: .utf8)
        func cells(_ file: String, _ extra: [String]) throws -> SiteCells {
            let out = c.path("\(file).json")
            try Self.run(["site-summary", c.path("\(file).csv"), "--formula", "Surv(time, status) ~ grade",
                          "--analysis", "cox", "--output", out] + extra)
            return try SiteSummary.read(Array(try Data(contentsOf: URL(fileURLWithPath: out))), file: out).cells
        }
        let fromCounts = try cells("compressed", ["--counts", "n"])
        #expect(fromCounts == (try cells("expanded", [])))
        #expect(fromCounts.subjects == [1, 3, 4, 2])  // G1: (5, censored), (5, event), (12, censored); G2: (9, event)
    }

    @Test func minCellKeepsEveryCellAtKAndReportsTheCostItMeasured() throws {
        let c = try Sites(rows: 3000)
        let k = 5
        let path = try Self.smallSummary(c, site: "A", extra: ["--min-cell", "\(k)"])
        let summary = try SiteSummary.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        #expect(summary.cells.subjects.allSatisfy { $0 >= k })
        let disclosure = try #require(summary.disclosure)
        #expect(disclosure.minCell == k && disclosure.timesMerged > 0)
        // The reported change equals a direct comparison of the exact and the controlled fits.
        let exactPath = try Self.smallSummary(c, site: "A")
        let exact = try SiteSummary.read(Array(try Data(contentsOf: URL(fileURLWithPath: exactPath))), file: exactPath)
        #expect(exact.subjects == summary.subjects + disclosure.subjectsSuppressed)
        let formula = try Formula(exact.formula)
        let count = SitePool.countColumnName(for: exact.variables)
        let a = try SiteAnalysis.fit(
            SiteAnalysis.cohort(of: exact, countColumn: count), formula: formula, analysis: .km, countColumn: count)
        let b = try SiteAnalysis.fit(
            SiteAnalysis.cohort(of: summary, countColumn: count), formula: formula, analysis: .km, countColumn: count)
        guard case .km(let ra) = a, case .km(let rb) = b else { Issue.record("not km"); return }
        var worst = 0.0
        for curve in ra.strata {
            guard let other = rb.strata.first(where: { $0.label == curve.label }) else { continue }
            for t in Set(curve.time + other.time) {
                func s(_ times: [Double], _ surv: [Double]) -> Double { times.lastIndex { $0 <= t }.map { surv[$0] } ?? 1 }
                worst = max(worst, abs(s(curve.time, curve.survival) - s(other.time, other.survival)))
            }
        }
        let change = try #require(disclosure.change)
        #expect(change.statistic == "max_abs_survival")
        #expect(abs(change.value - worst) <= 1e-15, "\(change.value) vs \(worst)")
        // The pooled output sums the sites' costs.
        let b2 = try Self.smallSummary(c, site: "B", extra: ["--min-cell", "\(k)"])
        let block = try #require(try Self.json(["pool", path, b2, "--analysis", "km"])["pooled"] as? [String: Any])
        let totals = try #require(block["disclosure"] as? [String: Any])
        let other = try SiteSummary.read(Array(try Data(contentsOf: URL(fileURLWithPath: b2))), file: b2)
        #expect(totals["times_merged"] as? Int == disclosure.timesMerged + (other.disclosure?.timesMerged ?? -1))
        #expect(block["min_cell"] as? Int == k)
    }
}
