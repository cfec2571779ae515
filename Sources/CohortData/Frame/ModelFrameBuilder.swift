import SurvivalNumerics

/// Evaluates a `Formula` on a `Cohort` into a frame, as R's `model.frame` +
/// `model.matrix` + `Surv` do for `coxph`/`survfit`: a `ModelFrame` for
/// survival regressions, a `CountModelFrame` for count regressions, a
/// `GroupingFrame` for analyses that only group the rows.
///
/// Steps:
/// 1. Every column the formula names must exist (else the error lists the
///    available columns).
/// 2. `options.subset` keeps the rows where it is TRUE (R's `subset()`);
///    the others count in `rows.excludedBySubset`.
/// 3. Complete cases: a row with a missing value in any column the formula
///    uses is dropped. Each dropped row is counted once, under the *first*
///    missing column in formula order (the order the columns first appear in
///    the formula text, left-hand side first) as `"missing: <column>"`.
///    Then a row where a computed variable is NA or NaN is dropped as
///    `"invalid: <expression>"` (see `droppingInvalidDerivedValues`).
/// 4. The response is checked on the used rows: times numeric, finite and
///    ≥ 0; `start < stop`; status coded 0/1, FALSE/TRUE or 1/2 (see
///    `StatusCoding`). Errors name the line and column.
/// 5. Categorical variables are treatment-coded against their first level
///    (see `FactorCoding`); interactions multiply their parts with the first
///    variable varying fastest, as `model.matrix`. A factor in a term gets
///    contrasts (k−1 columns) when the term without it is also in the model
///    (the intercept counts), else one column per level — R's rule.
/// 6. Groups (all right-hand-side model variables; grouping frames only, in
///    place of the design) and strata (`strata(...)`) are the observed level
///    combinations, ordered as R's `strata()`.
public struct ModelFrameBuilder {
    /// The cohort; a grouping build frees its response-only columns once the
    /// response is built (`releaseResponseColumns()`).
    public internal(set) var cohort: Cohort
    public let formula: Formula
    public let options: ModelFrameOptions

    public init(cohort: Cohort, formula: Formula, options: ModelFrameOptions = ModelFrameOptions()) {
        self.cohort = cohort
        self.formula = formula
        self.options = options
    }

    /// The survival regression frame (`coxph`, `survreg`): response and design
    /// matrix. Throws `CohortError` naming file, line and column.
    public func build() throws -> ModelFrame {
        let used = try usedRows()
        let response = try survivalResponse(rows: used.rows)
        let (codings, bases, design, designWarnings) = try designPart(rows: used.rows)
        let extras = try extraColumns(rows: used.rows)
        let warnings = used.warnings + designWarnings
            + (try intervalWarnings(response, cluster: extras.cluster, rows: used.rows))
        var frame = ModelFrame(
            response: response, design: design.matrix, termNames: design.names, termOfColumn: design.terms,
            strata: extras.strata, cluster: extras.cluster, offset: extras.offset, weights: extras.weights,
            rowIndex: used.rows, rows: used.accounting, warnings: warnings)
        frame.factorLevels = Dictionary(uniqueKeysWithValues: codings.map { ($0.key.label, $0.value.labels) })
        frame.splineBases = bases
        frame.splineTerms = formula.splineTermNames
        (frame.splineCarriers, frame.splineCarrierNames) = try splineCarriers(rows: used.rows)
        frame.frailty = formula.frailty.map { groupingCoding($0.column, rows: used.rows).codes }
        frame.origin = cohort.origin
        frame.counts = options.counts == nil ? nil : extras.weights
        frame.origin.input.counts = options.counts
        if let transform = options.timeTransform {
            if let name = options.counts {
                throw CohortError(
                    .invalidValue, file: cohort.fileName, column: name, columnPosition: cohort.position(of: name),
                    message: "--counts \(name) cannot be combined with tt() terms (--tt), which expand the rows per"
                        + " event time; expand the counted rows first, or leave out the tt() terms")
            }
            frame = try frame.expandingTimeTransform(transform, terms: formula.timeTransformTerms)
        }
        switch formula.response {
        case .rightCensored(let time, let status)?:
            frame.timeColumn = time.variables.first
            frame.statusColumn = status.variables.first
        case .counting(_, let stop, let status)?:
            frame.timeColumn = stop.variables.first
            frame.statusColumn = status.variables.first
        case .interval(let left, let right)?:
            frame.timeColumn = left.variables.first
            frame.upperTimeColumn = right.variables.first
        default: break
        }
        return frame
    }

