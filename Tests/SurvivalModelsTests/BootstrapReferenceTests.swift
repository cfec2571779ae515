import CohortData
import Foundation
import SurvivalModels
import SurvivalNumerics
import SurvivalTestSupport
import Testing

/// The bootstrap against R: survkit's generator writes the row index sets of
/// a few replicates (`Tests/Fixtures/bootstrap/indices.json`), R refits
/// survfit / coxph on exactly those rows (`Tests/Reference/bootstrap.R` →
/// `replicates_r.json`), and the replicate statistics here must match R's to
/// 1e-6 relative. R's `quantile(type = 7)` on fixed vectors
/// (`quantile_type7.json`) checks the percentile limits' rule.
///
/// To regenerate the index sets after a deliberate change of the generator:
/// `SURVKIT_WRITE_BOOTSTRAP_INDICES=1 swift test --filter BootstrapReferenceTests`,
/// then `Rscript Tests/Reference/bootstrap.R`.
@Suite struct BootstrapReferenceTests {
    /// The cases of the index fixture: what survkit resamples and R refits.
    struct Case {
        var name: String
        var analysis: String  // km | cox
        var data: String
        var formula: String
        /// Columns R keeps before na.omit (the variables the formula uses), so its rows are survkit's used rows.
        var columns: [String]
        var times: [Double] = []
        var ties: String = "efron"
    }

    static let seed: UInt64 = 20_240_601
    static let replicates = [0, 1, 2, 3, 4, 999]
    static let cases: [Case] = [
        Case(name: "km_lung_sex", analysis: "km", data: "datasets/lung.csv", formula: "Surv(time, status) ~ sex",
             columns: ["time", "status", "sex"], times: [180, 365, 730]),
        Case(name: "km_aml_all", analysis: "km", data: "datasets/aml.csv", formula: "Surv(time, status) ~ 1",
             columns: ["time", "status"], times: [12, 30]),
        Case(name: "cox_lung", analysis: "cox", data: "datasets/lung.csv",
             formula: "Surv(time, status) ~ age + sex + ph.ecog", columns: ["time", "status", "age", "sex", "ph.ecog"]),
        Case(name: "cox_veteran_breslow", analysis: "cox", data: "datasets/veteran.csv",
             formula: "Surv(time, status) ~ trt + factor(celltype) + karno",
             columns: ["time", "status", "trt", "celltype", "karno"], ties: "breslow"),
        Case(name: "cox_bladder_cluster", analysis: "cox", data: "datasets/bladder.csv",
             formula: "Surv(stop, event) ~ rx + size + number + strata(enum) + cluster(id)",
             columns: ["stop", "event", "rx", "size", "number", "enum", "id"]),
    ]

    static func cohort(_ path: String) throws -> Cohort {
        try CSVReader().read(path: Repository.url(path).path)
    }

    /// The rows (0-based) of replicate b of a case, as survkit's bootstrap draws them.
    static func rows(_ c: Case, replicate b: Int) throws -> (n: Int, rows: [Int]) {
        let cohort = try cohort(c.data)
        if c.analysis == "km" {
            let frame = try Formula(c.formula).groupingFrame(on: cohort)
            let sampler = frame.cluster.map { BootstrapResample(clusters: $0) } ?? BootstrapResample(rowCount: frame.count)
            return (frame.count, sampler.rows(seed: seed, replicate: b))
        }
        let frame = try Formula(c.formula).modelFrame(on: cohort)
        let sampler = frame.cluster.map { BootstrapResample(clusters: $0) } ?? BootstrapResample(rowCount: frame.count)
        return (frame.count, sampler.rows(seed: seed, replicate: b))
    }

    /// The index fixture as survkit's generator makes it today.
    static func indexDocument() throws -> [String: Any] {
        var out: [[String: Any]] = []
        for c in cases {
            var rowSets: [[Int]] = []
            var n = 0
            for b in replicates {
                let r = try rows(c, replicate: b)
                n = r.n
                rowSets.append(r.rows.map { $0 + 1 })
            }
            out.append([
                "name": c.name, "analysis": c.analysis, "data": c.data, "formula": c.formula, "columns": c.columns,
                "times": c.times, "ties": c.ties, "n": n, "rows": rowSets,
            ])
        }
        return ["seed": Int(seed), "replicates": replicates, "cases": out]
    }

