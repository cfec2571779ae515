extension ModelFrameBuilder {
    /// The columns only the response reads: the time, start and status columns
    /// that no term, `strata()`, `cluster()`, `offset()` or the weights also name.
    var responseOnlyColumns: Set<String> {
        var response: [String] = []
        switch formula.response {
        case .rightCensored(let time, let status)?: response = time.variables + status.variables
        case .counting(let start, let stop, let status)?: response = start.variables + stop.variables + status.variables
        case .interval(let left, let right)?: response = left.variables + right.variables
        case .outcome(let e)?: response = e.variables
        case nil: break
        }
        var later = Set(formula.variableOrder.flatMap(\.columns))
        later.formUnion(formula.strata)
        if let cluster = formula.cluster { later.insert(cluster) }
        if let frailty = formula.frailty { later.insert(frailty.column) }
        later.formUnion(formula.offsets.flatMap(\.variables))
        if let weights = options.weights { later.insert(weights) }
        if let counts = options.counts { later.insert(counts) }
        return Set(response).subtracting(later)
    }

    /// Frees the response-only columns of the builder's copy of the cohort
    /// once the response is built, so that a large file's status column
    /// (8 bytes a row) is not resident next to the frame's codes. When the
    /// cohort was handed over (`Formula.groupingFrame(on:options:)` consumes
    /// it and `survkit` keeps no other copy) the storage is returned at once;
    /// otherwise the caller's copy keeps it and nothing changes.
    mutating func releaseResponseColumns() {
        cohort.releaseStorage(ofColumns: responseOnlyColumns)
    }
}
