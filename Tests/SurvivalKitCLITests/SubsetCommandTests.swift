import Foundation
import SurvivalTestSupport
import Testing

/// `--subset EXPR` end to end: the rows R's `subset()` keeps
/// (Tests/Fixtures/derived/subsets.json, Tests/Reference/derived.R), the JSON
/// `rows.excluded_by_subset`, and the exit statuses of the contract.
@Suite struct SubsetCommandTests {
    struct Subset: Decodable {
        var data: String
        var subset: String
        var formula: String
        var excluded_by_subset: Int
        var used: Int
        var coef: [Double?]
        var loglik: [Double]
    }

    @Test func coxOnASubsetMatchesRAndCountsTheExcludedRows() throws {
        let cases = try Repository.decode([Subset].self, "Tests/Fixtures/derived/subsets.json")
        for s in cases.prefix(4) + cases.suffix(2) {
            let json = try CommandRunner.runJSON(["cox", s.data, "--formula", s.formula, "--subset", s.subset, "--format", "json"])
            let out = try #require(json as? [String: Any])
            let rows = try #require(out["rows"] as? [String: Any])
            #expect(rows["excluded_by_subset"] as? Int == s.excluded_by_subset, "\(s.subset)")
            #expect(rows["used"] as? Int == s.used, "\(s.subset)")
            #expect(abs((out["loglik"] as? Double ?? 0) - s.loglik[1]) <= 1e-9 * abs(s.loglik[1]), "\(s.subset)")
            let coefficients = try #require(out["coefficients"] as? [[String: Any]])
            for (c, expected) in zip(coefficients, s.coef) {
                guard let e = expected, let got = c["coef"] as? Double else { continue }
                #expect(abs(got - e) <= 1e-6 * max(abs(e), 1e-8), "\(s.subset)")
            }
        }
    }

    @Test func withoutASubsetTheCountIsZero() throws {
        let json = try CommandRunner.runJSON(["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex", "--format", "json"])
        let rows = try #require((json as? [String: Any])?["rows"] as? [String: Any])
        #expect(rows["excluded_by_subset"] as? Int == 0)
    }

    @Test func aSubsetThatDoesNotParseIsAUsageError() throws {
        let r = try CommandRunner.spawn([
            "km", Repository.dataset("lung.csv"), "--formula", "Surv(time, status) ~ sex", "--subset", "age >> 60",
        ])
        #expect(r.status == 2, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("position 6"), "\(r.stderr)")
    }

    @Test func anUnknownColumnInTheSubsetIsADataErrorListingTheColumns() throws {
        let r = try CommandRunner.spawn([
            "cox", Repository.dataset("lung.csv"), "--formula", "Surv(time, status) ~ sex", "--subset", "agee > 60",
        ])
        #expect(r.status == 1, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("agee") && r.stderr.contains("\"ph.ecog\""), "\(r.stderr)")
    }

    @Test func textComparedWithANumericColumnIsAnError() throws {
        let r = try CommandRunner.spawn([
            "km", Repository.dataset("lung.csv"), "--formula", "Surv(time, status) ~ 1", "--subset", "sex == \"male\"",
        ])
        #expect(r.status == 1, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("cannot compare"), "\(r.stderr)")
    }

    @Test func theCodebookDiseaseSpecificFormulaRuns() throws {
        let json = try CommandRunner.runJSON([
            "cox", "datasets/sarcoma_patients.csv", "--formula", "Surv(os_years, death_cause == \"sarcoma\") ~ age + sex",
            "--subset", "diagnosis_date >= \"2010-01-01\" & site != 'extremity'", "--format", "json",
        ])
        let out = try #require(json as? [String: Any])
        let cases = try Repository.decode([Subset].self, "Tests/Fixtures/derived/subsets.json")
        let r = try #require(cases.first { $0.data.contains("sarcoma") })
        #expect(abs((out["loglik"] as? Double ?? 0) - r.loglik[1]) <= 1e-9 * abs(r.loglik[1]))
    }
}
