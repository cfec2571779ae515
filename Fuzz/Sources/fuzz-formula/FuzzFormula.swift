import FuzzSupport
import SurvivalKit

// The input is the formula text. It is parsed, and when it parses, every
// kind of frame is built from it on the small fixed cohort so that the
// expression evaluator and the design-matrix builder run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let formula = try? Formula(text) else { return 0 }
    let cohort = FuzzCohort.cohort
    _ = formula.description
    _ = formula.columnsUsed
    let builder = ModelFrameBuilder(cohort: cohort, formula: formula)
    ignoringErrors { _ = try builder.build() }
    ignoringErrors { _ = try builder.buildCounts() }
    ignoringErrors { _ = try builder.buildGrouping() }
    ignoringErrors { _ = try builder.buildCountGrouping() }
    return 0
}
