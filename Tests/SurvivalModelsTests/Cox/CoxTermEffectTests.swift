import CohortData
import Foundation
import SurvivalModels
import SurvivalTestSupport
import Testing

/// A spline term's fitted effect against R's `termplot(fit, se = TRUE, plot =
/// FALSE)` (Tests/Reference/splines.R → Tests/Fixtures/splines/termplot):
/// the distinct values of the variable (for `bs(log(bili))`, bili itself, R's
/// carrier), the centred term and its standard error.
@Suite struct CoxTermEffectTests {
    struct Case: Decodable {
        var data: String
        var formula: String
        var term: String
        var x: [Double]
        var fit: [Double]
        var se: [Double]
    }

    @Test("the term effect equals R's termplot", arguments: Repository.fixtures("splines/termplot"))
    func matchesTermplot(caseName: String) throws {
        let c = try Repository.decode(Case.self, "Tests/Fixtures/splines/termplot/\(caseName).json")
        let cohort = try CSVReader().read(path: Repository.url(c.data).path)
        let fit = try CoxModel.fit(try Formula(c.formula).modelFrame(on: cohort))
        let effect = try #require(fit.termEffect(c.term))
        #expect(effect.x == c.x)
        for (a, b) in zip(effect.fit, c.fit) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "fit \(a) vs R \(b)") }
        for (a, b) in zip(effect.se, c.se) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "se \(a) vs R \(b)") }
    }

    @Test func aLinearTermHasNoSplineEffect() throws {
        let cohort = try CSVReader().read(path: Repository.dataset("lung.csv"))
        let fit = try CoxModel.fit(try Formula("Surv(time, status) ~ ns(age, df = 2) + sex").modelFrame(on: cohort))
        #expect(fit.termEffect("sex") == nil)
        #expect(fit.termEffect("ns(age)") != nil)
    }
}
