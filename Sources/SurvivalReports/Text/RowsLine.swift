import CohortData

/// The one line every text and Markdown report gives on its rows, so that no
/// row is lost silently: read, excluded by `--subset`, dropped by reason, used
/// (the JSON `rows` object in words). With `--landmark` a line before it
/// states the landmark and its exclusions; with `--tdc` it gives the intervals
/// the rows were split into (used and dropped then count intervals); with
/// `--counts` the subjects the used rows stand for.
enum RowsLine {
    static func render(_ rows: RowAccounting, format: ReportFormat) -> String {
        var parts = ["\(rows.read) read"]
        if let intervals = rows.intervals { parts.append("split into \(intervals) intervals (--tdc)") }
        var landmarkLine = ""
        if let landmark = rows.landmark {
            let t = NumberFormatting.label(landmark.time)
            let head = "Landmark at \(t):"
            landmarkLine = "\n\(format == .markdown ? "**\(head)**" : head) \(landmark.excluded)"
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
        parts.append(rows.intervals == nil ? "\(rows.used) used" : "\(rows.used) intervals used")
        if let subjects = rows.subjects {
            parts[parts.count - 1] += " standing for \(subjects) subject\(subjects == 1 ? "" : "s") (--counts)"
        }
        let label = format == .markdown ? "**Rows:**" : "Rows:"
        return landmarkLine + "\n\(label) " + parts.joined(separator: ", ") + ".\n"
    }
}
