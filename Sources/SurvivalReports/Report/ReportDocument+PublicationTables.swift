extension ReportDocument {
    /// A publication table (`survkit cox --table publication` and its
    /// siblings) as report blocks: the table under its caption ("Cox
    /// proportional hazards (n = 227, events = 164):"), levels indented under
    /// their factor, then the abbreviations and the note on the joint tests.
    /// The cells are the table's own (``PublicationTable/render(_:style:)``),
    /// at the default style (2 decimals, p at 3).
    static func publicationBlocks(_ table: PublicationTable, style: PublicationTableStyle = .init()) -> [ReportBlock] {
        let cells = table.cells(style)
        var t = TextTable(header: [""] + cells.header.dropFirst())
        for line in cells.lines {
            t.append([line.kind == .level ? "  " + line.cells[0] : line.cells[0]] + line.cells.dropFirst())
        }
        var notes = cells.abbreviations
        if let joint = table.jointNote(cells, chi: "χ²") { notes += " " + joint }
        return [.table(t, caption: cells.caption + ":"), .paragraph(notes)]
    }
}
