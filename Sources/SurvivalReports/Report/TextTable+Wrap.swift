extension TextTable {
    /// The table split into column blocks whose plain-text lines fit in
    /// `width` columns, each block repeating the label column (as R prints a
    /// wide matrix). A table that fits is returned whole.
    public func wrapped(width: Int) -> [TextTable] {
        let all = [header] + rows
        let n = header.count
        guard n > 1 else { return [self] }
        var colWidth = [Int](repeating: 0, count: n)
        for r in all { for (j, cell) in r.prefix(n).enumerated() { colWidth[j] = max(colWidth[j], cell.count) } }
        var blocks: [[Int]] = []
        var current: [Int] = []
        var used = colWidth[0]
        for j in 1..<n {
            let extra = 2 + colWidth[j]
            if !current.isEmpty && used + extra > width {
                blocks.append(current)
                current = []
                used = colWidth[0]
            }
            current.append(j)
            used += extra
        }
        if !current.isEmpty { blocks.append(current) }
        guard blocks.count > 1 else { return [self] }
        return blocks.map { cols in
            let pick = { (r: [String]) in [r.first ?? ""] + cols.map { $0 < r.count ? r[$0] : "" } }
            return TextTable(header: pick(header), rows: rows.map(pick))
        }
    }
}
