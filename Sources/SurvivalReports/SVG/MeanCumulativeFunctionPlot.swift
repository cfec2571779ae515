/// The mean cumulative function of a recurrent-event process (Nelson–Aalen
/// type estimate of the expected number of events per subject by time t, as R
/// `survfit` on counting-process data with `id`, or `reReg::mcf`) as a
/// standalone SVG: rising step curves from (0, 0), one per stratum, with
/// optional confidence bands. Unlike a probability, the y axis is not capped
/// at 1.
public struct MeanCumulativeFunctionPlot: Sendable {
    public var series: [StepCurveSeries]
    public var title: String?
    public var timeUnit: String?
    public var xLabel: String?
    public var yLabel: String = "Mean cumulative number of events"
    public var yMax: Double?
    public var showConfidenceBands: Bool = true
    public var timeMax: Double?
    public var timeStep: Double?
    public var legendPosition: LegendPosition = .automatic
    public var width: Double = 720
    public var height: Double = 480
    public var theme: PlotTheme = .standard
    public var idPrefix: String = "mcf"

    public init(_ series: [StepCurveSeries], timeUnit: String? = nil, title: String? = nil) {
        self.series = series
        self.timeUnit = timeUnit
        self.title = title
    }

    public func document() -> SVGDocument {
        StepChart.rising(
            series, title: title, xLabel: xLabel ?? StepChart.timeLabel(timeUnit), yLabel: yLabel,
            yMax: yMax, cap: nil, showBands: showConfidenceBands, timeMax: timeMax, timeStep: timeStep,
            legendPosition: legendPosition, width: width, height: height, theme: theme, idPrefix: idPrefix
        ).document()
    }

    public func render() -> String {
        document().render()
    }
}
