import CohortData

/// The one line every text and Markdown report gives on its rows, so that no
/// row is lost silently: read, excluded by `--subset`, dropped by reason, used
/// (the JSON `rows` object in words).
enum RowsLine {
    static func render(_ rows: RowAccounting, format: ReportFormat) -> String {
        var parts = ["\(rows.read) read"]
        if rows.excludedBySubset > 0 { parts.append("\(rows.excludedBySubset) excluded by the subset") }
        if rows.droppedTotal > 0 {
            let reasons = rows.dropped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            parts.append("\(rows.droppedTotal) dropped (\(reasons.joined(separator: ", ")))")
        }
        parts.append("\(rows.used) used")
        let label = format == .markdown ? "**Rows:**" : "Rows:"
        return "\n\(label) " + parts.joined(separator: ", ") + ".\n"
    }
}
