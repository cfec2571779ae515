import CohortData
import Foundation
import SurvivalTestSupport
import Testing
@testable import SurvivalModels

/// Table 1 with `TableOneOptions` against R (Tests/Reference/table1.R →
/// Tests/Fixtures/table1/*.json): every count, percentage, mean, SD, median,
/// quartile and missing count of each column, the test gtsummary's `add_p()`
/// chooses with its statistic and p-value (median display: Wilcoxon or
/// Kruskal–Wallis; mean display: Welch t or ANOVA; categories: χ² or Fisher),
/// and tableone's standardized mean difference, to 1e-6 relative.
@Suite struct TableOneReferenceTests {
    static let root: URL = Repository.root

    struct Case {
        var fixture: String
        var data: String
        var formula: String
        var group: String
        var factors: Set<String>
    }

    static let cases = [
        Case(fixture: "lung_sex", data: "lung", formula: "Surv(time, status) ~ sex", group: "sex", factors: ["ph.ecog"]),
        Case(
            fixture: "pbc_trt", data: "pbc", formula: "Surv(time, status == 2) ~ trt", group: "trt",
            factors: ["sex", "ascites", "edema", "stage"]),
        Case(
            fixture: "sarcoma_grade", data: "sarcoma_patients", formula: "Surv(os_years, os_status) ~ grade",
            group: "grade", factors: ["sex", "site", "depth", "margin", "radiotherapy", "chemotherapy"]),
        Case(
            fixture: "lung_ecog", data: "lung", formula: "Surv(time, status) ~ ph.ecog", group: "ph.ecog",
            factors: ["sex"]),
    ]

    func close(_ a: Double?, _ b: Any?, tolerance: Double = 1e-6) -> Bool {
        guard let b = b as? Double else { return a == nil && (b == nil || b is NSNull) }
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(abs(b), 1e-300)
    }

    func describe(_ c: Case, _ continuous: ContinuousSummary, variables: [String]) throws -> CohortDescription {
        let cohort = try CSVReader().read(path: Self.root.appendingPathComponent("datasets/\(c.data).csv").path)
        let frame = try Formula(c.formula).groupingFrame(on: cohort)
        return try CohortDescription.describe(
            cohort: cohort, frame: frame, groupVariable: c.group,
            requests: variables.map { .init(column: $0, factor: c.factors.contains($0)) },
            options: TableOneOptions(continuous: continuous, pValues: true, smd: true)
        ).description
    }