    /// The count regression frame (`glm(family = poisson)`, `glm.nb`): the plain
    /// outcome left of `~` and the design matrix.
    public func buildCounts() throws -> CountModelFrame {
        let used = try usedRows()
        let outcome = try countOutcome(rows: used.rows)
        let (codings, bases, design, designWarnings) = try designPart(rows: used.rows)
        let warnings = used.warnings + designWarnings
        let extras = try extraColumns(rows: used.rows)
        var frame = CountModelFrame(
            outcome: outcome, design: design.matrix, termNames: design.names, termOfColumn: design.terms,
            offset: extras.offset, weights: extras.weights,
            hasStrataOrCluster: extras.strata != nil || extras.cluster != nil,
            rowIndex: used.rows, rows: used.accounting, warnings: warnings)
        frame.factorLevels = Dictionary(uniqueKeysWithValues: codings.map { ($0.key.label, $0.value.labels) })
        frame.splineBases = bases
        frame.splineTerms = formula.splineTermNames
        frame.origin = cohort.origin
        frame.counts = options.counts == nil ? nil : extras.weights
        frame.origin.input.counts = options.counts
        return frame
    }

    /// The grouping frame of `survfit`-style analyses: the survival response
    /// and the right-hand-side level combinations as integer codes (no design matrix).
    /// The builder is consumed: the response-only columns are freed before
    /// the group codes are made (see `releaseResponseColumns()`).
    public consuming func buildGrouping() throws -> SurvivalGroupingFrame {
        let used = try usedRows()
        let response = try survivalResponse(rows: used.rows)
        releaseResponseColumns()
        return try groupingFrame(response, used) { cluster in
            try intervalWarnings(response, cluster: cluster, rows: used.rows)
        }
    }

    /// The grouping frame of event rates, `events ~ group + offset(person_time)`:
    /// the plain outcome and the group codes.
    public func buildCountGrouping() throws -> CountGroupingFrame {
        let used = try usedRows()
        let outcome = try countOutcome(rows: used.rows)
        return try groupingFrame(outcome, used)
    }

    /// The factor codings and the design matrix of the used rows, after the
    /// size guard, with the design's warnings: many-level factors, or else a
    /// design with a column per few rows (one warning about a too-wide design:
    /// the many-levels one names the term already).
    private func designPart(rows: [Int]) throws -> (
        codings: [Formula.Variable: FactorCoding], bases: [String: SplineBasis],
        design: (matrix: Matrix, names: [String], terms: [String]), warnings: [String]
    ) {
        let codings = try factorCodings(rows: rows)
        let splines = try splineBases()
        let sizeWarning = try checkDesignSize(rows: rows.count, codings: codings, bases: splines.bases)
        let design = try designMatrix(rows: rows, codings: codings, bases: splines.bases)
        let levelNotes = levelWarnings(codings, rows: rows.count)
        return (codings, splines.bases, design,
                splines.warnings + (levelNotes.isEmpty ? sizeWarning.map { [$0] } ?? [] : levelNotes))
    }

