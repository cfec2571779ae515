import Foundation
import SurvivalTestSupport
import Testing

/// `survkit cif` against R `survfit(Surv(time, factor(event)) ~ g)` (Aalen–Johansen
/// incidence, infinitesimal-jackknife std err) and `cmprsk::cuminc` (Gray's test).
/// Expected values: Tests/Reference/recurrence.R.
@Suite struct CumulativeIncidenceFixtureTests {
    @Test("survkit cif matches R survfit and cmprsk::cuminc", arguments: Repository.fixtures("cif"))
    func matchesR(caseName: String) throws {
        try expectMatchesFixture(kind: "cif", caseName: caseName)
    }
}

/// `survkit mcf` against R `survfit(Surv(start, stop, event) ~ g, id = id)`
/// (`cumhaz`, `std.chaz`). Expected values: Tests/Reference/recurrence.R.
@Suite struct MeanCumulativeFunctionFixtureTests {
    @Test("survkit mcf matches R survfit with id =", arguments: Repository.fixtures("mcf"))
    func matchesR(caseName: String) throws {
        try expectMatchesFixture(kind: "mcf", caseName: caseName)
    }
}

/// `survkit rates` against R `poisson.test` (one- and two-sample exact limits).
/// Expected values: Tests/Reference/recurrence.R.
@Suite struct EventRatesFixtureTests {
    @Test("survkit rates matches R poisson.test", arguments: Repository.fixtures("rates"))
    func matchesR(caseName: String) throws {
        try expectMatchesFixture(kind: "rates", caseName: caseName)
    }
}

private func expectMatchesFixture(kind: String, caseName: String) throws {
    let fixture = try Repository.loadJSON("Tests/Fixtures/\(kind)/\(caseName).json")
    let args = try #require(fixture["args"] as? [String])
    let actual = try CommandRunner.runJSON(args)
    let diffs = JSONComparison().differences(expected: fixture, actual: actual)
    #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
}
