import CohortData
import SurvivalModels
import SurvivalTestSupport
import Testing

@testable import SurvivalReports

/// The Cox report shows the fit's own confidence level: a library user who
/// fits at 0.90 and renders gets "lower .90" (R `summary(coxph, conf.int = 0.9)`),
/// with the limits of that level.
@Suite struct CoxReportTests {
    func lungFit(confLevel: Double) throws -> CoxResult {
        let lung = try CSVReader().read(path: Repository.dataset("lung.csv"))
        let frame = try Formula("Surv(time, status) ~ age + sex").modelFrame(on: lung)
        var options = CoxOptions()
        options.confLevel = confLevel
        return try CoxModel.fit(frame, options: options).result
    }

    @Test func aFitAtConfLevelNinetyIsRenderedWithNinetyPercentLimits() throws {
        let result = try lungFit(confLevel: 0.9)
        #expect(result.confLevel == 0.9)
        for format in [ReportFormat.text, .markdown] {
            let text = try CoxReport.render(result, format: format)
            #expect(text.contains("lower .90") && text.contains("upper .90"), "\(format)")
            #expect(!text.contains(".95"), "\(format)")
        }
        // R: exp(confint(coxph(Surv(time, status) ~ age + sex, lung), level = 0.9))["age", ] = 1.0018762, 1.0327408
        let age = try #require(result.coefficients.first)
        #expect(abs((age.hrLower ?? 0) - 1.0018762) < 1e-6)
        #expect(abs((age.hrUpper ?? 0) - 1.0327408) < 1e-6)
    }

    @Test func theDefaultLevelIsNinetyFive() throws {
        let text = try CoxReport.render(try lungFit(confLevel: 0.95), format: .text)
        #expect(text.contains("lower .95"))
    }

    @Test func levelLabelsFollowR() {
        #expect(NumberFormat.confidenceLevelLabel(0.95) == ".95")
        #expect(NumberFormat.confidenceLevelLabel(0.9) == ".90")
        #expect(NumberFormat.confidenceLevelLabel(0.99) == ".99")
        #expect(NumberFormat.confidenceLevelLabel(0.975) == ".975")
    }
}
