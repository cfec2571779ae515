extension Cohort {
    /// Hands back the storage of the columns called `names`: each becomes an
    /// empty column of its kind (a categorical column keeps its levels), so
    /// its values are freed once nothing else shares them.
    ///
    /// Only the frame builder calls this, on its own copy of the cohort and
    /// after the last read of those columns (`ModelFrameBuilder.releaseResponseColumns()`):
    /// an 80-million-row status column is 640 MB that would otherwise stay
    /// resident next to the frame built from it. A released column has no
    /// rows; reading one by row is a programming error.
    mutating func releaseStorage(ofColumns names: Set<String>) {
        for name in names {
            guard let k = index(of: name) else { continue }
            switch columns[k] {
            case .numeric: replaceColumn(at: k, with: .numeric([]))
            case .date: replaceColumn(at: k, with: .date([]))
            case .categorical(_, let levels): replaceColumn(at: k, with: .categorical(codes: [], levels: levels))
            }
        }
    }
}
