import CohortData
import Foundation
import SurvivalNumerics
import SurvivalTestSupport
import Testing

@testable import SurvivalModels

/// A case written by `Tests/Reference/cox_edge.R`.
struct CoxEdgeFixture: Decodable {
    struct Options: Decodable {
        var ties: String
        var iter_max: Int
        var initial: [Double]?
        enum CodingKeys: String, CodingKey { case ties, iter_max, initial = "init" }
    }
    struct Expected: Decodable {
        var error: String?
        var warnings: [String]
        var n: Int?
        var iterations: Int?
        var converged: Bool?
        var coef: [Double?]?
        var se: [Double?]?
        var loglik: [Double]?
        var score: Double?
        var variance: [[Double]]?
        var linear_predictors: [Double]?
        var concordance_c: Double?
        var concordance_se: Double?
    }
    var `case`: String
    var options: Options
    var input: CoxFixture.Input?
    var expected: Expected

    static func load(_ name: String) throws -> CoxEdgeFixture {
        try Repository.decode(CoxEdgeFixture.self, "Tests/Fixtures/cox-edge/\(name).json")
    }

    var coxOptions: CoxOptions {
        CoxOptions(ties: options.ties == "breslow" ? .breslow : .efron, maxIterations: options.iter_max,
                   initial: options.initial)
    }

    var frame: ModelFrame? {
        guard let input else { return nil }
        let n = input.stop.count
        return ModelFrame(
            response: SurvivalResponse(start: input.start, stop: input.stop, status: input.status),
            design: Matrix(rows: n, columns: input.x.count, columnMajor: input.x.flatMap { $0 }),
            termNames: input.term_names, termOfColumn: input.term_of_column,
            strata: input.strata_codes.map { Grouping(codes: $0, labels: input.strata_labels ?? []) },
            cluster: nil, offset: nil, weights: nil, rowIndex: Array(0..<n),
            rows: RowAccounting(read: n, used: n), warnings: [])
    }
}

/// Where R's `coxph` stops on the edge: monotone likelihood, maxiter 0/1/2/3,
/// exact ties in the concordance, degenerate strata. Each case against R at 1e-6
/// (coefficients, standard errors, variance, log-likelihoods, concordance), the
/// iteration count and R's warnings word for word.
@Suite struct CoxEdgeCaseTests {
    static let cases: [String] = {
        var c: [String] = []
        for ties in ["efron", "breslow"] {
            c += ["sep_right_\(ties)", "sep_counting_\(ties)", "sep_right_g_\(ties)", "sep_counting_g_\(ties)",
                  "lung_separated_\(ties)", "near_tie_\(ties)", "one_event_time_\(ties)"]
        }
        for m in 0...3 { c += ["sep_right_maxiter\(m)", "sep_counting_maxiter\(m)"] }
        c += ["exact_tie_efron", "all_censored_stratum", "one_row_stratum_event", "one_row_stratum_censored",
              "all_events_one_time", "zero_event_group"]
        return c
    }()

    @Test("coefficients, variance, log-likelihoods, iterations and warnings match R", arguments: cases)
    func matchesR(_ name: String) throws {
        let f = try CoxEdgeFixture.load(name)
        let e = f.expected
        let fit = try CoxModel.fit(try #require(f.frame), options: f.coxOptions)
        let r = fit.result
        #expect(allClose(r.coefficients.map(\.coef), try #require(e.coef), 1e-6),
                "coef \(r.coefficients.map(\.coef)) vs \(e.coef ?? [])")
        #expect(allClose(r.coefficients.map(\.se), try #require(e.se), 1e-6),
                "se \(r.coefficients.map(\.se)) vs \(e.se ?? [])")
        let v = r.variance.flatMap { $0 }
        #expect(allClose(v, (e.variance ?? []).flatMap { $0 }, 1e-6, floor: 1e-10), "variance \(v) vs \(e.variance ?? [])")
        let ll = try #require(e.loglik)
        #expect(close(r.loglikNull, ll[0], 1e-9) && close(r.loglik, ll[1], 1e-9), "loglik \(r.loglik) vs \(ll)")
        #expect(close((r.tests.score?.statistic ?? .nan), e.score, 1e-6, floor: 1e-12))
        #expect(r.iterations == e.iterations, "iterations \(r.iterations) vs \(e.iterations ?? -1)")
        #expect(r.warnings == e.warnings, "warnings \(r.warnings) vs \(e.warnings)")
        #expect(r.converged == e.converged)
        #expect(allClose(fit.linearPredictors, try #require(e.linear_predictors), 1e-6, floor: 1e-6))
        #expect(close(r.concordance?.c, e.concordance_c, 1e-6), "c \(String(describing: r.concordance)) vs \(e.concordance_c ?? .nan)")
        #expect(close(r.concordance?.se, e.concordance_se, 1e-6), "c se \(String(describing: r.concordance?.se)) vs \(e.concordance_se ?? .nan)")
        // Never NaN or infinity in the result.
        for c in r.coefficients {
            for value in [c.coef, c.se, c.z, c.p, c.hr, c.hrLower, c.hrUpper] {
                if let value { #expect(value.isFinite) }
            }
        }
    }

    @Test("near-equal factor levels are not tied in the concordance, as R; equal ones are")
    func nearTieIsNotATie() throws {
        for name in ["near_tie_efron", "near_tie_breslow"] {
            let f = try CoxEdgeFixture.load(name)
            let fit = try CoxModel.fit(try #require(f.frame), options: f.coxOptions)
            let got = fit.coefficients.compactMap { $0 }
            let want = (f.expected.coef ?? []).compactMap { $0 }
            // R stops with b and c about 3e-12 apart (equal at the exact maximum);
            // survkit stops at the same iterate, so the difference has R's sign.
            let gotDiff = got[1] - got[0], wantDiff = want[1] - want[0]
            #expect(wantDiff != 0 && gotDiff.sign == wantDiff.sign && abs(gotDiff - wantDiff) < 1e-13,
                    "\(name): c − b \(gotDiff) vs R \(wantDiff)")
            // Rounding the predictor to 10 decimals would tie b and c and give 0.0321.
            #expect(close(fit.result.concordance?.se, f.expected.concordance_se, 1e-6))
        }
    }

    @Test("a single row is refused with a clear message (R's coxph fails)")
    func singleRowIsRefused() throws {
        let f = try CoxEdgeFixture.load("n1")
        #expect(f.expected.error != nil)
        let frame = ModelFrame(
            response: SurvivalResponse(stop: [5], status: [1]), design: Matrix(rows: 1, columns: 1, columnMajor: [2]),
            termNames: ["x"], termOfColumn: ["x"], strata: nil, cluster: nil, offset: nil, weights: nil,
            rowIndex: [0], rows: RowAccounting(read: 1, used: 1), warnings: [])
        #expect(throws: CoxError.singleRow) { try CoxModel.fit(frame) }
        #expect(CoxError.singleRow.description.contains("single row"))
    }
}
