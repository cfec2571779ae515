import SurvivalModels

/// What a report step's own command prints when its notebook cell runs it:
/// the text report on standard output, each warning on standard error
/// (`warning: ...`), and the `--plot` figure the cell adds (nil for the steps
/// without one). Rendered from the report's results with the same renderers
/// and plot defaults as `survkit km`, `cox`, `cif`, `finegray` and `mcf`
/// (`--plot FILE.svg`: 6 × 5 in, the MCF 6 × 4.5 in; the CIF and, as the
/// report's figure, the MCF stop where fewer than 5 subjects are at risk), so
/// the notebook stores exactly what executing it produces.
public struct NotebookStepOutput: Sendable, Equatable {
    /// Standard output of the command.
    public var text: String
    /// The warnings, as the command writes them to standard error.
    public var warnings: [String]
    /// The figure's file name in the notebook's figures folder and its SVG text.
    public var figure: (name: String, svg: String)?
    /// The options that draw the figure (`--plot FILE` excluded), e.g. `--min-at-risk 5`.
    public var plotOptions: [String]

    public init(text: String, warnings: [String], figure: (name: String, svg: String)?, plotOptions: [String] = []) {
        self.text = text
        self.warnings = warnings
        self.figure = figure
        self.plotOptions = plotOptions
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.text == b.text && a.warnings == b.warnings && a.figure?.name == b.figure?.name
            && a.figure?.svg == b.figure?.svg && a.plotOptions == b.plotOptions
    }

    /// The minimum number at risk where the MCF cell's curves stop, as the report's figure.
    static let mcfMinAtRisk = ReportDocument.mcfMinAtRisk

    /// The output of the step of section `id` (`kaplan-meier`, `logrank`, `rmst`,
    /// `cox`, `cumulative-incidence`, `fine-gray`, `mcf`, `rates`); nil when the
    /// report has no such section or its text cannot be rendered.
    public static func output(of id: String, in report: Report) -> NotebookStepOutput? {
        switch id {
        case "kaplan-meier":
            let km = report.kaplanMeier
            guard let text = try? KaplanMeierReport.render(km, format: .text) else { return nil }
            let svg = try? KaplanMeierPlot.figure(km, options: plotOptions()).svg
            return NotebookStepOutput(text: text, warnings: km.warnings, figure: svg.map { ("km.svg", $0) })
        case "logrank":
            guard let r = report.logrank, let text = try? LogRankReport.render(r, format: .text) else { return nil }
            return NotebookStepOutput(text: text, warnings: r.warnings, figure: nil)
        case "rmst":
            guard let r = report.restrictedMean, let text = try? RestrictedMeanReport.render(r, format: .text)
            else { return nil }
            return NotebookStepOutput(text: text, warnings: r.warnings, figure: nil)
        case "cox":
            guard let r = report.cox, let text = try? CoxReport.render(r, format: .text) else { return nil }
            let rows = r.coefficients.compactMap { c -> ForestRow? in
                guard let hr = c.hr, let lo = c.hrLower, let hi = c.hrUpper else { return nil }
                return ForestRow(term: c.term, estimate: hr, lower: lo, upper: hi, pValue: c.p)
            }
            let svg = ForestPlot.figure(rows, options: plotOptions()).svg
            return NotebookStepOutput(text: text, warnings: r.warnings, figure: ("cox.svg", svg))
        case "cumulative-incidence":
            guard let r = report.cumulativeIncidence, let text = try? CumulativeIncidenceReport.render(r, format: .text)
            else { return nil }
            var options = plotOptions()
            options.minAtRisk = 5
            let svg = try? CumulativeIncidencePlot.figure(r, options: options).svg
            return NotebookStepOutput(text: text, warnings: r.warnings, figure: svg.map { ("cif.svg", $0) })
        case "fine-gray":
            guard let r = report.fineGray, let text = try? FineGrayReport.render(r, format: .text) else { return nil }
            let rows = r.coefficients.compactMap { c -> ForestRow? in
                guard let hr = c.shr, let lo = c.shrLower, let hi = c.shrUpper else { return nil }
                return ForestRow(term: c.term, estimate: hr, lower: lo, upper: hi, pValue: c.p)
            }
            let svg = ForestPlot.figure(rows, options: plotOptions(), ratioName: "Subdistribution hazard ratio").svg
            return NotebookStepOutput(text: text, warnings: r.warnings, figure: ("finegray.svg", svg))
        case "mcf":
            guard let r = report.meanCumulativeFunction, let text = try? MeanCumulativeFunctionReport.render(r, format: .text)
            else { return nil }
            var options = plotOptions(height: 4.5)
            options.minAtRisk = mcfMinAtRisk
            let svg = try? MeanCumulativeFunctionPlot.figure(r, options: options).svg
            return NotebookStepOutput(
                text: text, warnings: r.warnings, figure: svg.map { ("mcf.svg", $0) },
                plotOptions: ["--min-at-risk", "\(mcfMinAtRisk)"])
        case "rates":
            guard let r = report.rates, let text = try? EventRatesReport.render(r, format: .text) else { return nil }
            return NotebookStepOutput(text: text, warnings: r.warnings, figure: nil)
        default:
            return nil
        }
    }

    /// The plot options of a `--plot` with no other figure option: 6 in wide, `height` in high, 300 dpi.
    static func plotOptions(height: Double = 5) -> PlotOptions {
        PlotOptions(size: PlotSize(width: 6, height: height, dpi: 300))
    }
}
