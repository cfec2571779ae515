/// Splits follow-up at fixed times into counting-process intervals, as R's
/// `survSplit(Surv(time, status) ~ ., data, cut = cuts, episode = "ep")`.
///
/// Method (survival's `survsplit.c`). Each row's follow-up `(start, stop]`
/// (`start` = 0 for right-censored data, R's `zero`) is cut at every cut
/// point strictly inside it: a cut `c` with `start < c < stop` ends one
/// interval and starts the next. A cut at or after `stop` (the event time
/// included) or at or before `start` splits nothing. Every interval but the
/// last is censored (status 0); the last keeps the row's status. The episode
/// of an interval is 1 + the number of cut points at or before its start, so
/// a cut at 0 counts: with `cut = c(0, 3)` the first interval of a row that
/// starts at 0 is episode 2, as R numbers it. A row with a missing time is
/// kept as one interval from 0, episode 2 (R's `interval = 1` for such rows).
/// Cut points are sorted and repeats dropped first, as R's `unique(sort(cut))`.
public struct SurvivalSplit: Sendable, Equatable {
    /// The cut points, sorted, without repeats.
    public let cuts: [Double]

    /// One interval of one row.
    public struct Interval: Sendable, Equatable {
        /// The 0-based row the interval comes from.
        public var row: Int
        public var start: Double
        public var end: Double
        /// Whether a cut ends the interval (status 0), rather than the row's own end.
        public var endsAtCut: Bool
        /// 1 + the number of cut points at or before `start` (R's episode).
        public var episode: Int
    }

    /// Sorted unique cut points; each must be a finite number, as R's
    /// "cut must be a vector of finite numbers" (else `.invalidValue`).
    public init(cuts: [Double]) throws {
        if let bad = cuts.first(where: { !$0.isFinite }) {
            throw CohortError(
                .invalidValue,
                message: "cut points must be finite numbers, found \(NumberFormatting.label(bad)); e.g. --cut 180,365,730")
        }
        self.cuts = Array(Set(cuts)).sorted()
    }

    /// The intervals of rows with follow-up `(start[i], stop[i]]`, row by row
    /// in row order (`survsplit.c`); a missing start or stop gives the row as
    /// one interval, episode 2.
    public func intervals(start: [Double], stop: [Double]) -> [Interval] {
        var out: [Interval] = []
        out.reserveCapacity(stop.count)
        for i in stop.indices {
            let a = start[i], b = stop[i]
            if a.isNaN || b.isNaN {
                out.append(Interval(row: i, start: a, end: b, endsAtCut: false, episode: 2))
                continue
            }
            var j = 0
            while j < cuts.count && cuts[j] <= a { j += 1 }
            var from = a
            var episode = j + 1
            while j < cuts.count && cuts[j] < b {
                if cuts[j] > from {
                    out.append(Interval(row: i, start: from, end: cuts[j], endsAtCut: true, episode: episode))
                    from = cuts[j]
                    episode = j + 2
                }
                j += 1
            }
            out.append(Interval(row: i, start: from, end: b, endsAtCut: false, episode: episode))
        }
        return out
    }
}

extension Cohort {
    /// The counting-process cohort of R's `survSplit(Surv(time, status) ~ .,
    /// data, cut, start = startName, episode = episodeName)`: every other
    /// column in file order, then `startName`, `time` as the interval end,
    /// `status` (0/1 as R's `Surv` codes it: 1/2 and FALSE/TRUE become 0/1;
    /// 0 on every interval a cut ends) and, when asked, the episode column.
    /// Each interval keeps the line of its row, for located errors.
    ///
    /// - Throws: `CohortError` for an unknown column (listing the columns), a
    ///   status that is not 0/1, 1/2 or FALSE/TRUE, a time that is not a number
    ///   or is ≤ 0 (R: "'zero' parameter must be less than any observed
    ///   times"), or a new column name that is already a column.
    public func splittingSurvival(
        time: String, status: String, at split: SurvivalSplit, startName: String = "tstart",
        episodeName: String? = nil
    ) throws -> Cohort {
        for name in [time, status] where index(of: name) == nil { throw unknownColumnError(name) }
        for name in [startName] + (episodeName.map { [$0] } ?? []) where index(of: name) != nil {
            throw error(
                .invalidValue, row: nil, column: name,
                "the split would write a column \"\(name)\", already a column of the data; choose another name"
                    + (name == startName ? " with --start" : " with --episode"))
        }
        if episodeName == startName {
            throw CohortError(.invalidValue, file: fileName, message: "the start and episode columns need different names")
        }
        let (stop, codes) = try responseValues(time: time, status: status)
        if let k = stop.indices.first(where: { stop[$0] <= 0 }) {
            throw error(
                .invalidValue, row: k, column: time,
                "time \(NumberFormatting.label(stop[k])) is not > 0: a split starts every row at 0 (as R's survSplit,"
                    + " whose 'zero' must be less than every time); leave such rows out with --subset \"\(time) > 0\"")
        }
        let intervals = split.intervals(start: [Double](repeating: 0, count: rowCount), stop: stop)
        let rows = intervals.map(\.row)
        let others = names.filter { $0 != time && $0 != status }
        var gathered = try Cohort(
            fileName: fileName,
            columns: others.compactMap { name in column(named: name).map { (name, $0) } })
        gathered = gathered.gatheringRows(rows)
        var columns = zip(gathered.names, gathered.columns).map { (name: $0.0, column: $0.1) }
        columns.append((startName, .numeric(intervals.map(\.start))))
        columns.append((time, .numeric(intervals.map(\.end))))
        columns.append(
            (status, .numeric(intervals.map { $0.endsAtCut ? 0 : codes[$0.row].map(Double.init) ?? .nan })))
        if let episodeName { columns.append((episodeName, .numeric(intervals.map { Double($0.episode) }))) }
        var out = try Cohort(fileName: fileName, columns: columns, rowLines: rows.map { line(ofRow: $0) })
        out.input = input
        out.variableLabels = variableLabels
        return out
    }

    /// The times (NaN where missing) and the status codes as R's `Surv` maps
    /// them (`nil` where missing) of every row, checked as the model frame checks them.
    func responseValues(time: String, status: String) throws -> (time: [Double], status: [Int?]) {
        // The builder's column rules only (its formula is not evaluated here).
        let builder = ModelFrameBuilder(cohort: self, formula: try Formula("Surv(t, s) ~ 1"))
        let t = try builder.numericColumn(time, as: "a time")
        if let k = t.indices.first(where: { t[$0].isInfinite }) {
            throw error(.invalidValue, row: k, column: time, "expected a finite time, found \(NumberFormatting.label(t[k]))")
        }
        guard let statusColumn = column(named: status) else { throw unknownColumnError(status) }
        let present = (0..<rowCount).filter { !statusColumn.isMissing($0) }
        let codes = try builder.statusCodes(.variable(status), rows: present)
        var out = [Int?](repeating: nil, count: rowCount)
        for (k, row) in present.enumerated() { out[row] = Int(codes[k]) }
        return (t, out)
    }
}
