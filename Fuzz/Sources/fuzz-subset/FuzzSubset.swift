import FuzzSupport
import SurvivalKit

// The input is a subset expression; it is parsed and evaluated on the small
// fixed cohort.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSubset(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let subset = try? RowSubset(text) else { return 0 }
    let cohort = FuzzCohort.cohort
    _ = subset.columns
    ignoringErrors {
        let keep = try subset.keeps(in: cohort)
        precondition(keep.count == cohort.rowCount, "keeps(in:) returned \(keep.count) flags for \(cohort.rowCount) rows")
    }
    return 0
}