    @Test(arguments: cases.map(\.fixture), [ContinuousSummary.median, .mean])
    func tableMatchesR(_ name: String, _ continuous: ContinuousSummary) throws {
        let c = try #require(Self.cases.first { $0.fixture == name })
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/table1/\(name).json"))
        let fixture = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try #require(fixture["variables"] as? [[String: Any]])
        let d = try describe(c, continuous, variables: expected.compactMap { $0["name"] as? String })
        #expect(d.columns.map(\.label) == fixture["labels"] as? [String])
        #expect(d.columns.map(\.n) == fixture["n"] as? [Int])
        #expect(d.variables.count == expected.count)
        for (v, e) in zip(d.variables, expected) {
            let where_ = "\(name) \(v.name)"
            #expect(v.kind.rawValue == e["kind"] as? String, "\(where_) kind")
            let columns = try #require(e["columns"] as? [[String: Any]])
            for (s, ec) in zip(v.summaries, columns) {
                #expect(s.n == ec["n"] as? Int && s.missing == ec["missing"] as? Int, "\(where_) n/missing")
                if v.kind == .categorical {
                    #expect(s.counts == ec["counts"] as? [Int], "\(where_) counts")
                    let percents = ec["percents"] as? [Double] ?? []
                    #expect(zip(s.percents ?? [], percents).allSatisfy { close($0, $1) }, "\(where_) percents")
                } else {
                    for (got, key) in [(s.mean, "mean"), (s.sd, "sd"), (s.median, "median"), (s.q1, "q1"), (s.q3, "q3")] {
                        #expect(close(got, ec[key]), "\(where_) \(key): \(String(describing: got)) vs \(String(describing: ec[key]))")
                    }
                }
            }
            #expect(close(v.smd, e["smd"]), "\(where_) smd \(String(describing: v.smd)) vs \(String(describing: e["smd"]))")
            // The test and its numbers: categorical at the top level, continuous by display.
            let test = v.kind == .categorical ? e : e[continuous == .median ? "median_test" : "mean_test"] as? [String: Any]
            let t = try #require(test)
            #expect(v.test?.rawValue == t["test"] as? String, "\(where_) test \(String(describing: v.test))")
            #expect(close(v.pValue, t["p_value"]), "\(where_) p \(String(describing: v.pValue)) vs \(String(describing: t["p_value"]))")
            if t["statistic"] != nil { #expect(close(v.statistic, t["statistic"]), "\(where_) statistic") }
            if t["df"] != nil { #expect(close(v.df, t["df"]), "\(where_) df") }
            if t["df2"] != nil { #expect(close(v.df2, t["df2"]), "\(where_) df2") }
        }
    }

    /// Without options nothing is added: the description is Table 1 as before.
    @Test func noOptionsNoComparisons() throws {
        let cohort = try CSVReader().read(path: Self.root.appendingPathComponent("datasets/lung.csv").path)
        let frame = try Formula("Surv(time, status) ~ sex").groupingFrame(on: cohort)
        let d = try CohortDescription.describe(
            cohort: cohort, frame: frame, groupVariable: "sex", requests: [.init(column: "age"), .init(column: "ph.ecog")]
        ).description
        #expect(d.variables.allSatisfy { $0.test == nil && $0.pValue == nil && $0.smd == nil })
    }
}

/// The tests on small samples (Tests/Fixtures/table1/small_tests.json, from
/// Tests/Reference/table1.R): Wilcoxon's exact distribution and Fisher's test
/// on 2 × 2 and 3 × 3 tables, which the Table 1 fixtures do not reach.
@Suite struct GroupComparisonSmallSampleTests {
    func fixture() throws -> [String: Any] {
        let url = Repository.root.appendingPathComponent("Tests/Fixtures/table1/small_tests.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func close(_ a: Double?, _ b: Any?) -> Bool {
        guard let a, let b = b as? Double else { return false }
        return abs(a - b) <= 1e-9 * abs(b)
    }

    @Test func wilcoxonExactMatchesR() throws {
        let f = try fixture()
        #expect((f["wilcoxon_method"] as? String)?.hasPrefix("Wilcoxon rank sum exact test") == true)
        let t = RankSumTests.wilcoxon(try #require(f["wilcoxon_x"] as? [Double]), try #require(f["wilcoxon_y"] as? [Double]))
        #expect(close(t.statistic, f["wilcoxon_w"]))
        #expect(close(t.p, f["wilcoxon_p"]), "\(String(describing: t.p))")
    }

    @Test func fisherMatchesR() throws {
        let f = try fixture()
        for key in ["fisher_2x2", "fisher_3x3"] {
            let table = try #require(f[key] as? [[Int]])
            let t = FisherExactTest.test(table)
            #expect(close(t.p, f[key + "_p"]), "\(key): \(String(describing: t.p))")
            // The transposed table has the same p-value.
            let transposed = (0..<table[0].count).map { j in table.map { $0[j] } }
            #expect(close(FisherExactTest.test(transposed).p, f[key + "_p"]))
        }
    }

    /// The work guard: a table whose enumeration is too large gives no p-value (not a hang).
    @Test func fisherGivesUpOnHugeTables() {
        let table = [[40, 35, 30, 25, 20], [20, 25, 30, 35, 40], [30, 30, 30, 30, 30]]
        #expect(FisherExactTest.test(table, maxTables: 1000).p == nil)
    }

    /// Fewer than two groups or levels: no test, as R refuses.
    @Test func degenerateTablesGiveNoPValue() {
        #expect(ChiSquaredIndependenceTest.test([[3, 4]]).p == nil)
        #expect(FisherExactTest.test([[3], [4]]).p == nil)
        #expect(RankSumTests.kruskalWallis([[1, 2, 3], []]).p == nil)
        #expect(MeanComparisonTests.welch([1], [2, 3]).p == nil)
    }
}


/// A test asked for that gives no p-value says so in the warnings, naming the variable.
@Suite struct TableOneWarningTests {
    @Test func constantVariableWarns() throws {
        let csv = "time,status,g,x\n1,1,a,5\n2,0,a,5\n3,1,b,5\n4,1,b,5\n5,0,b,5\n"
        let cohort = try CSVReader().read(string: csv)
        let frame = try Formula("Surv(time, status) ~ g").groupingFrame(on: cohort)
        let (d, warnings) = try CohortDescription.describe(
            cohort: cohort, frame: frame, groupVariable: "g", requests: [.init(column: "x", factor: false)],
            options: TableOneOptions(continuous: .mean, pValues: true, smd: true))
        // x has one distinct value: a category (≤ 5 values) with one level. The smallest
        // expected count is 2 · 5 / 5 = 2 < 5, so gtsummary picks Fisher, which R refuses
        // ("'x' and 'y' must have at least 2 levels").
        #expect(d.variables[0].test == .fisher && d.variables[0].pValue == nil)
        #expect(warnings.contains { $0.contains("'x'") && $0.contains("one level") }, "\(warnings)")
        // The SMD of one level: both proportions are 1, S = 0 and d = 0, so tableone's 0.
        #expect(d.variables[0].smd == 0)
    }
}
