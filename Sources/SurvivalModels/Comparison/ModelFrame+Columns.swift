import CohortData
import SurvivalNumerics

extension ModelFrame {
    /// The same rows with only the design columns `columns` (ascending
    /// positions), as R's `X[, assign <= k]` in `anova.coxph`: response,
    /// strata, offset, weights and cluster are kept, the frame's warnings
    /// cleared (they were reported with the full model).
    func keepingColumns(_ columns: [Int]) -> ModelFrame {
        let n = count
        var storage = [Double]()
        storage.reserveCapacity(n * columns.count)
        for j in columns { storage += design.storage[(j * n)..<((j + 1) * n)] }
        var frame = self
        frame.design = Matrix(rows: n, columns: columns.count, columnMajor: storage)
        frame.termNames = columns.map { termNames[$0] }
        frame.termOfColumn = columns.map { termOfColumn[$0] }
        frame.warnings = []
        return frame
    }
}
