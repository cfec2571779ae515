import CohortData
import Foundation
@testable import SurvivalModels
import SurvivalNumerics
import SurvivalTestSupport
import Testing

/// The `finegray` fixtures (R `cmprsk::crr` at its default controls and
/// `predict.crr`; Tests/Reference/finegray.R) run against `FineGrayModel.fit`
/// directly: coefficients, sandwich standard errors, z, p, limits, the pseudo
/// log-likelihoods, the variance, convergence (one case where crr stops after
/// its 10 steps unconverged) and the predicted incidence curves, to 1e-6.
@Suite struct FineGrayReferenceTests {
    @Test("Fine–Gray fits match cmprsk::crr", arguments: Repository.fixtures("finegray"))
    func fitMatchesR(caseName: String) throws {
        let command = try FixtureCommand(kind: "finegray", caseName: caseName)
        let (fit, frame) = try Self.fit(command)
        var result = fit.makeResult()
        if let file = command.value("--predict") {
            let newCohort = try CSVReader().read(path: Repository.url(file).path)
            let design = try Formula(try command.required("--formula")).newDataDesign(on: newCohort, like: frame)
            result.predictions = fit.predict(design)
        }
        command.expectEveryOptionMapped()
        expectMatchesFixture(result.fixtureValue, command)
    }

    /// The frame and fit of a fixture's command line, as `survkit finegray` builds them.
    static func fit(_ command: FixtureCommand) throws -> (FineGrayFit, ModelFrame) {
        let formula = try Formula(try command.required("--formula"))
        var cohort = try command.addingDurations(to: command.readCohort())
        if let competing = command.value("--competing-status") {
            guard case .rightCensored(_, .variable(let status))? = formula.response else {
                throw ModelError("--competing-status needs Surv(time, status)")
            }
            cohort = try cohort.replacingWithCompetingCode(status: status, competingStatus: competing)
        }
        var options = ModelFrameOptions(references: try command.references(), allowCompetingRisks: true)
        options.subset = try command.value("--subset").map { try RowSubset($0) }
        let frame = try formula.modelFrame(on: cohort, options: options)
        let fitOptions = FineGrayOptions(
            cause: try command.int("--cause", default: 1), censoringCode: try command.int("--cencode", default: 0),
            confLevel: try command.double("--conf-level", default: 0.95))
        return (try FineGrayModel.fit(frame, options: fitOptions), frame)
    }

