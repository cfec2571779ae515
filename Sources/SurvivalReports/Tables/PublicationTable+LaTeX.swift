extension PublicationTable {
    /// A LaTeX `table` with a booktabs `tabular` (`\usepackage{booktabs}`):
    /// the caption and the call in `\caption`, `\toprule`/`\midrule`/`\bottomrule`,
    /// level rows indented by `\quad`, the interval dash `--`, the notes in a
    /// footnote-size paragraph under the tabular.
    func renderLaTeX(_ cells: Cells) -> String {
        var out = "\\begin{table}[htbp]\n\\centering\n"
        out += "\\caption{" + Self.latexEscaped(cells.caption) + "."
        if let call { out += " Call: \\texttt{" + Self.latexEscaped(call) + "}" }
        out += "}\n\\begin{tabular}{lrrlr}\n\\toprule\n"
        var header = cells.header.map(Self.latexEscaped)
        header[4] = "\\textit{p}"
        out += header.joined(separator: " & ") + " \\\\\n\\midrule\n"
        for line in cells.lines {
            var c = line.cells.map(Self.latexEscaped)
            if line.kind == .level { c[0] = "\\quad " + c[0] }
            out += c.joined(separator: " & ") + " \\\\\n"
        }
        out += "\\bottomrule\n\\end{tabular}\n"
        var notes = [Self.latexEscaped(cells.abbreviations)]
        if let note = jointNote(cells, chi: "\u{1}") {
            notes.append(Self.latexEscaped(note).replacingOccurrences(of: "\u{1}", with: "$\\chi^2$"))
        }
        out += "\\par\\smallskip\n{\\footnotesize " + notes.joined(separator: " ") + "}\n\\end{table}\n"
        return out
    }

    /// Text safe in LaTeX's text mode: the special characters as commands,
    /// the en dash as `--`, `<`/`>` as `\textless{}`/`\textgreater{}`.
    static func latexEscaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\" + String(ch)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "–": out += "--"
            case "—": out += "---"
            case "\"": out += "\\textquotedbl{}"
            default: out.append(ch)
            }
        }
        return out
    }
}
