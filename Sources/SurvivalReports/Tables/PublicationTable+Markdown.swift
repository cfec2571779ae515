extension PublicationTable {
    /// A Markdown pipe table with a pandoc caption (`Table: …`, which pandoc
    /// turns into the table's caption and GitHub shows as a paragraph) giving
    /// the call; levels indented with an em space (`&emsp;`); the notes after it.
    /// `survkit … --format docx` hands this text to pandoc.
    func renderMarkdown(_ cells: Cells) -> String {
        var out = "Table: " + Self.markdownEscaped(cells.caption) + "."
        if let call { out += " Call: " + Self.codeSpan(call) }
        out += "\n\n"
        out += "| " + cells.header.map(Self.markdownEscaped).joined(separator: " | ") + " |\n"
        out += "|:---|---:|---:|:---|---:|\n"
        for line in cells.lines {
            var c = line.cells.map(Self.markdownEscaped)
            if line.kind == .level { c[0] = "&emsp;" + c[0] }
            out += "| " + c.joined(separator: " | ") + " |\n"
        }
        out += "\n" + Self.markdownEscaped(cells.abbreviations) + "\n"
        if let note = jointNote(cells, chi: "χ²") { out += "\n" + Self.markdownEscaped(note) + "\n" }
        return out
    }

    /// Text safe in a Markdown table cell or paragraph: `\`, `|`, `*`, `_`
    /// at a word edge and `` ` `` escaped, `<` before a letter (an HTML tag) too.
    static func markdownEscaped(_ s: String) -> String {
        var out = ""
        let chars = Array(s)
        for (k, ch) in chars.enumerated() {
            switch ch {
            case "\\", "|", "*", "`": out += "\\" + String(ch)
            case "<" where k + 1 < chars.count && (chars[k + 1].isLetter || chars[k + 1] == "/" || chars[k + 1] == "!"):
                out += "\\<"
            case "_":
                let before = k > 0 && (chars[k - 1].isLetter || chars[k - 1].isNumber)
                let after = k + 1 < chars.count && (chars[k + 1].isLetter || chars[k + 1].isNumber)
                out += before && after ? "_" : "\\_"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A Markdown code span holding `s`, fenced with more backticks than `s` has in a row.
    static func codeSpan(_ s: String) -> String {
        var longest = 0
        var run = 0
        for ch in s {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = s.hasPrefix("`") || s.hasSuffix("`") ? " " : ""
        return fence + pad + s + pad + fence
    }
}
