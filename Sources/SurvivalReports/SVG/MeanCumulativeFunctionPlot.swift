/// The mean cumulative function of a recurrent-event process (Nelson–Aalen
/// type estimate of the expected number of events per subject by time t, as R
/// `survfit` on counting-process data with `id`, or `reReg::mcf`) as a
/// standalone SVG: rising step curves from (0, 0), one per stratum, with
/// optional confidence bands. Unlike a probability, the y axis is not capped
/// at 1.
public struct MeanCumulativeFunctionPlot: Sendable {
    /// The curves to draw, one per stratum, in legend order.
    public var series: [StepCurveSeries]
    /// Figure title above the plot; none when `nil`.
    public var title: String?
    /// Unit of the time scale, shown as "Time (days)". Ignored when `xLabel` is set.
    public var timeUnit: String?
    /// Title of the x axis; "Time" with `timeUnit` when `nil`.
    public var xLabel: String?
    /// Title of the y axis.
    public var yLabel: String = "Mean cumulative number of events"
    /// Top of the y axis; chosen from the data when `nil`.
    public var yMax: Double?
    /// Draw the pointwise confidence limits as shaded bands.
    public var showConfidenceBands: Bool = true
    /// Right end of the time axis (default: the last time, slightly padded).
    public var timeMax: Double?
    /// Distance between time ticks (default: a 1-2-5 step).
    public var timeStep: Double?
    /// Where the legend goes (default: the corner the curves cross least).
    public var legendPosition: LegendPosition = .automatic
    /// Figure width in pixels.
    public var width: Double = 720
    /// Figure height in pixels.
    public var height: Double = 480
    /// Colours, fonts and line widths.
    public var theme: PlotTheme = .standard
    /// Prefix for element ids (clip path), to keep ids unique when several figures share one HTML page.
    public var idPrefix: String = "mcf"

    /// Creates a plot of `series` with the default layout.
    public init(_ series: [StepCurveSeries], timeUnit: String? = nil, title: String? = nil) {
        self.series = series
        self.timeUnit = timeUnit
        self.title = title
    }

    /// The figure as an `SVGDocument`.
    public func document() -> SVGDocument {
        StepChart.rising(
            series, title: title, xLabel: xLabel ?? StepChart.timeLabel(timeUnit), yLabel: yLabel,
            yMax: yMax, cap: nil, showBands: showConfidenceBands, timeMax: timeMax, timeStep: timeStep,
            legendPosition: legendPosition, width: width, height: height, theme: theme, idPrefix: idPrefix
        ).document()
    }

    /// The SVG file text.
    public func render() -> String {
        document().render()
    }
}
