import SurvivalModels

/// The joint Wald tests of a model's spline terms (`ns(age)`: do the
/// basis coefficients matter together?), printed after the coefficients.
enum TermTestsTable {
    /// Empty when there are none.
    static func render(_ tests: [TermWaldTest]?, format: ReportFormat) -> String {
        guard let tests, !tests.isEmpty else { return "" }
        let md = format == .markdown
        let out = md ? "\n### Spline terms (joint Wald test)\n\n" : "\nSpline terms (joint Wald test of each term's coefficients)\n"
        var table = TextTable(header: ["", "chisq", "df", "p"])
        for t in tests {
            table.append([t.term, NumberFormat.significant(t.chisq, 4), "\(t.df)", NumberFormat.pValue(t.p)])
        }
        return out + table.render(format) + (md ? "\n" : "")
    }
}
