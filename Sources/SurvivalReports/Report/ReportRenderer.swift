import SurvivalModels

/// Renders a `Report` as plain text (lines of at most 100 columns, aligned
/// tables, wide tables split into column blocks), Markdown, or JSON (the
/// report's `Codable` encoding).
public enum ReportRenderer {
    /// The widest line of a plain-text report.
    public static let textWidth = 100

    /// - Parameter figureLinks: figure file name (`km.svg`) → the path to link
    ///   it by from the Markdown file; figures without a link are not mentioned.
    public static func render(_ report: Report, format: ReportFormat, figureLinks: [String: String] = [:]) throws
        -> String
    {
        switch format {
        case .json: return try JSONReport.render(report)
        case .markdown: return markdown(ReportDocument(report), figureLinks: figureLinks)
        case .text: return text(ReportDocument(report))
        }
    }

    /// Plain text: title underlined with `=`, sections with `-`.
    public static func text(_ doc: ReportDocument) -> String {
        var out = doc.title + "\n" + String(repeating: "=", count: min(doc.title.count, textWidth)) + "\n\n"
        out += doc.overview.map { textBlock($0) }.joined(separator: "\n")
        for s in doc.sections {
            out += "\n" + s.heading + "\n" + String(repeating: "-", count: min(s.heading.count, textWidth)) + "\n\n"
            out += s.blocks.map { textBlock($0) }.joined(separator: "\n")
        }
        return out
    }

    /// The text of one block, ending in a newline.
    static func textBlock(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let p):
            return wrap(p, width: textWidth).joined(separator: "\n") + "\n"
        case .bullets(let items):
            return items.map { wrap("- " + $0, width: textWidth, indent: "  ").joined(separator: "\n") + "\n" }.joined()
        case .table(let t, let caption):
            var out = caption.map { $0 + "\n" } ?? ""
            out += t.wrapped(width: textWidth).map { $0.text() }.joined(separator: "\n")
            return out
        }
    }

    /// Markdown: `#` title, `##` sections, pipe tables, figures as image links.
    public static func markdown(_ doc: ReportDocument, figureLinks: [String: String] = [:]) -> String {
        var out = "# \(doc.title)\n\n" + doc.overview.map(markdownBlock).joined(separator: "\n")
        for s in doc.sections {
            out += "\n" + markdownSection(s, level: 2)
            if let f = s.figure, let link = figureLinks[f] {
                out += "\n![\(s.heading)](\(link))\n"
            }
        }
        return out
    }

    /// A section as Markdown (heading and blocks), without its figure.
    public static func markdownSection(_ s: ReportSection, level: Int) -> String {
        String(repeating: "#", count: level) + " \(s.heading)\n\n" + s.blocks.map(markdownBlock).joined(separator: "\n")
    }

    /// The Markdown of one block, ending in a newline.
    public static func markdownBlock(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let p): return p + "\n"
        case .bullets(let items): return items.map { "- \($0)\n" }.joined()
        case .table(let t, let caption):
            // Leading spaces (level rows under a variable) would collapse in Markdown.
            var t = t
            t.rows = t.rows.map { row in
                guard let first = row.first, first.hasPrefix("  ") else { return row }
                return ["&emsp;" + first.drop { $0 == " " }] + row.dropFirst()
            }
            return (caption.map { $0 + "\n\n" } ?? "") + t.markdown()
        }
    }

    /// Greedy word wrap; continuation lines start with `indent`.
    static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = (lines.isEmpty ? "" : indent) + word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = indent + word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
