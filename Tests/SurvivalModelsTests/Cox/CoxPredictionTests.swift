import Foundation
import SurvivalNumerics
import Testing

@testable import SurvivalModels

/// Predicted survival curves and linear predictors against R's
/// `survfit(fit, newdata)` and `predict(fit, newdata, type = "lp"|"risk")`
/// (`Tests/Reference/cox.R`, field `prediction`).
@Suite struct CoxPredictionTests {
    static let cases = [
        "lung_efron", "lung_breslow", "lung_strata", "lung_weights", "lung_offset", "ovarian_robust", "cgd_strata_breslow",
    ]

    func fit(_ f: CoxFixture) throws -> CoxFit {
        let ties: CoxTies = f.expected.ties == "breslow" ? .breslow : .efron
        let robust: Bool? = f.case.contains("robust") ? true : nil
        return try CoxModel.fit(f.frame, options: CoxOptions(ties: ties, robust: robust))
    }

    func expectCurve(_ got: CoxPredictionCurve, _ want: CoxDiagnosticsFixture.Curve, checkLabel: Bool = true,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        if checkLabel { #expect(got.label == want.label, sourceLocation: sourceLocation) }
        #expect(got.time == want.time, sourceLocation: sourceLocation)
        #expect(allClose(got.nRisk, want.n_risk, 1e-12), sourceLocation: sourceLocation)
        #expect(allClose(got.nEvent, want.n_event, 1e-12), sourceLocation: sourceLocation)
        #expect(allClose(got.nCensor, want.n_censor, 1e-12), sourceLocation: sourceLocation)
        #expect(allClose(got.cumhaz, want.cumhaz, 1e-6), "cumhaz", sourceLocation: sourceLocation)
        #expect(allClose(got.survival, want.survival, 1e-6), "surv", sourceLocation: sourceLocation)
        #expect(allClose(got.stdCumhaz, want.std_cumhaz, 1e-6), "std.err", sourceLocation: sourceLocation)
        #expect(allClose(got.stdErr, want.std_err, 1e-6), "se(S)", sourceLocation: sourceLocation)
        #expect(allClose(got.lower, want.lower, 1e-6), "lower", sourceLocation: sourceLocation)
        #expect(allClose(got.upper, want.upper, 1e-6), "upper", sourceLocation: sourceLocation)
    }

    @Test("the default curve at the covariate means matches survfit(fit)", arguments: cases)
    func meansCurveMatchesR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let want = try #require(CoxDiagnosticsFixture.load(name).expected.prediction)
        let got = try fit(f).survivalCurve()
        #expect(got.strata.count == want.means_curves.count)
        for (g, w) in zip(got.strata, want.means_curves) { expectCurve(g, w) }
    }

    @Test("curves for new covariate rows match survfit(fit, newdata), log and log-log limits", arguments: cases)
    func newdataCurvesMatchR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let want = try #require(CoxDiagnosticsFixture.load(name).expected.prediction)
        let fit = try fit(f)
        for row in want.rows {
            let log = fit.survivalCurve(covariates: row.x, offset: row.offset, stratum: row.stratum)
            #expect(log.strata.count == row.curves.count)
            for (g, w) in zip(log.strata, row.curves) { expectCurve(g, w, checkLabel: false) }
            let ll = fit.survivalCurve(covariates: row.x, offset: row.offset, stratum: row.stratum, confType: .logLog, confLevel: 0.9)
            for (g, w) in zip(ll.strata, row.curves_loglog) { expectCurve(g, w, checkLabel: false) }
        }
    }

    @Test("linear predictors and risk scores match predict.coxph for each reference", arguments: cases)
    func linearPredictorsMatchR(_ name: String) throws {
        let f = try CoxFixture.load(name)
        let want = try #require(CoxDiagnosticsFixture.load(name).expected.prediction)
        let fit = try fit(f)
        for row in want.rows {
            let x = Matrix([row.x])
            let strata = row.stratum.map { [$0] }
            let off = [row.offset]
            #expect(close(fit.linearPredictors(newDesign: x, offset: off, strata: strata)[0], row.lp, 1e-9))
            #expect(close(fit.riskScores(newDesign: x, offset: off, strata: strata)[0], row.risk, 1e-9))
            #expect(close(fit.linearPredictors(newDesign: x, offset: off, reference: .sample)[0], row.lp_sample, 1e-9))
            #expect(close(fit.linearPredictors(newDesign: x, offset: off, reference: .zero)[0], row.lp_zero, 1e-9))
        }
    }
}
