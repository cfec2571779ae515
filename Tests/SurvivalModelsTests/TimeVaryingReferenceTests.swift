import CohortData
import Foundation
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The data-layer parts of time-varying analyses, through the library (no
/// CLI): `SurvivalSplit` + `Cohort.splittingSurvival` (R survSplit),
/// `Cohort.splittingAtTimeDependentCovariates` (tmerge tdc), the `tt()`
/// expansion (`ModelFrameOptions.timeTransform`, coxph tt =) and the landmark
/// rule (`ModelFrameOptions.landmark`), each fitted and compared with the R
/// fixtures of Tests/Reference/time_varying.R and landmark.R.
@Suite struct TimeVaryingReferenceTests {
    static func read(_ path: String) throws -> Cohort {
        try CSVReader().read(path: Repository.url(path).path)
    }

    /// Coefficients (coef, se), log-likelihoods and n of a Cox fit against a fixture.
    static func expectCox(_ result: CoxResult, _ fixture: [String: Any], _ name: String) throws {
        let expected = try #require(fixture["coefficients"] as? [[String: Any]])
        #expect(result.coefficients.count == expected.count, "\(name): coefficient count")
        for (c, e) in zip(result.coefficients, expected) {
            #expect(c.term == e["term"] as? String, "\(name): term")
            for (key, value) in [("coef", c.coef), ("se", c.se)] {
                let want = try #require(e[key] as? Double)
                let got = try #require(value)
                #expect(abs(got - want) <= 1e-6 * abs(want) + 1e-9, "\(name) \(c.term) \(key): \(got) vs \(want)")
            }
        }
        let loglik = try #require(fixture["loglik"] as? Double)
        #expect(abs(result.loglik - loglik) <= 1e-7 * abs(loglik), "\(name): loglik")
        #expect(result.n == fixture["n"] as? Int, "\(name): n")
    }

    @Test("survSplit: the split rows equal R's and the Cox fit on them equals coxph", arguments: ["split_veteran", "split_lung", "split_sarcoma"])
    func split(name: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/time-varying/\(name).json")
        let args = try #require(fixture["split_args"] as? [String])
        func option(_ o: String) throws -> String { try #require(args.firstIndex(of: o).map { args[$0 + 1] }) }
        let cuts = try option("--cut").split(separator: ",").map { try #require(Double($0)) }
        let split = try Self.read(args[1]).splittingSurvival(
            time: try option("--time"), status: try option("--status"), at: try SurvivalSplit(cuts: cuts),
            episodeName: try option("--episode"))
        let csv = try #require(fixture["csv"] as? [String: Any])
        #expect(split.names == csv["names"] as? [String])
        let columns = try #require(csv["columns"] as? [String: [Any]])
        for name in split.names {
            let expected = try #require(columns[name])
            let column = try #require(split.column(named: name))
            #expect(column.count == expected.count, "\(name): rows")
            for (row, e) in expected.enumerated() where row < column.count {
                switch e {
                case let x as NSNumber where !(e is String):
                    guard case .numeric(let v) = column else { Issue.record("\(name) is not numeric"); break }
                    #expect(abs(v[row] - x.doubleValue) <= 1e-12 * max(1, abs(x.doubleValue)), "\(name) row \(row)")
                case let s as String: #expect(column.text(at: row) == s, "\(name) row \(row)")
                default: #expect(column.isMissing(row), "\(name) row \(row): expected NA")
                }
            }
        }
        let frame = try Formula(try #require(fixture["formula"] as? String)).modelFrame(on: split)
        let result = try CoxModel.fit(frame).makeResult(zph: nil, residuals: nil)
        try Self.expectCox(result, fixture, name)
    }

    @Test("tmerge tdc: the split data and the Cox fit equal R's", arguments: ["tdc_jasa", "tdc_sarcoma", "tdc_sarcoma_two"])
    func timeDependent(name: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/time-varying/\(name).json")
        let args = try #require(fixture["args"] as? [String])
        let covariates = args.indices.filter { args[$0] == "--tdc" }.compactMap {
            TimeDependentCovariate(parsing: args[$0 + 1])
        }
        let formula = try Formula(try #require(fixture["formula"] as? String))
        let response = try #require(formula.responseColumns)
        let cohort = try Self.read(args[1])
        let (split, start) = try cohort.splittingAtTimeDependentCovariates(
            covariates, start: response.start, stop: response.stop, status: response.status)
        let rows = try #require(fixture["rows"] as? [String: Any])
        #expect(split.rowCount == rows["intervals"] as? Int)
        let frame = try formula.countingProcess(start: start).modelFrame(on: split)
        #expect(frame.rows.read == rows["read"] as? Int)
        #expect(frame.rows.intervals == rows["intervals"] as? Int)
        try Self.expectCox(try CoxModel.fit(frame).makeResult(zph: nil, residuals: nil), fixture, name)
    }

    @Test("tmerge's rules: missing or at/after the end never on, at/before the start on from the start")
    func timeDependentRules() throws {
        let cohort = try Cohort(columns: [
            ("time", .numeric([10, 10, 10, 10, 10])), ("status", .numeric([1, 0, 1, 1, 1])),
            ("on", .numeric([.nan, 10, 12, 0, 4])),
        ])
        let (split, start) = try cohort.splittingAtTimeDependentCovariates(
            [TimeDependentCovariate(name: "x", timeColumn: "on")], start: nil, stop: "time", status: "status")
        #expect(start == "tstart")
        guard case .numeric(let x)? = split.column(named: "x"), case .numeric(let a)? = split.column(named: "tstart"),
            case .numeric(let b)? = split.column(named: "time"), case .numeric(let s)? = split.column(named: "status")
        else { Issue.record("columns"); return }
        // Rows 1–4 stay one interval each; row 5 splits at 4.
        #expect(a == [0, 0, 0, 0, 0, 4])
        #expect(b == [10, 10, 10, 10, 4, 10])
        #expect(x == [0, 0, 0, 1, 0, 1])
        #expect(s == [1, 0, 1, 1, 0, 1])
        #expect(split.line(ofRow: 5) == 6, "the second interval keeps its row's line")
    }

    @Test("tt(): the expanded Cox fit equals coxph(tt = function(x, t, ...) EXPR)", arguments: ["tt_veteran", "tt_lung", "tt_lung_strata"])
    func timeTransform(name: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/time-varying/\(name).json")
        let args = try #require(fixture["args"] as? [String])
        let expression = try #require(args.firstIndex(of: "--tt").map { args[$0 + 1] })
        var options = ModelFrameOptions()
        options.timeTransform = try TimeTransform(expression)
        let frame = try Formula(try #require(fixture["formula"] as? String)).modelFrame(on: Self.read(args[1]), options: options)
        var result = try CoxModel.fit(frame).makeResult(zph: nil, residuals: nil)
        result.n = frame.rows.used
        try Self.expectCox(result, fixture, name)
    }

    @Test("tt(): a transform in another variable, or a formula without --tt, is refused")
    func timeTransformRefusals() throws {
        #expect(throws: CohortError.self) { try TimeTransform("x * log(age)") }
        #expect(throws: CohortError.self) { try TimeTransform("x * (") }
        let lung = try Self.read("datasets/lung.csv")
        #expect(throws: CohortError.self) { try Formula("Surv(time, status) ~ tt(age)").modelFrame(on: lung) }
        var options = ModelFrameOptions()
        options.timeTransform = try TimeTransform("x * log(t)")
        #expect(throws: CohortError.self) { try Formula("Surv(time, status) ~ age").modelFrame(on: lung, options: options) }
    }

    @Test("landmark: Cox and Kaplan–Meier on the rows with time > T, time from T, equal R's", arguments: ["cox_lung_180", "cox_veteran_90", "cox_sarcoma_2", "km_lung_180"])
    func landmark(name: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/landmark/\(name).json")
        let args = try #require(fixture["args"] as? [String])
        var options = ModelFrameOptions()
        options.landmark = try #require(args.firstIndex(of: "--landmark").flatMap { Double(args[$0 + 1]) })
        let formula = try Formula(try #require(fixture["formula"] as? String))
        let cohort = try Self.read(args[1])
        let landmark = try #require(fixture["landmark"] as? [String: Any])
        if args[0] == "cox" {
            let frame = try formula.modelFrame(on: cohort, options: options)
            #expect(frame.rows.landmark?.excluded == landmark["excluded"] as? Int)
            #expect(frame.rows.excludedBySubset == landmark["excluded"] as? Int)
            try Self.expectCox(try CoxModel.fit(frame).makeResult(zph: nil, residuals: nil), fixture, name)
        } else {
            let frame = try formula.groupingFrame(on: cohort, options: options)
            let result = try KaplanMeier.fit(frame)
            let strata = try #require(fixture["strata"] as? [[String: Any]])
            for (curve, e) in zip(result.strata, strata) {
                let want = try #require(e["survival"] as? [Double])
                #expect(curve.survival.count == want.count)
                for (g, w) in zip(curve.survival, want) { #expect(abs(g - w) <= 1e-9) }
                #expect(curve.time == (e["time"] as? [Double]))
            }
        }
    }

    @Test("landmark beyond all follow-up and on counting-process data are located errors")
    func landmarkRefusals() throws {
        let lung = try Self.read("datasets/lung.csv")
        var options = ModelFrameOptions()
        options.landmark = 5000
        #expect(throws: CohortError.self) { try Formula("Surv(time, status) ~ sex").groupingFrame(on: lung, options: options) }
        options.landmark = 10
        let heart = try Self.read("datasets/heart.csv")
        #expect(throws: CohortError.self) {
            try Formula("Surv(start, stop, event) ~ age").modelFrame(on: heart, options: options)
        }
    }

    @Test("survSplit's rules: cuts at/after the end and at 0 split nothing, episode counts cuts ≤ start")
    func splitRules() throws {
        let split = try SurvivalSplit(cuts: [5, 0, 3, 3, 20])
        #expect(split.cuts == [0, 3, 5, 20])
        let rows = split.intervals(start: [0, 0, 0], stop: [5, 10, 3])
        #expect(rows.map(\.end) == [3, 5, 3, 5, 10, 3])
        #expect(rows.map(\.episode) == [2, 3, 2, 3, 4, 2])
        #expect(rows.map(\.endsAtCut) == [true, false, true, true, false, false])
        #expect(throws: CohortError.self) { try SurvivalSplit(cuts: [1, .infinity]) }
        let zero = try Cohort(columns: [("time", .numeric([0, 4])), ("status", .numeric([1, 0]))])
        #expect(throws: CohortError.self) { try zero.splittingSurvival(time: "time", status: "status", at: split) }
    }
}
