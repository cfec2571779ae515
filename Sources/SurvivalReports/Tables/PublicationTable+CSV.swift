extension PublicationTable {
    /// CSV as RFC 4180 (CRLF line ends; a field with a comma, quote, line
    /// break or edge space quoted, quotes doubled), six fields a record:
    ///
    /// 1. a caption record: the caption and the call in the first field, the others empty;
    /// 2. the header `Variable,Level,N,Events,HR (95% CI),p`;
    /// 3. one record per row: a factor's header row has an empty Level (and
    ///    the joint p), its level rows repeat the variable so the rows sort and
    ///    filter in a spreadsheet;
    /// 4. the notes, each a record with the note in the first field.
    func renderCSV(_ cells: Cells) -> String {
        let width = cells.header.count + 1
        var records: [[String]] = []
        func padded(_ first: String) -> [String] { [first] + Array(repeating: "", count: width - 1) }
        records.append(padded(cells.caption + (call.map { ". Call: \($0)" } ?? "")))
        records.append(["Variable", "Level"] + cells.header.dropFirst())
        var variable = ""
        for line in cells.lines {
            switch line.kind {
            case .factor:
                variable = line.cells[0]
                records.append([variable, ""] + line.cells.dropFirst())
            case .single:
                records.append([line.cells[0], ""] + line.cells.dropFirst())
            case .level:
                records.append([variable, line.cells[0]] + line.cells.dropFirst())
            }
        }
        records.append(padded(cells.abbreviations))
        if let note = jointNote(cells, chi: "χ²") { records.append(padded(note)) }
        return records.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    static func csvField(_ s: String) -> String {
        let needsQuotes = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || s.hasPrefix(" ") || s.hasSuffix(" ")
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
