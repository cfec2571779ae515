import CohortData

/// The one line every text and Markdown report gives on its rows, so that no
/// row is lost silently: read, excluded by `--subset`, dropped by reason, used
/// (the JSON `rows` object in words).
enum RowsLine {
    static func render(_ rows: RowAccounting, format: ReportFormat) -> String {
        var parts = ["\(rows.read) read"]
        if let intervals = rows.intervals { parts.append("split into \(intervals) intervals (--tdc)") }
        var landmarkLine = ""
        if let landmark = rows.landmark {
            let t = NumberFormatting.label(landmark.time)
            landmarkLine = "\n\(format == .markdown ? "**Landmark:**" : "Landmark") at \(t): \(landmark.excluded)"
                + " subject\(landmark.excluded == 1 ? "" : "s") with time ≤ \(t) excluded; time measured from \(t).\n"
            let bySubset = rows.excludedBySubset - landmark.excluded
            if bySubset > 0 { parts.append("\(bySubset) excluded by the subset") }
            parts.append("\(landmark.excluded) excluded by the landmark")
        } else if rows.excludedBySubset > 0 {
            parts.append("\(rows.excludedBySubset) excluded by the subset")
        }
        if rows.droppedTotal > 0 {
            let reasons = rows.dropped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            parts.append("\(rows.droppedTotal) dropped (\(reasons.joined(separator: ", ")))")
        }
        parts.append("\(rows.used) used")
        let label = format == .markdown ? "**Rows:**" : "Rows:"
        return landmarkLine + "\n\(label) " + parts.joined(separator: ", ") + (rows.intervals == nil ? "" : " intervals") + ".\n"
    }
}