    @Test func theIndexFixtureIsWhatTheGeneratorDraws() throws {
        let document = try Self.indexDocument()
        let path = Repository.url("Tests/Fixtures/bootstrap/indices.json")
        if ProcessInfo.processInfo.environment["SURVKIT_WRITE_BOOTSTRAP_INDICES"] == "1" {
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
            try data.write(to: path)
        }
        let committed = try Repository.loadJSON("Tests/Fixtures/bootstrap/indices.json")
        let diffs = JSONComparison(relative: 0, absolute: 0).differences(expected: committed, actual: document)
        #expect(diffs.isEmpty, "\(diffs.prefix(5))")
    }

    @Test(arguments: cases.filter { $0.analysis == "km" }.map(\.name))
    func kaplanMeierReplicatesMatchR(name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        let reference = try #require(try Self.referenceCase(name))
        let frame = try Formula(c.formula).groupingFrame(on: Self.cohort(c.data))
        let options = KaplanMeierOptions(times: c.times)
        let fit = try KaplanMeier.fit(frame, options: options)
        let expected = try #require(reference["replicates"] as? [[String: Any]])
        for (k, b) in Self.replicates.enumerated() {
            let rows = try Self.rows(c, replicate: b).rows
            let got = KaplanMeier.replicate(frame, result: fit, options: options, rows: rows)
            let strata = try #require(expected[k]["strata"] as? [[String: Any]])
            #expect(strata.map { $0["label"] as? String } == fit.strata.map(\.label))
            for (s, stratum) in strata.enumerated() {
                let median = stratum["median"] as? Double
                #expect(Self.close(got.median[s], median), "\(name) b=\(b) \(fit.strata[s].label): median \(String(describing: got.median[s])) vs R \(String(describing: median))")
                let survival = try #require(stratum["survival"] as? [Any])
                #expect(survival.count == got.survival[s].count)
                for (j, value) in survival.enumerated() {
                    #expect(Self.close(got.survival[s][j], value as? Double),
                            "\(name) b=\(b) \(fit.strata[s].label) t[\(j)]: \(String(describing: got.survival[s][j])) vs R \(value)")
                }
            }
        }
    }

    @Test(arguments: cases.filter { $0.analysis == "cox" }.map(\.name))
    func coxReplicatesMatchR(name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        let reference = try #require(try Self.referenceCase(name))
        let frame = try Formula(c.formula).modelFrame(on: Self.cohort(c.data))
        let options = CoxOptions(ties: try #require(CoxTies(rawValue: c.ties)))
        #expect((reference["terms"] as? [String])?.count == frame.termNames.count)
        let expected = try #require(reference["replicates"] as? [[String: Any]])
        for (k, b) in Self.replicates.enumerated() {
            let rows = try Self.rows(c, replicate: b).rows
            let got = CoxModel.replicateCoefficients(frame, options: options, rows: rows)
            let coef = try #require(expected[k]["coefficients"] as? [Any])
            let want = coef.map { $0 as? Double }
            let got2: [Double?] = got.map { $0.map(Optional.some) } ?? want.map { _ in nil }
            for j in want.indices {
                #expect(Self.close(got2[j], want[j]), "\(name) b=\(b) \(frame.termNames[j]): \(String(describing: got2[j])) vs R \(String(describing: want[j]))")
            }
        }
    }

    @Test func quantileType7MatchesR() throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/bootstrap/quantile_type7.json")
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        #expect(!cases.isEmpty)
        for q in cases {
            let x = try #require(q["x"] as? [Double]).sorted()
            let probs = try #require(q["probs"] as? [Double])
            let want = try #require(q["quantile"] as? [Double])
            for (p, w) in zip(probs, want) {
                let got = SampleQuantile.type7(sorted: x, p)
                #expect(Self.close(got, w, relative: 1e-12), "x = \(x), p = \(p): \(got) vs R \(w)")
            }
        }
    }

    /// A tiny data set whose median is often not reached: those replicates are
    /// counted in `undefined` and left out; the others give the limits.
    @Test func undefinedMediansAreCountedAndLeftOut() throws {
        let time: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        let status = [1, 0, 1, 0, 0, 1, 0, 0]
        let frame = SurvivalGroupingFrame(
            response: SurvivalResponse(stop: time, status: status), groups: nil,
            rowIndex: Array(0..<8), rows: RowAccounting(read: 8, used: 8))
        let options = KaplanMeierOptions(times: [2, 7.5])
        let fit = try KaplanMeier.fit(frame, options: options)
        let boot = BootstrapOptions(replicates: 400, seed: 11, threads: 2)
        let result = KaplanMeier.bootstrap(frame, result: fit, options: options, bootstrap: boot)
        let b = try #require(result.strata[0].bootstrap)
        // Recount directly, replicate by replicate.
        var undefinedMedians = 0, undefinedLate = 0
        var medians: [Double] = []
        for r in 0..<400 {
            let rep = KaplanMeier.replicate(
                frame, result: fit, options: options, rows: BootstrapResample(rowCount: 8).rows(seed: 11, replicate: r))
            if let m = rep.median[0] { medians.append(m) } else { undefinedMedians += 1 }
            if rep.survival[0][1] == nil { undefinedLate += 1 }
        }
        #expect(undefinedMedians > 50 && undefinedMedians < 400)
        #expect(b.median.undefined == undefinedMedians)
        #expect(b.summaryAt?.survival.undefined == [0, undefinedLate])
        #expect(undefinedLate > 0)
        let sorted = medians.sorted()
        #expect(b.median.percentileLower == SampleQuantile.type7(sorted: sorted, 0.025))
        #expect(b.median.percentileUpper == SampleQuantile.type7(sorted: sorted, 0.975))
        let mean = medians.reduce(0, +) / Double(medians.count)
        let sd = (medians.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(medians.count - 1)).squareRoot()
        #expect(Self.close(b.median.stdErr, sd, relative: 1e-12))
        #expect(b.replicates == 400 && b.seed == 11)
    }

    /// The same replicate draws the same rows whatever else is drawn, and
    /// thread counts do not change the summaries.
    @Test func replicatesDependOnSeedAndIndexOnly() throws {
        let a = BootstrapResample.indices(count: 50, seed: 5, replicate: 37)
        #expect(a == BootstrapResample.indices(count: 50, seed: 5, replicate: 37))
        #expect(a != BootstrapResample.indices(count: 50, seed: 5, replicate: 38))
        #expect(a != BootstrapResample.indices(count: 50, seed: 6, replicate: 37))
        #expect(a.allSatisfy { (0..<50).contains($0) })
        let frame = try Formula("Surv(time, status) ~ sex").groupingFrame(on: Self.cohort("datasets/lung.csv"))
        let options = KaplanMeierOptions(times: [365])
        let fit = try KaplanMeier.fit(frame, options: options)
        let one = KaplanMeier.bootstrap(
            frame, result: fit, options: options, bootstrap: BootstrapOptions(replicates: 37, seed: 9, threads: 1))
        let three = KaplanMeier.bootstrap(
            frame, result: fit, options: options, bootstrap: BootstrapOptions(replicates: 37, seed: 9, threads: 3))
        #expect(one == three)
    }

    // MARK: - Helpers

    static func referenceCase(_ name: String) throws -> [String: Any]? {
        let fixture = try Repository.loadJSON("Tests/Fixtures/bootstrap/replicates_r.json")
        let cases = fixture["cases"] as? [[String: Any]] ?? []
        return cases.first { $0["name"] as? String == name }
    }

    static func close(_ a: Double?, _ b: Double?, relative: Double = 1e-6) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return abs(a - b) <= relative * max(abs(a), abs(b)) + 1e-12
        default: return false
        }
    }
}
