import SurvivalNumerics

extension ModelFrameBuilder {
    /// The complete cases among `candidates` (the rows the subset keeps):
    /// the used rows; each dropped row counted once, under its first missing
    /// column in formula order (`dropped`, keyed `"missing: <column>"`, which
    /// sums to the rows dropped); and, exactly, how many rows miss each column
    /// (`missingByColumn`). Columns read only where NA can give a value
    /// (`is.na`, `%in%`, `&`, `|`, `ifelse`) are judged by the result instead,
    /// as R's model.frame (`ModelFrameBuilder+Derived.swift`).
    func completeCases(among candidates: [Int]) -> (
        used: [Int], dropped: [String: Int], order: [String], missingByColumn: [String: Int], firstDroppedLine: Int?
    ) {
        let absorbed = naAbsorbingColumns.union(intervalOnlyColumns)
        let names = columnsUsed.filter { !absorbed.contains($0) }
        let columns = names.compactMap { cohort.column(named: $0) }
        var first = [Int](repeating: 0, count: columns.count)
        var exact = [Int](repeating: 0, count: columns.count)
        // Every row a candidate and no column missing anything (the rule in a
        // clean extract): the used rows are the candidates, with no per-row
        // marks to allocate.
        if candidates.count == cohort.rowCount, Self.noneMissing(columns) {
            var none: [String: Int] = [:]
            for name in names { none[name] = 0 }
            return (candidates, [:], [], none, nil)
        }
        // Column by column (a tight pass over each column's storage), the
        // first missing column of each candidate row; then the rows with none.
        // With no row dropped the used rows are the candidates themselves.
        var missingAt = [Int32](repeating: -1, count: candidates.count)
        for (k, c) in columns.enumerated() {
            missingAt.withUnsafeMutableBufferPointer { at in
                candidates.withUnsafeBufferPointer { rows in
                    func mark(_ q: Int) {
                        exact[k] += 1
                        if at[q] < 0 { at[q] = Int32(k) }
                    }
                    switch c {
                    case .numeric(let v), .date(let v):
                        v.withUnsafeBufferPointer { p in for q in 0..<rows.count where p[rows[q]].isNaN { mark(q) } }
                    case .categorical(let codes, _):
                        codes.withUnsafeBufferPointer { p in for q in 0..<rows.count where p[rows[q]] < 0 { mark(q) } }
                    }
                }
            }
        }
        var used: [Int] = []
        var firstDropped: Int?
        for (q, row) in candidates.enumerated() {
            let k = Int(missingAt[q])
            if k < 0 {
                if firstDropped != nil { used.append(row) }
            } else {
                first[k] += 1
                if firstDropped == nil {
                    firstDropped = row
                    used.reserveCapacity(candidates.count - 1)
                    used.append(contentsOf: candidates[0..<q])
                }
            }
        }
        if firstDropped == nil { used = candidates }
        var dropped: [String: Int] = [:]
        var order: [String] = []
        var missingByColumn: [String: Int] = [:]
        for (k, name) in names.enumerated() {
            missingByColumn[name] = exact[k]
            if first[k] > 0 {
                dropped["missing: \(name)"] = first[k]
                order.append(name)
            }
        }
        return (used, dropped, order, missingByColumn, firstDropped.map { cohort.line(ofRow: $0) })
    }

    /// Whether no value of `columns` is missing: the columns counted side by
    /// side on all cores when they are long (a registry extract's 20 columns
    /// of a million rows are 160 MB to read).
    static func noneMissing(_ columns: [Column]) -> Bool {
        guard let n = columns.first?.count, n * columns.count >= 1 << 20 else {
            return columns.allSatisfy { $0.missingCount == 0 }
        }
        var missing = [Int](repeating: 0, count: columns.count)
        missing.withUnsafeMutableBufferPointer { out in
            let shared = UncheckedSendable((out, columns))
            ParallelLoop.run(columns.count, threads: ParallelLoop.coreCount) { k in
                let (out, columns) = shared.value
                out[k] = columns[k].missingCount
            }
        }
        return missing.allSatisfy { $0 == 0 }
    }

    /// The columns whose missing values drop a row: the formula's, then the
    /// weights (or counts), then the options' `requiredColumns`.
    var columnsUsed: [String] {
        var names = formula.columnsUsed
        if let w = options.weights, !names.contains(w) { names.append(w) }
        if let c = options.counts, !names.contains(c) { names.append(c) }
        for c in options.requiredColumns where !names.contains(c) { names.append(c) }
        return names
    }

    /// Case weights over the used rows; an error names the row of the first
    /// weight that is not finite and positive. With `--counts` the counts
    /// (checked by `frequencyCounts(among:)`): frequency weights.
    func caseWeights(rows: [Int]) throws -> [Double]? {
        if options.counts != nil { return try frequencyCounts(among: rows).counts }
        guard let name = options.weights else { return nil }
        let all = try numericColumn(name, as: "a case weight")
        return try rows.map { row in
            let w = all[row]
            guard w.isFinite && w > 0 else {
                throw cohort.error(.invalidValue, row: row, column: name, "expected a positive case weight, found \(NumberFormatting.label(w))")
            }
            return w
        }
    }
}
