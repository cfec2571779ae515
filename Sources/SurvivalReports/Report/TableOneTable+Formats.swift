import SurvivalModels

extension TableOneTable {
    /// Table 1 as a file of its own, in the formats of the publication tables
    /// (`survkit report --bundle` writes `tables/table1.*`): the grid of
    /// ``table(_:continuous:timeUnit:labels:levelLabels:)`` under `caption`,
    /// then ``note(_:continuous:)``.
    ///
    /// - text: the caption, the aligned grid, the note;
    /// - markdown: a pandoc caption (`Table: …`), the pipe table (levels
    ///   indented with `&emsp;`), the note; Word is made from it by pandoc;
    /// - html: a self-contained `<table>` with the caption, levels indented,
    ///   numbers right-aligned, the note in `<tfoot>`;
    /// - csv: RFC 4180 records: the caption, the header `Variable,Level,…`,
    ///   one record per row (a level repeats its variable), the note;
    /// - latex: a booktabs `table` (levels indented by `\quad`), the note in a
    ///   footnote-size paragraph.
    public static func render(
        _ d: CohortDescription, format: PublicationTableFormat, caption: String,
        continuous: ContinuousSummary = .median, timeUnit: String? = nil
    ) -> String {
        let grid = table(d, continuous: continuous, timeUnit: timeUnit)
        let note = note(d, continuous: continuous)
        // A row whose label starts with two spaces is a level (or the missing count) of the variable above.
        let rows = grid.rows.map { row -> (level: Bool, cells: [String]) in
            guard let first = row.first, first.hasPrefix("  ") else { return (false, row) }
            return (true, [String(first.dropFirst(2))] + row.dropFirst())
        }
        let header = ["Characteristic"] + grid.header.dropFirst()
        switch format {
        case .text:
            return caption + "\n\n" + grid.text() + "\n" + note + "\n"
        case .markdown:
            return markdown(header: header, rows: rows, caption: caption, note: note)
        case .html:
            return html(header: header, rows: rows, caption: caption, note: note)
        case .csv:
            return csv(header: header, rows: rows, caption: caption, note: note)
        case .latex:
            return latex(header: header, rows: rows, caption: caption, note: note)
        }
    }

    static func markdown(header: [String], rows: [(level: Bool, cells: [String])], caption: String, note: String)
        -> String
    {
        let esc = PublicationTable.markdownEscaped
        var out = "Table: " + esc(caption) + ".\n\n"
        out += "| " + header.map(esc).joined(separator: " | ") + " |\n"
        out += "|:---|" + String(repeating: "---:|", count: header.count - 1) + "\n"
        for row in rows {
            var c = row.cells.map(esc)
            if row.level { c[0] = "&emsp;" + c[0] }
            out += "| " + c.joined(separator: " | ") + " |\n"
        }
        return out + "\n" + esc(note) + "\n"
    }

    static func html(header: [String], rows: [(level: Bool, cells: [String])], caption: String, note: String) -> String {
        let esc = PublicationTable.htmlEscaped
        var out = "<table class=\"survkit-table\" style=\"border-collapse: collapse\">\n"
        out += "<caption>" + esc(caption) + "</caption>\n<thead>\n<tr>"
        for (j, h) in header.enumerated() {
            out += "<th scope=\"col\" style=\"text-align: \(j == 0 ? "left" : "right")\">" + esc(h) + "</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (j, c) in row.cells.enumerated() {
                let style = j == 0 ? (row.level ? " style=\"padding-left: 1.5em\"" : "") : " style=\"text-align: right\""
                out += "<td\(style)>" + esc(c) + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n<tfoot>\n<tr><td colspan=\"\(header.count)\">" + esc(note) + "</td></tr>\n</tfoot>\n</table>\n"
        return out
    }

    static func csv(header: [String], rows: [(level: Bool, cells: [String])], caption: String, note: String) -> String {
        let width = header.count + 1
        func padded(_ first: String) -> [String] { [first] + Array(repeating: "", count: width - 1) }
        var records = [padded(caption), ["Variable", "Level"] + header.dropFirst()]
        var variable = ""
        for row in rows {
            if row.level {
                records.append([variable, row.cells[0]] + row.cells.dropFirst())
            } else {
                variable = row.cells[0]
                records.append([variable, ""] + row.cells.dropFirst())
            }
        }
        records.append(padded(note))
        return records.map { $0.map(PublicationTable.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    static func latex(header: [String], rows: [(level: Bool, cells: [String])], caption: String, note: String) -> String {
        let esc = PublicationTable.latexEscaped
        var out = "\\begin{table}[htbp]\n\\centering\n\\caption{" + esc(caption) + ".}\n"
        out += "\\begin{tabular}{l" + String(repeating: "r", count: header.count - 1) + "}\n\\toprule\n"
        out += header.map(esc).joined(separator: " & ") + " \\\\\n\\midrule\n"
        for row in rows {
            var c = row.cells.map(esc)
            if row.level { c[0] = "\\quad " + c[0] }
            out += c.joined(separator: " & ") + " \\\\\n"
        }
        out += "\\bottomrule\n\\end{tabular}\n\\par\\smallskip\n{\\footnotesize " + esc(note) + "}\n\\end{table}\n"
        return out
    }
}