    @Test("refusals: no event of the cause, the cause as censoring code, all censored, weights, strata")
    func refusals() throws {
        let cohort = try CSVReader().read(path: Repository.url("datasets/pbc.csv").path)
        let options = ModelFrameOptions(allowCompetingRisks: true)
        let frame = try Formula("Surv(time, status) ~ age").modelFrame(on: cohort, options: options)
        #expect(throws: ModelError.self) { try FineGrayModel.fit(frame, options: FineGrayOptions(cause: 3)) }
        #expect(throws: ModelError.self) {
            try FineGrayModel.fit(frame, options: FineGrayOptions(cause: 1, censoringCode: 1))
        }
        let noCovariates = try Formula("Surv(time, status) ~ 1").modelFrame(on: cohort, options: options)
        #expect(throws: ModelError.self) { try FineGrayModel.fit(noCovariates) }
        let stratified = try Formula("Surv(time, status) ~ age + strata(sex)").modelFrame(on: cohort, options: options)
        #expect(throws: ModelError.self) { try FineGrayModel.fit(stratified) }
        var weighted = options
        weighted.weights = "age"
        let withWeights = try Formula("Surv(time, status) ~ bili").modelFrame(on: cohort, options: weighted)
        #expect(throws: ModelError.self) { try FineGrayModel.fit(withWeights) }
        // Every row censored: the message says so.
        var censored = frame
        censored.response.status = censored.response.status.map { _ in 0 }
        do {
            _ = try FineGrayModel.fit(censored)
            Issue.record("an all-censored frame was fitted")
        } catch let error as ModelError {
            #expect(error.message.contains("censored"))
        }
    }

    /// The O(n·p²) sums against crr's own O(n·K) loops written out plainly
    /// (Fortran crrfsv: every row scanned at every event time), on mgus2 at a β
    /// away from 0 so that every weight and moment matters.
    @Test("risk-set sums agree with crr's nested loops")
    func sumsMatchNestedLoops() throws {
        let cohort = try CSVReader().read(path: Repository.url("datasets/mgus2_competing.csv").path)
        let frame = try Formula("Surv(etime, event) ~ age + hgb").modelFrame(
            on: cohort, options: ModelFrameOptions(allowCompetingRisks: true))
        let beta = [0.03, -0.2]
        // crr's loops on the raw (uncentred) covariates.
        let n = frame.count
        let t = frame.response.stop, s = frame.response.status
        let order = (0..<n).sorted { t[$0] < t[$1] || (t[$0] == t[$1] && $0 < $1) }
        // G(t−): the censoring Kaplan–Meier product over the distinct times before t.
        var gAt: [Double: Double] = [:]
        var g = 1.0
        for v in Set(t).sorted() {
            gAt[v] = g
            let atRisk = t.filter { $0 >= v }.count
            let cens = (0..<n).filter { t[$0] == v && s[$0] == 0 }.count
            g *= 1 - Double(cens) / Double(atRisk)
        }
        let eventTimes = Set((0..<n).filter { s[$0] == 1 }.map { t[$0] }).sorted()
        var loglik = 0.0
        var score = [0.0, 0.0]
        for u in eventTimes {
            var s0 = 0.0, s1 = [0.0, 0.0]
            for i in order {
                let w: Double
                if t[i] >= u { w = 1 } else if s[i] == 2 { w = gAt[u]! / gAt[t[i]]! } else { continue }
                let x = [frame.design[i, 0], frame.design[i, 1]]
                let r = Foundation.exp(x[0] * beta[0] + x[1] * beta[1]) * w
                s0 += r
                s1[0] += r * x[0]
                s1[1] += r * x[1]
            }
            for i in order where t[i] == u && s[i] == 1 {
                let x = [frame.design[i, 0], frame.design[i, 1]]
                loglik += x[0] * beta[0] + x[1] * beta[1] - Foundation.log(s0)
                score[0] += x[0] - s1[0] / s0
                score[1] += x[1] - s1[1] / s0
            }
        }
        let data = FineGrayModel.evaluate(
            FineGrayData(time: t, status: s, design: frame.design, cause: 1, censoringCode: 0), beta: beta)
        #expect(abs(data.loglik - loglik) <= 1e-9 * abs(loglik))
        for j in 0..<2 { #expect(abs(data.score[j] - score[j]) <= 1e-7 * max(abs(score[j]), 1)) }
    }
}

extension FineGrayResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "fine-gray",  // the JSON layer's tag for this result
            "cause": cause,
            "cencode": cencode,
            "n": n,
            "events": events,
            "competing_events": competingEvents,
            "n_dropped_missing": nDroppedMissing,
            "rows": FixtureValue.record([
                "read": rows.read, "used": rows.used, "dropped": rows.dropped,
                "excluded_by_subset": rows.excludedBySubset,
            ]),
            "converged": converged,
            "conf_level": confLevel,
            "loglik": loglik,
            "loglik_null": loglikNull,
            "coefficients": coefficients,
            "variance": variance,
            "predictions": predictions,
        ])
    }
}

extension FineGrayCoefficient: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "term": term, "coef": coef, "se": se, "z": z, "p": p, "shr": shr,
            "shr_lower": shrLower, "shr_upper": shrUpper,
        ])
    }
}

extension FineGrayPrediction: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["row": row, "time": time, "cif": cif])
    }
}
