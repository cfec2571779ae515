import CohortData
import SurvivalModels

/// A `Report` laid out for reading: a title, an overview, and one section per
/// analysis step, each made of paragraphs and tables (already formatted text)
/// and optionally a figure. The text, Markdown and notebook renderers all
/// read this one layout, so they show the same numbers in the same words.
///
/// Numbers are rounded here for people (3–4 significant digits, p-values as
/// R's `format.pval`); the JSON report keeps full precision.
public struct ReportDocument: Sendable {
    public var title: String
    /// The overview paragraphs under the title (data, rows, formulas).
    public var overview: [ReportBlock]
    public var sections: [ReportSection]

    /// Lays out `report`.
    public init(_ report: Report) {
        title = report.title
        overview = Self.overview(report)
        sections = [Self.descriptionSection(report), Self.kaplanMeierSection(report)]
        if let s = Self.restrictedMeanSection(report) { sections.append(s) }
        if let s = Self.logRankSection(report) { sections.append(s) }
        if let s = Self.coxSection(report) { sections.append(s) }
        if let s = Self.cumulativeIncidenceSection(report) { sections.append(s) }
        if let s = Self.fineGraySection(report) { sections.append(s) }
        if let s = Self.meanCumulativeFunctionSection(report) { sections.append(s) }
        if let s = Self.ratesSection(report) { sections.append(s) }
        if !report.warnings.isEmpty {
            sections.append(ReportSection(id: "warnings", heading: "Warnings", blocks: [.bullets(report.warnings)]))
        }
    }
}

/// One step of a report: a heading, its content, the figure it draws and the
/// single-analysis `survkit` command that reproduces its numbers.
public struct ReportSection: Sendable {
    /// A stable identifier: `description`, `kaplan-meier`, `rmst`, `logrank`,
    /// `cox`, `cumulative-incidence`, `fine-gray`, `mcf`, `rates`, `warnings`.
    public var id: String
    public var heading: String
    public var blocks: [ReportBlock]
    /// The figure file name drawn for this section (`km.svg`), if any.
    public var figure: String?

    public init(id: String, heading: String, blocks: [ReportBlock], figure: String? = nil) {
        self.id = id
        self.heading = heading
        self.blocks = blocks
        self.figure = figure
    }
}

/// A piece of section content.
public enum ReportBlock: Sendable {
    /// A paragraph of prose (word-wrapped in text output).
    case paragraph(String)
    /// A table with an optional caption line above it.
    case table(TextTable, caption: String?)
    /// A bulleted list.
    case bullets([String])
}

extension ReportDocument {
    static func overview(_ r: Report) -> [ReportBlock] {
        var lines = ["Data: \(r.data) (\(r.rows.read) rows read, \(r.rows.used) used)."]
        if let subset = r.specification.subset {
            lines[0] = "Data: \(r.data) (\(r.rows.read) rows read, \(r.rows.excludedBySubset - (r.rows.landmark?.excluded ?? 0)) excluded by the subset"
                + " \(subset), \(r.rows.used) used)."
        }
        if let landmark = r.rows.landmark {
            let t = NumberFormatting.label(landmark.time)
            lines.append("Landmark at \(t): \(landmark.excluded) subject\(landmark.excluded == 1 ? "" : "s") with time ≤ \(t)"
                + " excluded; time measured from \(t).")
        }
        if let tdc = r.specification.timeDependent, !tdc.isEmpty {
            lines.append("Cox model with time-dependent covariates \(tdc.joined(separator: ", ")) (rows split at the switch times).")
        }
        if r.rows.droppedTotal > 0 {
            let reasons = r.rows.dropped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            lines.append("Dropped: \(reasons.joined(separator: ", ")).")
        }
        let s = r.specification
        var outcome = "Outcome: \(s.response.text)"
        if let unit = s.timeUnit { outcome += ", time in \(unit)" }
        if let g = s.group { outcome += "; groups by \(g)" }
        if let st = s.strata { outcome += "; stratified by \(st)" }
        lines.append(outcome + ".")
        return [.paragraph(lines.joined(separator: " "))]
    }

    /// "6.14" — times and descriptive numbers at 3 significant digits.
    static func num(_ x: Double?) -> String { NumberFormat.significant(x, 3) }

    /// "0.853 (0.832–0.875)".
    static func estimate(_ x: Double?, _ lo: Double?, _ hi: Double?, digits: Int = 3) -> String {
        guard let x else { return "NA" }
        return "\(NumberFormat.fixed(x, digits)) (\(NumberFormat.fixed(lo, digits))–\(NumberFormat.fixed(hi, digits)))"
    }

    /// "6.14 (5.9–6.5)" for medians (significant digits; NA limits shown as NA).
    static func median(_ x: Double?, _ lo: Double?, _ hi: Double?) -> String {
        guard let x else { return "not reached" }
        return "\(num(x)) (\(num(lo))–\(num(hi)))"
    }

    /// "p = 0.013" or "p < 2e-16".
    static func pEquals(_ p: Double?) -> String {
        let text = NumberFormat.pValue(p)
        return text.hasPrefix("<") ? "p \(text)" : "p = \(text)"
    }
}
