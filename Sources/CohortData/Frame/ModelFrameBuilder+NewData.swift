import SurvivalNumerics

/// The design of new data for prediction from a fitted model: the same
/// columns, coded with the training model's factor levels.
public struct NewDataDesign: Sendable {
    /// New rows × the training design's columns.
    public var design: Matrix
    /// Offsets of the rows (`nil` when the formula has none).
    public var offset: [Double]?
    /// The training stratum code of each row, when the model is stratified
    /// and the new data has the strata columns.
    public var strata: [Int]?
    /// Zero-based data-row index of each used row.
    public var rowIndex: [Int]
    /// Rows read, used and dropped for missing covariates.
    public var rows: RowAccounting
}

extension ModelFrameBuilder {
    /// Codes `cohort` (new data; no response columns needed) like `training`:
    /// complete cases over the right-hand-side columns, categorical variables
    /// against the training levels (a level the model has not seen is an
    /// error naming its line and column), strata matched to the training
    /// strata labels — as R's `predict(fit, newdata)`.
    public func newDataDesign(like training: ModelFrame) throws -> NewDataDesign {
        var columns: [String] = []
        func use(_ names: [String]) { for n in names where !columns.contains(n) { columns.append(n) } }
        for term in formula.terms { for v in term.variables { use(v.columns) } }
        for e in formula.offsets { use(e.variables) }
        let hasStrata = training.strata != nil && formula.strata.allSatisfy { cohort.index(of: $0) != nil }
        if hasStrata { use(formula.strata) }
        for name in columns where cohort.index(of: name) == nil { throw cohort.unknownColumnError(name) }

        let present = columns.compactMap { cohort.column(named: $0) }
        var used: [Int] = []
        var dropped: [String: Int] = [:]
        for row in 0..<cohort.rowCount {
            if let k = present.indices.first(where: { present[$0].isMissing(row) }) {
                dropped["missing: \(columns[k])", default: 0] += 1
            } else {
                used.append(row)
            }
        }
        var codings: [Formula.Variable: FactorCoding] = [:]
        for v in formula.variableOrder {
            if case .expression(let e) = v, let labels = training.factorLevels[v.label] {
                codings[v] = try derivedCoding(e, rows: used, labels: labels)
                continue
            }
            guard let labels = training.factorLevels[v.label], let name = v.columns.first,
                let column = cohort.column(named: name)
            else { continue }
            let coding = FactorCoding(column: column, rows: used, labels: labels)
            if let k = coding.codes.firstIndex(of: -1) {
                throw cohort.error(
                    .unknownLevel, row: used[k], column: name,
                    "level \"\(column.text(at: used[k]) ?? "")\" was not in the data the model was fitted on"
                        + " (levels: \(labels.joined(separator: ", ")))")
            }
            codings[v] = coding
        }
        let bases = try splineBases(given: training.splineBases).bases
        let design = try designMatrix(rows: used, codings: codings, bases: bases)
        guard design.names == training.termNames else {
            throw CohortError(
                .invalidValue, file: cohort.fileName,
                message: "the new data give design columns \(design.names) instead of the model's \(training.termNames)")
        }
        var offset: [Double]? = nil
        for e in formula.offsets {
            let values = try numeric(e, rows: used)
            offset = offset.map { zip($0, values).map { $0 + $1 } } ?? values
        }
        var strata: [Int]? = nil
        if hasStrata, let trainingStrata = training.strata {
            var index: [String: Int] = [:]
            for (k, label) in trainingStrata.labels.enumerated() { index[label] = k }
            strata = try used.map { row in
                let label = formula.strata.map { name in "\(name)=\(stratumLabel(name, row: row))" }
                    .joined(separator: ", ")
                guard let code = index[label] else {
                    throw cohort.error(
                        .unknownLevel, row: row, column: formula.strata.first,
                        "stratum \(label) was not in the data the model was fitted on")
                }
                return code
            }
        }
        return NewDataDesign(
            design: design.matrix, offset: offset, strata: strata, rowIndex: used,
            rows: RowAccounting(read: cohort.rowCount, used: used.count, dropped: dropped))
    }

    /// A categorical computed variable (`cut()`, `I(x > 1)`) on new rows,
    /// coded against the training levels; a value the model has not seen
    /// (or NA) is an error at its row.
    private func derivedCoding(_ e: FormulaExpression, rows: [Int], labels: [String]) throws -> FactorCoding {
        let value = try evaluator(rows: rows).evaluate(e).recycled(to: rows.count)
        var index: [String: Int] = [:]
        for (k, label) in labels.enumerated() { index[label] = k }
        let texts: [String?]
        switch value {
        case .factor(let c, let l), .strings(let c, let l): texts = c.map { $0 < 0 ? nil : l[Int($0)] }
        case .logicals(let b): texts = b.map { $0.map { $0 ? "TRUE" : "FALSE" } }
        case .numbers(let v), .dates(let v): texts = v.map { $0.isNaN ? nil : NumberFormatting.label($0) }
        }
        let codes = try texts.enumerated().map { k, text in
            guard let text, let code = index[text] else {
                throw cohort.error(
                    .unknownLevel, row: rows[k], column: e.variables.first,
                    "\(e.text) is \(text.map { "\"\($0)\"" } ?? "NA"), not a level of the fitted model"
                        + " (levels: \(labels.joined(separator: ", ")))")
            }
            return code
        }
        return FactorCoding(codes: codes, labels: labels)
    }

    /// The label a strata column gives a row (`1`, `male`), as in `Grouping` labels.
    private func stratumLabel(_ name: String, row: Int) -> String {
        guard let column = cohort.column(named: name) else { return "" }
        switch column {
        case .numeric(let v): return NumberFormatting.label(v[row])
        case .date(let v): return ISODate.format(dayNumber: Int(v[row]))
        case .categorical: return column.text(at: row) ?? ""
        }
    }
}

extension Formula {
    /// The design of `cohort` coded like `training` (see `ModelFrameBuilder.newDataDesign(like:)`).
    public func newDataDesign(on cohort: Cohort, like training: ModelFrame) throws -> NewDataDesign {
        try ModelFrameBuilder(cohort: cohort, formula: self).newDataDesign(like: training)
    }
}
