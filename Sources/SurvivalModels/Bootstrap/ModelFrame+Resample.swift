import CohortData
import SurvivalNumerics

extension ModelFrame {
    /// The frame of a bootstrap replicate: the used rows `rows` (0-based,
    /// with repeats, in that order) with their response, design, strata,
    /// offset and weights, as R's `data[rows, ]`.
    ///
    /// The cluster is dropped: a replicate is refitted only for its
    /// coefficients, which do not depend on it (R's `cluster()` changes only
    /// the variance). The frame's warnings are cleared (they were reported
    /// with the original fit); its row accounting and origin are kept.
    func resampled(rows: [Int]) -> ModelFrame {
        let n = count, m = rows.count, p = design.columns
        var storage = [Double](repeating: 0, count: m * p)
        design.storage.withUnsafeBufferPointer { src in
            storage.withUnsafeMutableBufferPointer { dst in
                for j in 0..<p {
                    let s = j * n, d = j * m
                    for (i, r) in rows.enumerated() { dst[d + i] = src[s + r] }
                }
            }
        }
        let drawn = SurvivalResponse(
            start: self.response.start.map { start in rows.map { start[$0] } },
            stop: rows.map { self.response.stop[$0] }, status: rows.map { self.response.status[$0] })
        var frame = ModelFrame(
            response: drawn, design: Matrix(rows: m, columns: p, columnMajor: storage), termNames: termNames,
            termOfColumn: termOfColumn,
            strata: strata.map { s in Grouping(codes: rows.map { s.codes[$0] }, labels: s.labels) },
            cluster: nil, offset: offset.map { o in rows.map { o[$0] } }, weights: weights.map { w in rows.map { w[$0] } },
            rowIndex: rows.map { rowIndex[$0] }, rows: self.rows, warnings: [])
        frame.origin = origin
        frame.timeColumn = timeColumn
        frame.statusColumn = statusColumn
        frame.factorLevels = factorLevels
        return frame
    }
}
