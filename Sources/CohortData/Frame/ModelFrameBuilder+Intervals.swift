extension ModelFrameBuilder {
    /// The `survcheck`-style check of counting-process data with a cluster,
    /// as `options.overlappingIntervals` asks: an error at the first overlap,
    /// or warnings with the counts of overlaps and gaps.
    func intervalWarnings(_ response: SurvivalResponse, cluster: [Int]?, rows: [Int]) throws -> [String] {
        guard let rule = options.overlappingIntervals, let start = response.start, let cluster,
            case .counting(_, let stopExpression, _)? = formula.response, let id = formula.cluster
        else { return [] }
        let check = CountingProcessCheck(start: start, stop: response.stop, cluster: cluster, rowIndex: rows)
        var warnings: [String] = []
        if let (a, b) = check.firstOverlap, let k = rows.firstIndex(of: a), let j = rows.firstIndex(of: b) {
            let subject = cohort.column(named: id)?.text(at: a) ?? "?"
            let shown = { (i: Int) in
                "(\(NumberFormatting.label(start[i])), \(NumberFormatting.label(response.stop[i]))]"
            }
            let first = "\(id) \(subject): \(shown(k)) on line \(cohort.line(ofRow: a)) and \(shown(j)) on line"
                + " \(cohort.line(ofRow: b)) overlap"
            let counts = "\(check.overlappingSubjects) subject\(check.overlappingSubjects == 1 ? "" : "s") with"
                + " overlapping intervals\(check.duplicatedRows > 0 ? ", \(check.duplicatedRows) duplicated row\(check.duplicatedRows == 1 ? "" : "s")" : "")"
            switch rule {
            case .refuse:
                throw cohort.error(
                    .invalidValue, row: b, column: stopExpression.variables.first,
                    "\(first): a subject's (start, stop] intervals must not overlap (\(counts)); remove duplicated rows"
                        + " or fix the times")
            case .warn:
                warnings.append("\(counts), e.g. \(first); each overlap is at risk twice (R's coxph fits them as given)")
            }
        }
        if let gaps = check.gapWarning { warnings.append(gaps) }
        return warnings
    }
}
