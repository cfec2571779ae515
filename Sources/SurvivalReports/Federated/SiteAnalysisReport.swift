import Foundation
import SurvivalModels

/// A pooled analysis written as the analysis' own report, plus the pool:
/// JSON gains a `pooled` object (docs/json-output.md), text and Markdown a
/// closing paragraph naming the sites and what disclosure control cost.
public enum SiteAnalysisReport {
    public static func render(_ result: SiteAnalysisResult, format: ReportFormat, pooled: PooledSites) throws -> String {
        if format == .json {
            switch result {
            case .km(let r): return try JSONReport.render(r, adding: "pooled", pooled)
            case .logrank(let r): return try JSONReport.render(r, adding: "pooled", pooled)
            case .cif(let r): return try JSONReport.render(r, adding: "pooled", pooled)
            case .rates(let r): return try JSONReport.render(r, adding: "pooled", pooled)
            case .cox(let r): return try JSONReport.render(r, adding: "pooled", pooled)
            }
        }
        let text: String
        switch result {
        case .km(let r): text = try KaplanMeierReport.render(r, format: format)
        case .logrank(let r): text = try LogRankReport.render(r, format: format)
        case .cif(let r): text = try CumulativeIncidenceReport.render(r, format: format)
        case .rates(let r): text = try EventRatesReport.render(r, format: format)
        case .cox(let r): text = try CoxReport.render(r, format: format)
        }
        return text + "\n" + footer(pooled, markdown: format == .markdown)
    }

    /// "Pooled from 3 site summaries: A (a.json, 33333 subjects, 120 cells), ...".
    static func footer(_ p: PooledSites, markdown: Bool) -> String {
        let sites = p.sites.map { s in
            "\(s.site) (\(s.file), \(s.subjects) subjects, \(s.cells) cells"
                + (s.disclosure.map { ", min-cell \($0.minCell): \($0.timesMerged) times merged, \($0.subjectsSuppressed) subjects suppressed" } ?? "")
                + ")"
        }
        var out = (markdown ? "**Pooled** from " : "Pooled from ") + "\(p.sites.count) site summar\(p.sites.count == 1 ? "y" : "ies")"
            + (p.siteStrata ? ", stratified by site" : "") + ": " + sites.joined(separator: "; ") + ".\n"
        if p.disclosure.sitesControlled > 0 {
            out += "Disclosure control (min-cell up to \(p.minCell ?? 1)): \(p.disclosure.timesMerged) times merged,"
                + " \(p.disclosure.cellsSuppressed) cells and \(p.disclosure.subjectsSuppressed) subjects suppressed.\n"
        }
        return out
    }
}

extension JSONReport {
    /// The JSON text of `value` with `extra` under `key` at the top level (the `pooled` block).
    static func render<T: Encodable, E: Encodable>(_ value: T, adding key: String, _ extra: E) throws -> String {
        var tree = try JSONTreeEncoder.tree(of: value).addingLandmark(of: value)
        if case .object(var top) = tree {
            top[key] = try JSONTreeEncoder.tree(of: extra)
            tree = .object(top)
        }
        return try render(tree: tree)
    }
}