    /// The used rows after the column and reference checks and the
    /// complete-case rule, with their accounting and warning.
    private func usedRows() throws -> (rows: [Int], accounting: RowAccounting, warnings: [String]) {
        for name in columnsUsed where cohort.index(of: name) == nil {
            throw cohort.unknownColumnError(name)
        }
        try checkReferences()
        if options.timeTransform == nil, let term = formula.timeTransformTerms.first {
            throw CohortError(
                .formulaSyntax,
                message: "in formula \"\(formula.text)\": \(term) is a time-transform term of the Cox model;"
                    + " give its function with --tt, e.g. --tt \"x * log(t)\" (survkit cox only)")
        }
        var subset = try subsetRows()
        let landmark = try landmarkRows(among: subset.rows)
        subset = (landmark.rows, subset.excluded + landmark.excluded)
        try checkLiteralNaN(among: subset.rows)
        var cases = completeCases(among: subset.rows)
        let (derivedUsed, invalid, invalidOrder) = try droppingInvalidDerivedValues(rows: cases.used)
        let intervals = try droppingUnknownIntervals(rows: derivedUsed)
        let used = intervals.rows
        if let column = intervals.column {
            // Both ends missing: a missing response, counted with the missing values.
            cases.dropped["missing: \(column)", default: 0] += intervals.count
            cases.missingByColumn[column, default: 0] += intervals.count
            if !cases.order.contains(column) { cases.order.append(column) }
            if cases.firstDroppedLine == nil { cases.firstDroppedLine = intervals.firstLine }
        }
        let dropped = cases.dropped.merging(invalid) { $0 + $1 }
        let missingReasons = cases.order.map { "missing: \($0)" }
        let reasons = missingReasons + invalidOrder.filter { !missingReasons.contains($0) }
        let droppedTotal = dropped.values.reduce(0, +)
        let what = invalid.isEmpty ? "missing values" : cases.dropped.isEmpty ? "invalid values" : "missing or invalid values"
        guard !used.isEmpty else {
            if cohort.rowCount == 0 {
                throw CohortError(.noRowsLeft, file: cohort.fileName, message: "the file has a header but no data rows")
            }
            if !subset.rows.isEmpty,
                let empty = columnsUsed.first(where: { cases.missingByColumn[$0] == subset.rows.count })
            {
                throw cohort.error(
                    .noRowsLeft, row: nil, column: empty,
                    "every one of the \(subset.rows.count) rows is missing \"\(empty)\", so no rows are left:"
                        + " leave it out of the formula, or check how the file was read with survkit describe")
            }
            let excluded = subset.excluded > 0 ? "excluding \(subset.excluded) rows by the subset and " : ""
            let counts = Self.describe(cases.missingByColumn, order: columnsUsed)
            throw CohortError(
                .noRowsLeft, file: cohort.fileName,
                message: "no rows left after \(excluded)dropping \(subset.rows.count) rows with \(what)"
                    + (counts.isEmpty ? "" : " (\(counts) missing)"))
        }
        var warnings: [String] = []
        if droppedTotal > 0 {
            let parts = reasons.map { "\($0) \(dropped[$0] ?? 0)" }.joined(separator: ", ")
            var warning = "\(droppedTotal) row\(droppedTotal == 1 ? "" : "s") dropped for \(what) (\(parts))"
            let exact = cases.missingByColumn.filter { $0.value > 0 }
            if exact.contains(where: { cases.dropped["missing: \($0.key)"] != $0.value }) {
                // A row missing in several columns is counted once above, under the first.
                warning += "; rows missing each column: \(Self.describe(exact, order: columnsUsed))"
            }
            warnings.append(warning)
        }
        // --counts: rows with a zero count stand for no subject (dropped and
        // counted, after the strict check: nothing is lost by leaving them out).
        var counted = (rows: used, counts: [Double](), zero: 0)
        var allDropped = dropped
        if let name = options.counts {
            counted = try frequencyCounts(among: used)
            if counted.zero > 0 { allDropped["zero count: \(name)"] = counted.zero }
            guard !counted.rows.isEmpty else {
                throw cohort.error(
                    .noRowsLeft, row: nil, column: name,
                    "every one of the \(used.count) rows left has a count of 0 in \"\(name)\", so no subjects are left")
            }
        }
        var accounting = RowAccounting(
            read: cohort.rowCount, used: counted.rows.count, dropped: allDropped, excludedBySubset: subset.excluded)
        if options.counts != nil { accounting.subjects = Int(counted.counts.reduce(0, +)) }
        accounting.missingByColumn = cases.missingByColumn.filter { $0.value > 0 }
        if let time = options.landmark { accounting.landmark = LandmarkExclusion(time: time, excluded: landmark.excluded) }
        if let before = cohort.rowsBeforeSplit {
            accounting.read = before
            accounting.intervals = cohort.rowCount
        }
        if options.strict && droppedTotal > 0 {
            let line = cases.firstDroppedLine.map { " (the first on line \($0))" } ?? ""
            let counts = Self.describe(cases.missingByColumn, order: columnsUsed)
            let invalidParts = invalidOrder.map { "\($0) \(invalid[$0] ?? 0)" }.joined(separator: ", ")
            throw CohortError(
                .droppedRows, file: cohort.fileName,
                message: "--strict: \(droppedTotal) row\(droppedTotal == 1 ? "" : "s") would be dropped for \(what)\(line):"
                    + [counts.isEmpty ? nil : " \(counts) missing", invalidParts.isEmpty ? nil : " \(invalidParts)"]
                        .compactMap { $0 }.joined(separator: ";") + "."
                    + " Fill them in, exclude them on purpose with --subset \"!is.na(x)\", or leave out --strict")
        }
        return (counted.rows, accounting, warnings)
    }

    /// A literal `NaN` in a column the analysis uses is invalid data, not a
    /// missing value: an error at its line (`--na NaN` makes it missing on purpose).
    private func checkLiteralNaN(among rows: [Int]) throws {
        guard !cohort.literalNaNRows.isEmpty else { return }
        let kept = Set(rows)
        for name in columnsUsed {
            guard let row = cohort.literalNaNRows[name]?.first(where: { kept.contains($0) }) else { continue }
            throw cohort.error(
                .invalidValue, row: row, column: name,
                "expected a number, found NaN (not a number); if it means a missing value, add --na NaN")
        }
    }

