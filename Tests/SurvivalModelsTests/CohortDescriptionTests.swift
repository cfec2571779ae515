import CohortData
import Foundation
import SurvivalTestSupport
import Testing
@testable import SurvivalModels

/// Table 1 of `survkit report` against R (Tests/Reference/report_description.R →
/// Tests/Fixtures/report_description_lung.json): reverse Kaplan–Meier follow-up,
/// type-7 quartiles, mean, sd and level counts on `lung` by sex.
@Suite struct CohortDescriptionTests {
    static let root: URL = Repository.root

    func describeLung() throws -> CohortDescription {
        let cohort = try CSVReader().read(path: Self.root.appendingPathComponent("datasets/lung.csv").path)
        let frame = try Formula("Surv(time, status) ~ sex").groupingFrame(on: cohort)
        return try CohortDescription.describe(
            cohort: cohort, frame: frame, groupVariable: "sex",
            requests: [.init(column: "age"), .init(column: "ph.ecog")]
        ).description
    }

    func close(_ a: Double?, _ b: Any?) -> Bool {
        guard let b = b as? Double else { return a == nil && (b == nil || b is NSNull) }
        guard let a else { return false }
        return abs(a - b) <= 1e-9 * max(1, abs(b))
    }

    @Test func lungBySexMatchesR() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/report_description_lung.json"))
        let fixture = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try #require(fixture["columns"] as? [[String: Any]])
        let d = try describeLung()
        #expect(d.columns.map(\.label) == expected.map { $0["label"] as? String ?? "" })
        let age = try #require(d.variables.first { $0.name == "age" })
        let ecog = try #require(d.variables.first { $0.name == "ph.ecog" })
        #expect(age.kind == .numeric)
        // ph.ecog has 4 distinct values (≤ 5): described as categories 0–3.
        #expect(ecog.kind == .categorical && ecog.levels == ["0", "1", "2", "3"])
        for (j, e) in expected.enumerated() {
            let c = d.columns[j]
            #expect(c.n == e["n"] as? Int)
            #expect(c.events == e["events"] as? Int)
            #expect(close(c.followUpMedian, e["follow_up_median"]))
            #expect(close(c.followUpLower, e["follow_up_lower"]))
            #expect(close(c.followUpUpper, e["follow_up_upper"]), "\(c.label) upper")
            let a = age.summaries[j]
            #expect(close(a.q1, e["age_q1"]) && close(a.median, e["age_median"]) && close(a.q3, e["age_q3"]))
            #expect(close(a.mean, e["age_mean"]) && close(a.sd, e["age_sd"]))
            #expect(ecog.summaries[j].counts == e["ecog_counts"] as? [Int])
            #expect(ecog.summaries[j].missing == e["ecog_missing"] as? Int)
        }
    }

    /// Type-7 quantiles by hand: x = 1, 2, 4, 8; position 1 + 3p.
    /// p = .25 → 1.75 → 1 + .75·(2 − 1) = 1.75; p = .5 → 2.5 → 3; p = .75 → 3.25 → 4 + .25·4 = 5.
    @Test func quantilesInterpolateAsRType7() {
        let x: [Double] = [1, 2, 4, 8]
        #expect(CohortDescription.quantile(x, 0.25) == 1.75)
        #expect(CohortDescription.quantile(x, 0.5) == 3)
        #expect(CohortDescription.quantile(x, 0.75) == 5)
        #expect(CohortDescription.quantile([7], 0.5) == 7)
    }

    @Test func percentagesAreOfNonMissingValues() throws {
        let d = try describeLung()
        let ecog = try #require(d.variables.first { $0.name == "ph.ecog" })
        let overall = ecog.summaries[0]
        // 227 non-missing of 228; 63 with ECOG 0 → 100·63/227.
        #expect(overall.n == 227)
        #expect(overall.percents?[0] == 100 * 63.0 / 227.0)
    }
}
