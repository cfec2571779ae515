extension Cohort {
    /// The most frequent levels listed for a categorical column.
    public static let describedTopLevels = 10

    /// One `ColumnDescription` per column, in file order.
    public func columnDescriptions() -> [ColumnDescription] {
        names.indices.map { k in describeColumn(k) }
    }

    private func describeColumn(_ k: Int) -> ColumnDescription {
        let name = names[k]
        let column = columns[k]
        var d = ColumnDescription(
            name: name, type: .number, missing: column.missingCount, distinct: 0, label: variableLabels[name])
        switch column {
        case .numeric(let v), .date(let v):
            let present = v.filter { !$0.isNaN }
            d.distinct = Set(present).count
            if case .date = column {
                d.type = .date
                d.min = present.min().map { .date(ISODate.format(dayNumber: Int($0))) }
                d.max = present.max().map { .date(ISODate.format(dayNumber: Int($0))) }
            } else {
                d.min = present.min().map { .number($0) }
                d.max = present.max().map { .number($0) }
            }
        case .categorical(let codes, let levels):
            d.type = .categorical
            var counts = [Int](repeating: 0, count: levels.count)
            for c in codes where c >= 0 { counts[Int(c)] += 1 }
            d.distinct = counts.filter { $0 > 0 }.count
            let order = levels.indices.filter { counts[$0] > 0 }.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
            d.levels = order.prefix(Self.describedTopLevels).map { .init(level: levels[$0], count: counts[$0]) }
            d.note = numberLikeNote(codes: codes, levels: levels)
        }
        return d
    }

    /// "227 of 228 values are numbers; not numbers: line 17 "unknown"" for a
    /// text column of mostly numbers (decimal commas included); `nil` otherwise.
    private func numberLikeNote(codes: [Int32], levels: [String]) -> String? {
        let found = NonNumericValues(codes: codes, levels: levels)
        guard found.mostlyNumbers else { return nil }
        let listed = found.offending.map { "line \(line(ofRow: $0.row)) \"\($0.token)\"" }.joined(separator: ", ")
        let hidden = found.offendingCount - found.offending.count
        var note = "\(found.numbers) of \(found.nonMissing) values are numbers; not numbers: \(listed)"
            + (hidden > 0 ? " and \(hidden) more" : "")
        if found.looksLikeDecimalComma { note += " (decimal commas: read the file with --decimal ,)" }
        return note
    }
}
