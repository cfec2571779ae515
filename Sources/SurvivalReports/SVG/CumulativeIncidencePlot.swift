/// Cumulative incidence curves (competing risks, as R `cmprsk::cuminc` or
/// `survfit` multi-state output) as a standalone SVG: one rising step curve per
/// cause × stratum, each starting at (0, 0), with optional step-shaped
/// confidence bands. Values are drawn as given; nothing is estimated here.
///
/// The y axis runs from 0 to the smallest 1-2-5 multiple above the largest
/// value (or upper limit, when bands are shown), at most 1, so low incidences
/// stay readable; set `yMax` to fix it (e.g. 1 for comparability).
public struct CumulativeIncidencePlot: Sendable {
    public var series: [StepCurveSeries]
    public var title: String?
    public var timeUnit: String?
    public var xLabel: String?
    public var yLabel: String = "Cumulative incidence"
    public var yMax: Double?
    public var showConfidenceBands: Bool = true
    public var timeMax: Double?
    public var timeStep: Double?
    public var legendPosition: LegendPosition = .automatic
    public var width: Double = 720
    public var height: Double = 480
    public var theme: PlotTheme = .standard
    public var idPrefix: String = "cif"

    public init(_ series: [StepCurveSeries], timeUnit: String? = nil, title: String? = nil) {
        self.series = series
        self.timeUnit = timeUnit
        self.title = title
    }

    public func document() -> SVGDocument {
        StepChart.rising(
            series, title: title, xLabel: xLabel ?? StepChart.timeLabel(timeUnit), yLabel: yLabel,
            yMax: yMax, cap: 1, showBands: showConfidenceBands, timeMax: timeMax, timeStep: timeStep,
            legendPosition: legendPosition, width: width, height: height, theme: theme, idPrefix: idPrefix
        ).document()
    }

    public func render() -> String {
        document().render()
    }
}
