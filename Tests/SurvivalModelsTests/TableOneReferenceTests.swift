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
