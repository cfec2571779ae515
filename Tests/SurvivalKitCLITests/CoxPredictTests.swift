import Foundation
import SurvivalTestSupport
import Testing

/// `survkit cox --predict FILE` against R `predict(fit, newdata, type = "lp")`.
/// Expected values: Tests/Reference/cox_predict.R.
@Suite struct CoxPredictTests {
    @Test("survkit cox --predict matches R predict.coxph", arguments: Repository.fixtures("cox-predict"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/cox-predict/\(caseName).json")
        let args = try #require(fixture["args"] as? [String]).map {
            $0.hasPrefix("Tests/") ? Repository.url($0).path : $0
        }
        let actual = try CommandRunner.runJSON(args)
        let diffs = JSONComparison().differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    @Test func unseenLevelNamesItsLineAndColumn() throws {
        let csv = "time,status,grade\n5,1,1\n6,0,2\n7,1,1\n8,1,2\n9,0,1\n"
        let newCSV = "grade\n1\n3\n"
        let dir = FileManager.default.temporaryDirectory
        let train = dir.appendingPathComponent("train-\(UUID().uuidString).csv")
        let new = dir.appendingPathComponent("new-\(UUID().uuidString).csv")
        try csv.write(to: train, atomically: true, encoding: .utf8)
        try newCSV.write(to: new, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: train); try? FileManager.default.removeItem(at: new) }
        let r = try CommandRunner.spawn(["cox", train.path, "--formula", "Surv(time, status) ~ factor(grade)", "--predict", new.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("line 3") && r.stderr.contains("\"grade\""), "\(r.stderr)")
    }
}
