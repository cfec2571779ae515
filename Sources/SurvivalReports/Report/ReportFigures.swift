import SurvivalModels

/// One figure of a report: its file name, a caption and the SVG text.
public struct ReportFigure: Sendable, Equatable {
    /// `km.svg`, `forest.svg`.
    public var name: String
    public var caption: String
    public var svg: String

    public init(name: String, caption: String, svg: String) {
        self.name = name
        self.caption = caption
        self.svg = svg
    }
}

extension ReportFigure {
    /// The report's figures, drawn from its results: the Kaplan–Meier curves
    /// with number-at-risk table (`km.svg`) and, with a Cox model, the forest
    /// plot of hazard ratios (`forest.svg`); with the recurrence sections, the
    /// cumulative incidence of the event by group (`cif.svg`) and the mean
    /// cumulative function with 95% limits (`mcf.svg`).
    public static func figures(for report: Report) -> [ReportFigure] {
        var plot = KaplanMeierPlot(report.kaplanMeier, timeUnit: report.specification.timeUnit)
        plot.idPrefix = "km"
        var out = [
            ReportFigure(
                name: "km.svg", caption: "Kaplan–Meier curves with 95% limits and numbers at risk",
                svg: plot.render())
        ]
        let rows = ReportDocument.forestRows(report)
        if !rows.isEmpty {
            out.append(
                ReportFigure(
                    name: "forest.svg", caption: "Cox model hazard ratios with 95% limits",
                    svg: ForestPlot(rows).render()))
        }
        let unit = report.specification.timeUnit
        let cif = ReportDocument.cumulativeIncidenceSeries(report)
        if !cif.isEmpty {
            var plot = CumulativeIncidencePlot(cif, timeUnit: unit)
            plot.showConfidenceBands = false
            if let status = report.specification.eventStatus {
                plot.yLabel = "Cumulative incidence of \(status)"
            }
            out.append(
                ReportFigure(
                    name: "cif.svg", caption: "Cumulative incidence of the event with death competing",
                    svg: plot.render()))
        }
        let mcf = ReportDocument.meanCumulativeFunctionSeries(report)
        if !mcf.isEmpty {
            out.append(
                ReportFigure(
                    name: "mcf.svg", caption: "Mean cumulative function of recurrences with 95% limits, while at least \(ReportDocument.mcfMinAtRisk) subjects are at risk",
                    svg: MeanCumulativeFunctionPlot(mcf, timeUnit: unit).render()))
        }
        return out
    }
}
