extension PublicationTable {
    /// A self-contained HTML `<table>` (no stylesheet needed): the caption
    /// and the call in `<caption>`, a header row, level rows indented by
    /// `padding-left`, numbers right-aligned, the notes in `<tfoot>`.
    func renderHTML(_ cells: Cells) -> String {
        let right = [false, true, true, false, true]
        func td(_ j: Int, _ text: String, indent: Bool = false) -> String {
            var styles: [String] = []
            if right[j] { styles.append("text-align: right") }
            if indent { styles.append("padding-left: 1.5em") }
            let attribute = styles.isEmpty ? "" : " style=\"\(styles.joined(separator: "; "))\""
            return "<td\(attribute)>\(Self.htmlEscaped(text))</td>"
        }
        var out = "<table class=\"survkit-table\" style=\"border-collapse: collapse\">\n"
        out += "<caption>" + Self.htmlEscaped(cells.caption)
        if let call { out += "<br>Call: <code>" + Self.htmlEscaped(call) + "</code>" }
        out += "</caption>\n<thead>\n<tr>"
        for (j, h) in cells.header.enumerated() {
            out += "<th scope=\"col\"\(right[j] ? " style=\"text-align: right\"" : " style=\"text-align: left\"")>"
                + Self.htmlEscaped(h) + "</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for line in cells.lines {
            out += "<tr>" + line.cells.enumerated().map { j, c in td(j, c, indent: j == 0 && line.kind == .level) }
                .joined() + "</tr>\n"
        }
        out += "</tbody>\n<tfoot>\n"
        out += "<tr><td colspan=\"\(cells.header.count)\">" + Self.htmlEscaped(cells.abbreviations) + "</td></tr>\n"
        if let note = jointNote(cells, chi: "χ²") {
            out += "<tr><td colspan=\"\(cells.header.count)\">" + Self.htmlEscaped(note) + "</td></tr>\n"
        }
        out += "</tfoot>\n</table>\n"
        return out
    }

    /// `&`, `<`, `>` and `"` as entities.
    static func htmlEscaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
