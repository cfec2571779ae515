/// The formats a publication table is written in (`--format` of the
/// commands with a regression table; Word is made from the Markdown by pandoc).
public enum PublicationTableFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    case html
    case csv
    case latex
}

extension PublicationTable {
    /// The table as cells, the same in every format: the column headers
    /// (`Characteristic`, `N`, `Events`, `HR (95% CI)`, `p`), one line of cells
    /// per row, the caption and the notes. Renderers only lay these out (and
    /// escape them).
    struct Cells {
        var header: [String]
        var lines: [(kind: RowKind, cells: [String])]
        /// "Cox proportional hazards (n = 227, events = 164)".
        var caption: String
        /// The abbreviations: "HR: hazard ratio; CI: confidence interval."
        var abbreviations: String
        /// One entry per joint test: the factor's label, χ², df and p as written.
        var jointTests: [(label: String, chisq: String, df: Int, p: String)]
    }

    func cells(_ style: PublicationTableStyle) -> Cells {
        let level = NumberFormat.significant(confLevel * 100, 3)
        let header = ["Characteristic", "N", eventsName, "\(ratioName) (\(level)% CI)", "p"]
        let lines = rows.map { row -> (kind: RowKind, cells: [String]) in
            let p = row.kind == .factor ? style.pValue(row.joint?.p) : style.pValue(row.p)
            let n = row.n.map(String.init) ?? ""
            return (row.kind, [row.label, n, style.count(row.events), style.estimate(row), p])
        }
        let joint = rows.compactMap { row -> (label: String, chisq: String, df: Int, p: String)? in
            guard let j = row.joint else { return nil }
            return (row.label, NumberFormat.fixed(j.chisq, 2), j.df, style.pValue(j.p))
        }
        return Cells(
            header: header, lines: lines, caption: "\(title) (n = \(n), events = \(style.count(events)))",
            abbreviations: "\(ratioName): \(ratioMeaning); CI: confidence interval.", jointTests: joint)
    }

    /// The note on the joint tests, with `chi` as the format writes χ² and
    /// `p` how it writes an italic p (plain by default).
    func jointNote(_ cells: Cells, chi: String, equals: String = " = ") -> String? {
        guard !cells.jointTests.isEmpty else { return nil }
        let tests = cells.jointTests.map { t in
            let p = t.p.hasPrefix("<") || t.p.hasPrefix(">") ? "p \(t.p)" : "p\(equals)\(t.p)"
            return "\(t.label) \(chi)\(equals)\(t.chisq), \(t.df) df, \(p)"
        }
        return "p on a factor's row: Wald test of all its coefficients (" + tests.joined(separator: "; ") + ")."
    }

    /// The table in `format`, numbers as `style` writes them.
    public func render(_ format: PublicationTableFormat, style: PublicationTableStyle = .init()) -> String {
        let cells = cells(style)
        switch format {
        case .text: return renderText(cells)
        case .markdown: return renderMarkdown(cells)
        case .html: return renderHTML(cells)
        case .csv: return renderCSV(cells)
        case .latex: return renderLaTeX(cells)
        }
    }
}
