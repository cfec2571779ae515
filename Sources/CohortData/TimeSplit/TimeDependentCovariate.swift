/// A 0/1 time-dependent covariate that switches on at a time given per row,
/// as R's `tmerge(base, base, id = id, death = event(time, status),
/// NAME = tdc(TIMECOL))`: `--tdc NAME=TIMECOL`.
///
/// tmerge's rules, which `Cohort.splittingAtTimeDependentCovariates` follows:
/// a switch time at or after the end of a subject's follow-up, or missing,
/// never switches the covariate on; one at or before the start (0 for
/// right-censored data) has it on from the start; one inside the follow-up
/// splits it there, the covariate 0 before and 1 after.
public struct TimeDependentCovariate: Sendable, Equatable {
    /// The new covariate's name, usable in the formula.
    public var name: String
    /// The column holding each row's switch-on time.
    public var timeColumn: String

    public init(name: String, timeColumn: String) {
        self.name = name
        self.timeColumn = timeColumn
    }

    /// Parses `NAME=TIMECOL`; anything else is `nil`.
    public init?(parsing spec: String) {
        let parts = spec.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(name: parts[0], timeColumn: parts[1])
    }
}

extension Cohort {
    /// The rows split into `(start, stop]` intervals at each row's switch
    /// times, with a 0/1 column per covariate — R's `tmerge` with `tdc()`
    /// on data with one row per subject (`Surv(time, status)`, start 0), or
    /// per interval (`Surv(start, stop, status)`, each row split on its own:
    /// the switch time is read on every row, as the one value tmerge takes per
    /// subject).
    ///
    /// Method. A row's cut points are the switch times strictly inside its
    /// `(start, stop]`; the row becomes one interval per piece (`SurvivalSplit`
    /// with the row's own cuts). Every interval but the last is censored; the
    /// status becomes 0/1 as R's `Surv` codes it (1/2 and FALSE/TRUE too).
    /// A covariate is 1 on an interval whose start is at or after its switch
    /// time. Every other column is carried along; each interval keeps the
    /// line of its row. The start column is `tstart` (or the formula's start
    /// column); `rowsBeforeSplit` records the rows before the split.
    ///
    /// - Throws: `CohortError` for an unknown column (the switch-time column
    ///   included, listing the columns), a switch time that is not a number, a
    ///   covariate name that is already a column, or a bad status.
    public func splittingAtTimeDependentCovariates(
        _ covariates: [TimeDependentCovariate], start: String?, stop: String, status: String
    ) throws -> (cohort: Cohort, start: String) {
        for c in covariates {
            if index(of: c.timeColumn) == nil { throw unknownColumnError(c.timeColumn) }
            if index(of: c.name) != nil || covariates.filter({ $0.name == c.name }).count > 1 {
                throw error(
                    .invalidValue, row: nil, column: c.name,
                    "--tdc \(c.name)=\(c.timeColumn) would replace a column of that name; give the covariate a new name")
            }
        }
        for name in [stop, status] + (start.map { [$0] } ?? []) where index(of: name) == nil {
            throw unknownColumnError(name)
        }
        let builder = ModelFrameBuilder(cohort: self, formula: try Formula("Surv(t, s) ~ 1"))
        let (end, codes) = try responseValues(time: stop, status: status)
        let begin = try start.map { try builder.numericColumn($0, as: "a time") } ?? [Double](repeating: 0, count: rowCount)
        let switches = try covariates.map { try builder.numericColumn($0.timeColumn, as: "a switch-on time") }
        var startName = start ?? "tstart"
        while index(of: startName) != nil || covariates.contains(where: { $0.name == startName }) { startName += "_" }

        var rows: [Int] = []
        var from: [Double] = []
        var to: [Double] = []
        var censored: [Bool] = []
        for i in 0..<rowCount {
            let a = begin[i], b = end[i]
            let inside = a.isNaN || b.isNaN ? [] : switches.map { $0[i] }.filter { $0 > a && $0 < b }
            let pieces = (try? SurvivalSplit(cuts: inside))?.intervals(start: [a], stop: [b])
                ?? [SurvivalSplit.Interval(row: 0, start: a, end: b, endsAtCut: false, episode: 1)]
            for p in pieces {
                rows.append(i)
                from.append(p.start)
                to.append(p.end)
                censored.append(p.endsAtCut)
            }
        }
        var out = gatheringRows(rows)
        out.rowsBeforeSplit = rowCount
        try out.setColumn(.numeric(from), named: startName)
        try out.setColumn(.numeric(to), named: stop)
        try out.setColumn(
            .numeric(rows.indices.map { censored[$0] ? 0 : codes[rows[$0]].map(Double.init) ?? .nan }), named: status)
        for (c, on) in zip(covariates, switches) {
            let values = rows.indices.map { k -> Double in
                let s = on[rows[k]]
                return !s.isNaN && from[k] >= s ? 1 : 0
            }
            try out.setColumn(.numeric(values), named: c.name)
        }
        return (out, startName)
    }
}

extension Formula {
    /// The formula with a right-censored response `Surv(time, status)`
    /// rewritten as the counting-process `Surv(start, time, status)` of split
    /// data (`--tdc`); a counting-process formula is returned as it is.
    public func countingProcess(start: String) throws -> Formula {
        guard case .rightCensored(let time, let status)? = response else { return self }
        var out = self
        out.response = .counting(start: .variable(start), stop: time, status: status)
        if !out.columnsUsed.contains(start) { out.columnsUsed.insert(start, at: 0) }
        if let tilde = text.firstIndex(of: "~") {
            out.text = "Surv(\(start), \(time.text), \(status.text)) " + text[tilde...]
        }
        return out
    }

    /// The plain columns of the response, `(start, stop, status)`, or `nil`
    /// when the response is missing or any part is an expression.
    public var responseColumns: (start: String?, stop: String, status: String)? {
        switch response {
        case .rightCensored(.variable(let t), .variable(let s))?: return (nil, t, s)
        case .counting(.variable(let a), .variable(let b), .variable(let s))?: return (a, b, s)
        default: return nil
        }
    }
}
