import SurvivalKit

extension FrameLoader {
    /// The columns an analysis reads, for a projected CSV read
    /// (`CSVOptions.columns`): the formula's (`Formula.columnsUsed`), the
    /// `--subset` expression's, `--weights`, `--counts`, each `--duration` NAME, FROM and
    /// TO (NAME so that a clash with a column of the file is still reported),
    /// and `extra` (columns a command's transform reads, e.g. `cif
    /// --competing-status`).
    ///
    /// Method. Options are parsed again here; when one does not parse, `nil`
    /// (read every column) so that the usual error is reported, unchanged, by
    /// the usual path.
    static func columnsUsed(by options: CohortOptions, extra: [String]) -> Set<String>? {
        guard let formula = try? Formula(options.formula) else { return nil }
        var columns = Set(formula.columnsUsed)
        if options.subset != nil {
            guard let subset = try? options.rowSubset() else { return nil }
            columns.formUnion(subset.columns)
        }
        if let weights = options.weights { columns.insert(weights) }
        if let counts = options.counts { columns.insert(counts) }
        for spec in options.durations {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            let fields = parts.count == 2 ? parts[1].split(separator: ":").map(String.init) : []
            guard parts.count == 2, fields.count == 2 || fields.count == 3 else { return nil }
            columns.formUnion([parts[0], fields[0], fields[1]])
        }
        columns.formUnion(extra)
        return columns
    }
}
