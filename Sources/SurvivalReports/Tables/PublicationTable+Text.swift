extension PublicationTable {
    /// Plain text: the caption and call, then aligned columns (labels and
    /// estimates left-aligned, N, events and p right-aligned; levels indented
    /// by two spaces), then the notes.
    func renderText(_ cells: Cells) -> String {
        var out = cells.caption + "\n"
        if let call { out += "Call: \(call)\n" }
        out += "\n"
        let all = [cells.header] + cells.lines.map { line in
            line.kind == .level ? ["  " + line.cells[0]] + line.cells.dropFirst() : line.cells
        }
        var width = [Int](repeating: 0, count: cells.header.count)
        for r in all { for (j, c) in r.enumerated() { width[j] = max(width[j], c.count) } }
        let rightAligned: Set<Int> = [1, 2, 4]
        for r in all {
            var line = r.enumerated().map { j, c in
                let pad = String(repeating: " ", count: width[j] - c.count)
                return rightAligned.contains(j) ? pad + c : c + pad
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        out += "\n" + cells.abbreviations + "\n"
        if let note = jointNote(cells, chi: "χ²") { out += note + "\n" }
        return out
    }
}
