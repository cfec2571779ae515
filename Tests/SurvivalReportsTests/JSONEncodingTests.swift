import CohortData
import Foundation
import SurvivalModels
import Testing

@testable import SurvivalReports

/// The one JSON mechanism (`JSONTreeEncoder`): snake_case keys, `nil` as
/// `null`, `analysis` tags added by the JSON layer, and the few keys that
/// are present only when asked for.
@Suite struct JSONEncodingTests {
    struct Plain: Encodable {
        var nDroppedMissing: Int
        var robustSE: Double?
        var hrLower: Double?
        var labels: [String: Int]
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func propertyNamesBecomeSnakeCaseAndNilBecomesNull() throws {
        let text = try JSONReport.render(Plain(nDroppedMissing: 3, robustSE: nil, hrLower: 1.5, labels: ["sex=Male": 1]))
        let json = try object(text)
        #expect(json["n_dropped_missing"] as? Int == 3)
        #expect(json["robust_se"] is NSNull)
        #expect(json["hr_lower"] as? Double == 1.5)
        // Dictionary keys are data, never converted.
        #expect((json["labels"] as? [String: Int]) == ["sex=Male": 1])
    }

    @Test func snakeCaseHandlesAcronymsAndDigits() {
        #expect(JSONTreeEncoder.snakeCase("nDroppedMissing") == "n_dropped_missing")
        #expect(JSONTreeEncoder.snakeCase("robustSE") == "robust_se")
        #expect(JSONTreeEncoder.snakeCase("thetaSE") == "theta_se")
        #expect(JSONTreeEncoder.snakeCase("se2") == "se2")
        #expect(JSONTreeEncoder.snakeCase("already_snake") == "already_snake")
    }

    @Test func anAliasedCoxCoefficientIsWrittenWithNulls() throws {
        let c = CoxCoefficient(term: "age2", coef: nil, se: nil, robustSE: nil, z: nil, p: nil, hr: nil, hrLower: nil, hrUpper: nil)
        let json = try object(try JSONReport.render(c))
        #expect(json.keys.sorted() == ["coef", "hr", "hr_lower", "hr_upper", "p", "robust_se", "se", "term", "z"])
        #expect(json["coef"] is NSNull)
    }

    @Test func resultsAreTaggedByTheJSONLayerAndOptionalSectionsAreLeftOut() throws {
        let tests = CoxTests(
            likelihoodRatio: CoxTest(statistic: 1, df: 1, p: 0.3), wald: CoxTest(statistic: 1, df: 1, p: 0.3),
            score: CoxTest(statistic: 1, df: 1, p: 0.3))
        let cox = CoxResult(
            ties: .efron, n: 10, events: 4, nDroppedMissing: 0, iterations: 3, converged: true, coefficients: [],
            loglikNull: -5, loglik: -4.5, tests: tests, concordance: nil, variance: [], warnings: [],
            rows: RowAccounting(read: 10, used: 10), confLevel: 0.9)
        let json = try object(try JSONReport.render(cox))
        #expect(json["analysis"] as? String == "cox")
        #expect(json["zph"] == nil && json["residuals"] == nil && json["predictions"] == nil)
        let recurrent = try object(try JSONReport.render(RecurrentEventsResult(model: .pwpGT, cox: cox)))
        #expect(recurrent["analysis"] as? String == "recurrent-events")
        #expect(recurrent["model"] as? String == "pwp-gt")
        #expect(recurrent["loglik"] as? Double == -4.5)
    }
}
