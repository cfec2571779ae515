extension ModelFrameBuilder {
    /// Strata, cluster, offset and weights on the used rows.
    func extraColumns(rows used: [Int]) throws
        -> (strata: Grouping?, cluster: [Int]?, offset: [Double]?, weights: [Double]?)
    {
        var strata: Grouping? = nil
        if !formula.strata.isEmpty {
            let factors = try formula.strata.map { name in (name: name, coding: try strataCoding(name, rows: used)) }
            strata = Grouping(factors: factors, count: used.count)
        }
        let cluster = formula.cluster.map { groupingCoding($0, rows: used).codes }
        var offset: [Double]? = nil
        for e in formula.offsets {
            let values = try numeric(e, rows: used, as: "an offset")
            offset = offset.map { zip($0, values).map { $0 + $1 } } ?? values
        }
        return (strata, cluster, offset, try caseWeights(rows: used))
    }

    /// A grouping frame: the right-hand-side variables crossed into group
    /// codes (numeric variables by their distinct values, as `survfit`).
    func groupingFrame<Response: Sendable>(
        _ response: Response, _ used: (rows: [Int], accounting: RowAccounting, warnings: [String]),
        clusterWarnings: ([Int]?) throws -> [String] = { _ in [] }
    ) throws -> GroupingFrame<Response> {
        let groupVariables = formula.variableOrder.filter { v in formula.terms.contains { $0.variables.contains(v) } }
        var groups: Grouping? = nil
        if let shared = try sharedCategoricalGrouping(groupVariables, rows: used.rows) {
            groups = shared
            try checkGroupCount(groups, variables: groupVariables.map(\.label), what: "groups")
        } else if !groupVariables.isEmpty {
            let codings = try factorCodings(rows: used.rows)
            var factors: [(name: String, coding: FactorCoding)] = []
            for v in groupVariables {
                if let c = codings[v] {
                    factors.append((v.baseName, c))
                } else {
                    let values = try numeric(v, rows: used.rows)
                    var coding = FactorCoding(column: .numeric(values), rows: Array(values.indices))
                    if let reference = options.references[v.baseName], !coding.relevel(reference) {
                        throw unknownReference(v.baseName, reference, coding)
                    }
                    factors.append((v.baseName, coding))
                }
            }
            groups = Grouping(factors: factors, count: used.rows.count)
            try checkGroupCount(groups, variables: groupVariables.map(\.label), what: "groups")
        }
        let extras = try extraColumns(rows: used.rows)
        try checkGroupCount(extras.strata, variables: formula.strata.map { "strata(\($0))" }, what: "strata")
        var frame = GroupingFrame(
            response: response, groups: groups, strata: extras.strata, cluster: extras.cluster,
            offset: extras.offset, weights: extras.weights, rowIndex: used.rows, rows: used.accounting,
            warnings: used.warnings + (try clusterWarnings(extras.cluster)))
        frame.origin = cohort.origin
        frame.counts = options.counts == nil ? nil : extras.weights
        frame.origin.input.counts = options.counts
        return frame
    }

    /// Codes of a strata or cluster column over the used rows.
    func groupingCoding(_ name: String, rows: [Int]) -> FactorCoding {
        guard let column = cohort.column(named: name) else { return FactorCoding(column: .numeric([]), rows: []) }
        return FactorCoding(column: column, rows: rows)
    }

    /// Strata codes, with a `--reference` level moved first.
    func strataCoding(_ name: String, rows: [Int]) throws -> FactorCoding {
        var coding = groupingCoding(name, rows: rows)
        if let reference = options.references[name], !coding.relevel(reference) {
            throw unknownReference(name, reference, coding)
        }
        return coding
    }

    func unknownReference(_ name: String, _ reference: String, _ coding: FactorCoding) -> CohortError {
        CohortError(
            .unknownLevel, file: cohort.fileName, column: name,
            columnPosition: cohort.position(of: name),
            message: "reference level \"\(reference)\" not found; levels are "
                + coding.labels.map { "\"\($0)\"" }.joined(separator: ", "))
    }
}
