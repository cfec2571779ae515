/// Cumulative incidence curves (competing risks, as R `cmprsk::cuminc` or
/// `survfit` multi-state output) as a standalone SVG: one rising step curve per
/// cause × stratum, each starting at (0, 0), with optional step-shaped
/// confidence bands. Values are drawn as given; nothing is estimated here.
///
/// The y axis runs from 0 to the smallest 1-2-5 multiple above the largest
/// value (or upper limit, when bands are shown), at most 1, so low incidences
/// stay readable; set `yMax` to fix it (e.g. 1 for comparability).
public struct CumulativeIncidencePlot: Sendable {
    /// The curves to draw, one per stratum, in legend order.
    public var series: [StepCurveSeries]
    /// Figure title above the plot; none when `nil`.
    public var title: String?
    /// Unit of the time scale, shown as "Time (days)". Ignored when `xLabel` is set.
    public var timeUnit: String?
    /// Title of the x axis; "Time" with `timeUnit` when `nil`.
    public var xLabel: String?
    /// Title of the y axis.
    public var yLabel: String = "Cumulative incidence"
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
    public var idPrefix: String = "cif"

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
            yMax: yMax, cap: 1, showBands: showConfidenceBands, timeMax: timeMax, timeStep: timeStep,
            legendPosition: legendPosition, width: width, height: height, theme: theme, idPrefix: idPrefix
        ).document()
    }

    /// The SVG file text.
    public func render() -> String {
        document().render()
    }
}
