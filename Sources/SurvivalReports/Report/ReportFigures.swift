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
    /// plot of hazard ratios (`forest.svg`).
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
        return out
    }
}
