/// A table of strings rendered as aligned plain text or as a Markdown pipe table.
///
/// A first column with an empty header (row labels) is left-aligned; every
/// other column is right-aligned, as R prints matrices and data frames.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// Aligned plain text, columns separated by two spaces, no trailing spaces.
    public func text(indent: String = "") -> String {
        let all = [header] + rows
        let n = header.count
        let leftAlignFirst = header.first == ""
        var width = [Int](repeating: 0, count: n)
        for r in all { for (j, cell) in r.prefix(n).enumerated() { width[j] = max(width[j], cell.count) } }
        return all.map { r in
            let cells = (0..<n).map { j -> String in
                let cell = j < r.count ? r[j] : ""
                let pad = String(repeating: " ", count: width[j] - cell.count)
                return j == 0 && leftAlignFirst ? cell + pad : pad + cell
            }
            var line = indent + cells.joined(separator: "  ")
            while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// A Markdown pipe table (numbers right-aligned).
    public func markdown() -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["| " + header.map(esc).joined(separator: " | ") + " |"]
        let leftAlignFirst = header.first == ""
        lines.append("|" + header.indices.map { $0 == 0 && leftAlignFirst ? " :--- |" : " ---: |" }.joined())
        for r in rows { lines.append("| " + r.map(esc).joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rendered in `format` (`json` is not a table format and falls back to text).
    public func render(_ format: ReportFormat) -> String {
        format == .markdown ? markdown() : text()
    }
}
