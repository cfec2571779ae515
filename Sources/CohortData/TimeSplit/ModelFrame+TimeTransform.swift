import SurvivalNumerics

extension ModelFrame {
    /// The frame of a Cox model with time-transform terms `tt(x)`: one row per
    /// (event time, subject at risk then), each event time its own stratum,
    /// and each `tt(x)` design column replaced by f(x, t) at that time — as
    /// R's `coxph(..., tt = function(x, t, ...) f)` fits it.
    ///
    /// Method (survival's `coxph.R` with `coxcount1` / `coxcount2`). The
    /// partial likelihood only ever looks at a covariate at the event times,
    /// so a covariate that changes with time is evaluated there: within each
    /// stratum, for every distinct event time t, the rows at risk at t (stop
    /// ≥ t; for `(start, stop]` data also start < t) are copied as a
    /// right-censored row ending at t, with status 1 for the rows whose event
    /// is at t, and tt(x) = f(x, t). Making each event time a stratum keeps
    /// every copy in its own risk set only, so the partial likelihood,
    /// Efron's tie correction and Harrell's concordance (which R computes
    /// on the expanded data with these strata, `concordancefit(Y, lp,
    /// istrat)`) are R's. Weights, offsets and clusters follow their rows.
    /// `rows` (the accounting) is unchanged: the data rows used, not the copies.
    ///
    /// - Throws: `CohortError` when the formula has no `tt()` term, a `tt()`
    ///   variable is not numeric (a factor) or sits in an interaction, or f(x, t)
    ///   is not a finite number at some (row, event time) — located at the row.
    public func expandingTimeTransform(_ transform: TimeTransform, terms: [String]) throws -> ModelFrame {
        guard !terms.isEmpty else {
            throw CohortError(
                .formulaSyntax,
                message: "--tt \"\(transform.text)\" needs a tt(x) term in the formula, e.g. \"Surv(time, status) ~ age + tt(age)\"")
        }
        var ttColumns: [Int] = []
        for label in terms {
            guard let j = termNames.firstIndex(of: label) else {
                throw CohortError(
                    .formulaSyntax,
                    message: "\(label) must be a numeric main-effect term (a column of numbers), as R's tt() takes one")
            }
            ttColumns.append(j)
        }
        if let j = termNames.indices.first(where: { termNames[$0].contains("tt(") && !ttColumns.contains($0) }) {
            throw CohortError(
                .formulaSyntax,
                message: "\(termNames[j]): a tt() term may not be part of an interaction; write it as its own term")
        }
        let n = count
        let strataCodes = strata?.intCodes ?? [Int](repeating: 0, count: n)
        let start = response.start
        // Event times by stratum, ascending.
        var eventTimes: [Int: Set<Double>] = [:]
        for i in 0..<n where response.status[i] != 0 { eventTimes[strataCodes[i], default: []].insert(response.stop[i]) }
        var rowsOfStratum: [Int: [Int]] = [:]
        for i in 0..<n { rowsOfStratum[strataCodes[i], default: []].append(i) }
        var source: [Int] = []
        var time: [Double] = []
        var status: [Int] = []
        var newStratum: [Int] = []
        var stratumLabels: [String] = []
        let baseLabels = strata?.labels
        for s in eventTimes.keys.sorted() {
            let members = rowsOfStratum[s] ?? []
            for t in (eventTimes[s] ?? []).sorted() {
                let code = stratumLabels.count
                let tLabel = NumberFormatting.label(t)
                stratumLabels.append(baseLabels.map { "\($0[s]), t=\(tLabel)" } ?? "t=\(tLabel)")
                for i in members where response.stop[i] >= t && (start.map { $0[i] < t } ?? true) {
                    source.append(i)
                    time.append(t)
                    status.append(response.stop[i] == t && response.status[i] != 0 ? 1 : 0)
                    newStratum.append(code)
                }
                if source.count > 100_000_000 {
                    throw CohortError(
                        .invalidValue,
                        message: "tt(): the data expanded to one row per event time and subject at risk exceed"
                            + " 100,000,000 rows; use fewer rows or a --tdc split instead")
                }
            }
        }
        let m = source.count
        let columns = design.columns
        var storage = [Double](repeating: 0, count: m * columns)
        for j in 0..<columns {
            for (k, i) in source.enumerated() { storage[k + j * m] = design[i, j] }
        }
        for j in ttColumns {
            let x = source.map { design[$0, j] }
            let f = try transform.values(x: x, t: time)
            for k in 0..<m {
                guard f[k].isFinite else {
                    throw CohortError(
                        .invalidValue, file: origin.fileName, line: origin.line(ofRow: rowIndex[source[k]]),
                        message: "\(termNames[j]) = \(transform.text) with x = \(NumberFormatting.label(x[k])) at event time"
                            + " t = \(NumberFormatting.label(time[k])) is \(NumberFormatting.label(f[k])), not a finite"
                            + " number; choose a transform defined at every event time (e.g. log(t + 1) when t can be 0)")
                }
                storage[k + j * m] = f[k]
            }
        }
        var out = self
        out.response = SurvivalResponse(stop: time, status: status)
        out.design = Matrix(rows: m, columns: columns, columnMajor: storage)
        out.strata = Grouping(codes: newStratum, labels: stratumLabels)
        out.cluster = cluster.map { c in source.map { c[$0] } }
        out.offset = offset.map { o in source.map { o[$0] } }
        out.weights = weights.map { w in source.map { w[$0] } }
        out.rowIndex = source.map { rowIndex[$0] }
        return out
    }
}
