/// The checks R leaves to `survcheck` for counting-process data
/// `Surv(start, stop, event) ~ ... + cluster(id)`: within one subject the
/// intervals `(start, stop]`, in order, should neither overlap (the subject
/// would be at risk twice over the overlap — often a duplicated row) nor
/// leave gaps (the subject is not under observation in between, which is
/// allowed but worth knowing).
///
/// The analysis decides what an overlap means (`ModelFrameOptions.overlappingIntervals`): `mcf` refuses it (the mean
/// cumulative function would count the overlap twice), `recur` fits as R's
/// `coxph` does and warns with the counts.
public struct CountingProcessCheck: Sendable, Equatable {
    /// Subjects with at least one overlap, and the first overlap found
    /// (the two cohort rows, 0-based, in file order).
    public var overlappingSubjects = 0
    public var firstOverlap: (first: Int, second: Int)? = nil
    /// Identical intervals of one subject (a subset of the overlaps).
    public var duplicatedRows = 0
    /// Subjects with at least one gap between consecutive intervals.
    public var subjectsWithGaps = 0
    public var gaps = 0

    public static func == (a: Self, b: Self) -> Bool {
        a.overlappingSubjects == b.overlappingSubjects && a.firstOverlap?.first == b.firstOverlap?.first
            && a.firstOverlap?.second == b.firstOverlap?.second && a.duplicatedRows == b.duplicatedRows
            && a.subjectsWithGaps == b.subjectsWithGaps && a.gaps == b.gaps
    }

    /// Checks `(start, stop]` intervals grouped by `cluster` (one code per
    /// row); `rowIndex` maps each row to its cohort row.
    public init(start: [Double], stop: [Double], cluster: [Int], rowIndex: [Int]) {
        let order = rowIndex.indices.sorted { a, b in
            if cluster[a] != cluster[b] { return cluster[a] < cluster[b] }
            if start[a] != start[b] { return start[a] < start[b] }
            return stop[a] < stop[b]
        }
        var k = 0
        while k < order.count {
            var overlapped = false
            var gapped = false
            var j = k + 1
            var reach = stop[order[k]]
            var reachRow = order[k]
            while j < order.count && cluster[order[j]] == cluster[order[k]] {
                let i = order[j]
                let previous = order[j - 1]
                if start[i] == start[previous] && stop[i] == stop[previous] { duplicatedRows += 1 }
                if start[i] < reach {
                    overlapped = true
                    if firstOverlap == nil {
                        let rows = [rowIndex[reachRow], rowIndex[i]].sorted()
                        firstOverlap = (rows[0], rows[1])
                    }
                } else if start[i] > reach {
                    gapped = true
                    gaps += 1
                }
                if stop[i] > reach {
                    reach = stop[i]
                    reachRow = i
                }
                j += 1
            }
            if overlapped { overlappingSubjects += 1 }
            if gapped { subjectsWithGaps += 1 }
            k = j
        }
    }

    /// `3 subjects have gaps between their intervals (5 gaps)`, or `nil`.
    public var gapWarning: String? {
        guard subjectsWithGaps > 0 else { return nil }
        return "\(subjectsWithGaps) subject\(subjectsWithGaps == 1 ? " has" : "s have") gaps between consecutive"
            + " (start, stop] intervals (\(gaps) gap\(gaps == 1 ? "" : "s")): not under observation in between"
    }
}