    /// The many-levels warnings of the categorical design variables, in formula order.
    private func levelWarnings(_ codings: [Formula.Variable: FactorCoding], rows: Int) -> [String] {
        formula.variableOrder.compactMap { v in
            codings[v].flatMap { manyLevelsWarning(v, levels: $0.labels.count, rows: rows) }
        }
    }

    /// `a 3, b 1` in the order of `order`.
    static func describe(_ counts: [String: Int], order: [String]) -> String {
        order.compactMap { name in counts[name].flatMap { $0 > 0 ? "\(name) \($0)" : nil } }.joined(separator: ", ")
    }

    /// `Surv(time, status)` or `Surv(start, stop, status)` on the used rows,
    /// with near-tied times merged as R's `timefix`.
    private func survivalResponse(rows used: [Int]) throws -> SurvivalResponse {
        let response: SurvivalResponse
        switch formula.response {
        case .rightCensored(let time, let status)?:
            let t = shiftedByLandmark(try times(time, rows: used))
            response = SurvivalResponse(stop: t, status: try statusCodes(status, rows: used))
        case .counting(let start, let stop, let status)?:
            let a = try times(start, rows: used)
            let b = try times(stop, rows: used)
            for (k, row) in used.enumerated() where !(a[k] < b[k]) {
                throw cohort.error(
                    .startNotBeforeStop, row: row, column: stop.variables.first,
                    "start time \(NumberFormatting.label(a[k])) is not before stop time \(NumberFormatting.label(b[k]))"
                        + " (counting-process data need start < stop)")
            }
            response = SurvivalResponse(start: a, stop: b, status: try statusCodes(status, rows: used))
        case .interval(let left, let right)?:
            response = try intervalResponse(left: left, right: right, rows: used)
        case .outcome?, nil:
            throw needsSurv()
        }
        // R's timefix: merge times that differ only by rounding noise.
        switch response.mergedNearTies() {
        case .merged(let merged):
            return merged
        case .collapsedInterval(let k):
            var column: String? = nil
            var found = ""
            if case .counting(let start, let stop, _)? = formula.response {
                column = stop.variables.first
                found = " (start \(start.text) = \(NumberFormatting.label(response.start?[k] ?? .nan)),"
                    + " stop \(stop.text) = \(NumberFormatting.label(response.stop[k])))"
            }
            if case .interval(let left, let right)? = formula.response {
                column = right.variables.first
                found = " (left \(left.text) = \(NumberFormatting.label(response.stop[k])),"
                    + " right \(right.text) = \(NumberFormatting.label(response.intervalUpper?[k] ?? .nan)))"
            }
            throw cohort.error(
                .startNotBeforeStop, row: used[k], column: column,
                "the interval (start, stop]\(found) has effective length 0 after merging near-tied times"
                    + " (start and stop differ by less than 1.5e-8 relative), as R's aeqSurv; round the times or"
                    + " make the interval longer")
        }
    }

    /// The plain outcome left of `~` on the used rows.
    private func countOutcome(rows used: [Int]) throws -> [Double] {
        guard case .outcome(let e)? = formula.response else {
            throw CohortError(
                .formulaSyntax,
                message: "in formula \"\(formula.text)\": expected a count outcome left of ~, e.g. \"events ~ x + offset(log(person_years))\"")
        }
        let y = try numeric(e, rows: used, as: "a count")
        // R's poisson() and glm.nb refuse negative counts.
        if let k = y.firstIndex(where: { $0 < 0 }) {
            throw cohort.error(.invalidValue, row: used[k], column: e.variables.first,
                               "expected a count ≥ 0, found \(NumberFormatting.label(y[k]))")
        }
        return y
    }

    private func needsSurv() -> CohortError {
        CohortError(
            .formulaSyntax,
            message: "in formula \"\(formula.text)\": expected a response Surv(time, status) or Surv(start, stop, status) left of ~")
    }

    private func checkReferences() throws {
        let categorical = Set(formula.variableOrder.map(\.baseName) + formula.strata)
        for name in options.references.keys.sorted() where !categorical.contains(name) {
            throw CohortError(
                .unknownLevel, file: cohort.fileName, column: name,
                message: "a reference level was given for \"\(name)\", which is not a variable of the formula \"\(formula.text)\"")
        }
    }
}
