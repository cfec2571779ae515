import SurvivalModels

/// The Table 1 grid of a `CohortDescription`: n, events and follow-up, then
/// each variable by group as median [IQR] or mean (SD), level counts (%),
/// missing counts, and — where the description has them — a p-value column
/// (the test gtsummary's `add_p()` chooses) and an SMD column (tableone's).
///
/// Variable names show as labels: `labels[name]` first (a labels file, when
/// a command has one), then the statistical file's own variable label, as
/// `Label (name)`; levels show as `levelLabels[name][level]` when given.
public enum TableOneTable {
    /// The table; `timeUnit` names the follow-up row's unit.
    public static func table(
        _ d: CohortDescription, continuous: ContinuousSummary = .median, timeUnit: String? = nil,
        labels: [String: String] = [:], levelLabels: [String: [String: String]] = [:]
    ) -> TextTable {
        let showP = d.variables.contains { $0.test != nil }
        let showSMD = d.variables.contains { $0.smd != nil }
        let extra = (showP ? 1 : 0) + (showSMD ? 1 : 0)
        var header = [""] + d.columns.map { $0.label }
        if showP { header.append("p-value") }
        if showSMD { header.append("SMD") }
        var t = TextTable(header: header)
        let blank = [String](repeating: "", count: extra)
        t.append(["n"] + d.columns.map { "\($0.n)" } + blank)
        t.append(
            ["Events, n (%)"] + d.columns.map { "\($0.events) (\(NumberFormat.fixed($0.eventPercent, 1))%)" } + blank)
        let fu = "Median follow-up" + (timeUnit.map { ", \($0)" } ?? "")
        t.append([fu] + d.columns.map { ReportDocument.median($0.followUpMedian, $0.followUpLower, $0.followUpUpper) } + blank)
        for v in d.variables {
            let label = labels[v.name] ?? v.label
            let name = label.map { "\($0) (\(v.name))" } ?? v.name
            var tests: [String] = []
            if showP { tests.append(v.test == nil ? "" : NumberFormat.pValue(v.pValue)) }
            if showSMD { tests.append(v.smd.map { NumberFormat.fixed($0, 3) } ?? (v.test == nil ? "" : "NA")) }
            switch v.kind {
            case .numeric:
                switch continuous {
                case .median:
                    t.append(
                        ["\(name), median [IQR]"]
                            + v.summaries.map { "\(num($0.median)) [\(num($0.q1)), \(num($0.q3))]" } + tests)
                case .mean:
                    t.append(["\(name), mean (SD)"] + v.summaries.map { "\(num($0.mean)) (\(num($0.sd)))" } + tests)
                }
            case .categorical:
                t.append(["\(name), n (%)"] + d.columns.map { _ in "" } + tests)
                for (k, level) in v.levels.enumerated() {
                    let shown = levelLabels[v.name]?[level] ?? level
                    t.append(["  \(shown)"] + v.summaries.map { s in
                        let count = s.counts?[k] ?? 0
                        let pct = s.percents?[k] ?? 0
                        return "\(count) (\(NumberFormat.fixed(pct, 1))%)"
                    } + blank)
                }
            }
            if v.summaries.contains(where: { $0.missing > 0 }) {
                t.append(["  missing"] + v.summaries.map { "\($0.missing)" } + blank)
            }
        }
        return t
    }

    /// The note under the table: what the numbers are, and the tests and SMDs when shown.
    public static func note(_ d: CohortDescription, continuous: ContinuousSummary = .median) -> String {
        var text = "Follow-up is summarised by the reverse Kaplan–Meier median (censoring as the event) "
            + "with its 95% limits. Numbers are "
            + (continuous == .median ? "medians [first, third quartile]" : "means (standard deviation, n − 1)")
            + " or counts (% of non-missing values)."
        let used = Set(d.variables.compactMap(\.test))
        if !used.isEmpty {
            let names: [(GroupComparisonTest.Method, String)] = [
                (.chiSquared, "Pearson's chi-squared test without continuity correction"),
                (.fisher, "Fisher's exact test (an expected count below 5)"),
                (.wilcoxon, "the Wilcoxon rank-sum test"), (.kruskal, "the Kruskal–Wallis test"),
                (.welchT, "Welch's t-test"), (.anova, "one-way ANOVA"),
            ]
            text += " p-values: " + names.filter { used.contains($0.0) }.map(\.1).joined(separator: ", ")
                + " (gtsummary's add_p() defaults" + (continuous == .mean ? "; t-test/ANOVA for means" : "") + ")."
        }
        if d.variables.contains(where: { $0.smd != nil }) {
            text += " SMD: standardized mean difference (tableone; with more than two groups the mean of the pairwise SMDs)."
        }
        return text
    }

    static func num(_ x: Double?) -> String { NumberFormat.significant(x, 3) }
}
