import CohortData

/// Renders a `DataDescription`: one line per column (name, type, missing,
/// distinct, range or top levels, label), then any notes on columns that look
/// like numbers read as text.
public enum DataDescriptionReport {
    public static func render(_ d: DataDescription, format: ReportFormat) throws -> String {
        if format == .json { return try JSONReport.render(d) }
        let md = format == .markdown
        var out = md ? "## Columns of \(d.data)\n\n" : "Columns of \(d.data)\n\n"
        var how = "\(d.rows.read) rows, \(d.columns.count) columns; \(d.input.format.rawValue)"
        if let delimiter = d.input.delimiter { how += ", delimiter \(delimiter == "\t" ? "tab" : "\"\(delimiter)\"")" }
        if let decimal = d.input.decimal { how += ", decimal \"\(decimal)\"" }
        if let encoding = d.input.encoding { how += ", encoding \(encoding)" }
        if let dateFormat = d.input.dateFormat { how += ", dates \(dateFormat)" }
        out += how + "\n\n"
        var t = TextTable(header: ["column", "type", "missing", "distinct", "range / top levels", "label"])
        for c in d.columns {
            t.append([c.name, c.type.rawValue, "\(c.missing)", "\(c.distinct)", summary(c), c.label ?? ""])
        }
        out += t.render(format)
        let notes = d.columns.compactMap { c in c.note.map { "\(c.name): \($0)" } }
        if !notes.isEmpty {
            out += md ? "\n**Columns of numbers read as text**\n\n" : "\nColumns of numbers read as text:\n"
            out += notes.map { md ? "- \($0)\n" : "  - \($0)\n" }.joined()
        }
        return out
    }

    private static func summary(_ c: ColumnDescription) -> String {
        if let levels = c.levels {
            let shown = levels.prefix(5).map { "\($0.level) (\($0.count))" }.joined(separator: ", ")
            return c.distinct > 5 ? shown + ", ..." : shown
        }
        guard let lo = c.min, let hi = c.max else { return "" }
        return "\(text(lo)) – \(text(hi))"
    }

    private static func text(_ b: ColumnDescription.Bound) -> String {
        switch b {
        case .number(let x): return NumberFormat.significant(x)
        case .date(let d): return d
        }
    }
}
