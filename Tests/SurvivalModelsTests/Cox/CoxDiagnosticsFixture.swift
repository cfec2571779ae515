import Foundation
import SurvivalTestSupport

/// The extra reference values of `Tests/Reference/cox.R` for diagnostics and
/// prediction (`zph_transforms`, `schoenfeld`, `scaled_schoenfeld`,
/// `prediction`), decoded from the same files as ``CoxFixture``.
struct CoxDiagnosticsFixture: Decodable {
    struct Curve: Decodable {
        var label: String
        var time: [Double]
        var n_risk: [Double]
        var n_event: [Double]
        var n_censor: [Double]
        var cumhaz: [Double]
        var survival: [Double]
        var std_cumhaz: [Double?]
        var std_err: [Double?]
        var lower: [Double?]
        var upper: [Double?]
    }
    struct Row: Decodable {
        var x: [Double]
        var offset: Double
        var stratum: Int?
        var curves: [Curve]
        var curves_loglog: [Curve]
        var lp: Double
        var risk: Double
        var lp_sample: Double
        var lp_zero: Double
    }
    struct Prediction: Decodable {
        var means_curves: [Curve]
        var rows: [Row]
    }
    struct Expected: Decodable {
        var zph_transforms: [String: CoxFixture.ZPH]?
        var schoenfeld: [[Double]]?
        var scaled_schoenfeld: [[Double]]?
        var prediction: Prediction?
    }
    var expected: Expected

    static func load(_ name: String) throws -> CoxDiagnosticsFixture {
        try Repository.decode(CoxDiagnosticsFixture.self, "Tests/Fixtures/cox/\(name).json")
    }
}
