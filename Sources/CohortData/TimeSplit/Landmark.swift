/// What a landmark analysis left out: the landmark time T and the number of
/// rows (subjects) whose time was ≤ T. JSON `"landmark": {"time", "excluded"}`.
public struct LandmarkExclusion: Sendable, Equatable, Codable {
    public var time: Double
    public var excluded: Int

    public init(time: Double, excluded: Int) {
        self.time = time
        self.excluded = excluded
    }
}

extension ModelFrameBuilder {
    /// The landmark rule (`ModelFrameOptions.landmark`), as R's
    /// `subset(d, time > T)` followed by `Surv(time - T, status)`.
    ///
    /// Method. Among the rows the subset kept, a row whose time is ≤ T is
    /// excluded (counted like a subset exclusion); a row whose time is missing
    /// is left to the missing-value rule, so that it is counted as
    /// `missing: time` (R's subset would drop it silently, with the same rows
    /// used). The times of the rows kept are shifted by −T when the response
    /// is built (`shiftedByLandmark`). Only right-censored `Surv(time, status)`
    /// has a clear landmark: for `(start, stop]` data the subjects at risk at T
    /// are groups of rows, so it is refused.
    ///
    /// - Throws: `CohortError` for counting-process data, and when no row has
    ///   a time > T (naming the longest time).
    func landmarkRows(among rows: [Int]) throws -> (rows: [Int], excluded: Int) {
        guard let landmark = options.landmark else { return (rows, 0) }
        guard case .rightCensored(let time, _)? = formula.response else {
            throw CohortError(
                .formulaSyntax, file: cohort.fileName,
                message: "--landmark needs right-censored data Surv(time, status): with Surv(start, stop, status)"
                    + " the rows at risk at the landmark are not one row per subject; split the data first, or"
                    + " use --subset \"stop > T\" with times measured as you intend")
        }
        let t = try evaluator(rows: rows).numbers(time)
        let values = t.count == 1 && rows.count != 1 ? [Double](repeating: t[0], count: rows.count) : t
        var kept: [Int] = []
        kept.reserveCapacity(rows.count)
        var keptWithTime = 0
        for (k, row) in rows.enumerated() {
            if values[k].isNaN {
                kept.append(row)
            } else if values[k] > landmark {
                kept.append(row)
                keptWithTime += 1
            }
        }
        if !rows.isEmpty && keptWithTime == 0 {
            let longest = values.filter { !$0.isNaN }.max()
            throw cohort.error(
                .noRowsLeft, row: nil, column: time.variables.first,
                "--landmark \(NumberFormatting.label(landmark)): no row has \(time.text) > \(NumberFormatting.label(landmark))"
                    + (longest.map { " (the longest is \(NumberFormatting.label($0)))" } ?? "")
                    + "; choose a landmark before the end of follow-up")
        }
        return (kept, rows.count - kept.count)
    }

    /// `times` (of the used rows) measured from the landmark: t − T.
    func shiftedByLandmark(_ times: [Double]) -> [Double] {
        guard let landmark = options.landmark else { return times }
        return times.map { $0 - landmark }
    }
}
