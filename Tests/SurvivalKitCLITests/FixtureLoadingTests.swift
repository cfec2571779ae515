import Foundation
import SurvivalTestSupport
import Testing

/// The fixture machinery cannot pass vacuously: an emptied or missing
/// fixture folder yields a case that fails to load, and the comparison
/// reports what the fixture lacks as well as what the output lacks.
@Suite struct FixtureLoadingTests {
    @Test func aMissingFixtureFolderGivesOneCaseThatFailsToLoad() {
        let cases = Repository.fixtures("no-such-kind")
        #expect(cases == [Repository.missingFixturesMarker("no-such-kind")])
        #expect(throws: (any Error).self) { try Repository.fixture("no-such-kind", cases[0]) }
    }

    @Test func anEmptyFixtureFolderGivesOneCaseThatFailsToLoad() throws {
        let kind = "empty-\(UUID().uuidString)"
        let dir = Repository.url("Tests/Fixtures/\(kind)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases = Repository.fixtures(kind)
        #expect(cases == [Repository.missingFixturesMarker(kind)])
        #expect(throws: (any Error).self) { try Repository.fixture(kind, cases[0]) }
    }

    @Test(arguments: ["km", "logrank", "cox", "cox-cli", "cox-predict", "cif", "mcf", "rates", "poisson", "negbin", "recur", "survreg"])
    func everyCommittedFixtureFolderHasCases(kind: String) {
        #expect(!Repository.fixtures(kind).contains(Repository.missingFixturesMarker(kind)))
    }

    @Test func theComparisonReportsOutputKeysTheFixtureLacksWhenAskedTo() {
        let expected: [String: Any] = ["a": 1.0]
        let actual: [String: Any] = ["a": 1.0, "b": 2.0]
        #expect(JSONComparison().differences(expected: expected, actual: actual).isEmpty)
        let strict = JSONComparison(requireAllActualKeys: true)
        #expect(strict.differences(expected: expected, actual: actual) == ["$.b: in survkit output but not in the fixture"])
    }

    @Test func theComparisonReportsNumbersOutsideTheTolerance() {
        let diffs = JSONComparison().differences(expected: ["x": [1.0, 2.0]], actual: ["x": [1.0, 2.1]])
        #expect(diffs == ["$.x[1]: expected 2.0, got 2.1"])
    }
}
