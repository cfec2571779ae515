import CohortData
import Foundation
import SurvivalTestSupport
import SurvivalNumerics

/// A case written by `Tests/Reference/cox.R`: the model inputs and R's outputs.
struct CoxFixture: Decodable {
    struct Input: Decodable {
        var status: [Int]
        var stop: [Double]
        var start: [Double]?
        var x: [[Double]]
        var term_names: [String]
        var term_of_column: [String]
        var strata_codes: [Int]?
        var strata_labels: [String]?
        var cluster: [Int]?
        var offset: [Double]?
        var weights: [Double]?
    }
    struct Test: Decodable {
        var statistic: Double
        var df: Int
        var p: Double
    }
    struct Concordance: Decodable {
        var c: Double
        var se: Double
    }
    struct ZPH: Decodable {
        var terms: [String]
        var chisq: [Double]
        var df: [Int]
        var p: [Double]
        var global: [Double]
    }
    struct Expected: Decodable {
        var ties: String
        var n: Int
        var events: Int
        var iterations: Int
        var coef: [Double?]
        var se: [Double?]
        var robust_se: [Double?]
        var z: [Double?]
        var p: [Double?]
        var hr_lower: [Double?]
        var hr_upper: [Double?]
        var loglik: [Double]
        var lr: Test
        var wald: Test
        var score: Test
        var concordance: Concordance
        var concordance_tied: Concordance
        var variance: [[Double]]
        var warnings: [String]
        var martingale: [Double]
        var deviance: [Double]
        var zph: ZPH?
        var score_resid: [[Double]]?
        var dfbeta: [[Double]]?
        var schoenfeld: [[Double]]?
    }
    var `case`: String
    var input: Input
    var expected: Expected

    static func load(_ name: String) throws -> CoxFixture {
        try Repository.decode(CoxFixture.self, "Tests/Fixtures/cox/\(name).json")
    }

    /// The model frame R fitted, built directly from the fixture's columns.
    var frame: ModelFrame {
        let n = input.stop.count
        let p = input.x.count
        let design = Matrix(rows: n, columns: p, columnMajor: input.x.flatMap { $0 })
        let strata = input.strata_codes.map { Grouping(codes: $0, labels: input.strata_labels ?? []) }
        return ModelFrame(
            response: SurvivalResponse(start: input.start, stop: input.stop, status: input.status),
            design: design, termNames: input.term_names, termOfColumn: input.term_of_column,
            strata: strata, cluster: input.cluster, offset: input.offset,
            weights: input.weights, rowIndex: Array(0..<n), rows: RowAccounting(read: n, used: n),
            warnings: [])
    }
}

/// `|a − b| ≤ tol·max(|b|, floor)`: relative error, with an absolute floor for values near 0.
func close(_ a: Double?, _ b: Double?, _ tol: Double, floor: Double = 1e-8) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case let (x?, y?): return abs(x - y) <= tol * max(abs(y), floor)
    default: return false
    }
}

func allClose(_ a: [Double?], _ b: [Double?], _ tol: Double, floor: Double = 1e-8) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tol, floor: floor) }
}
