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

extension StepChart {
    /// A chart of curves rising from 0 (no censoring marks, no at-risk table).
    static func rising(
        _ input: [StepCurveSeries], title: String?, xLabel: String, yLabel: String, yMax: Double?, cap: Double?,
        showBands: Bool, timeMax: Double?, timeStep: Double?, legendPosition: LegendPosition, width: Double,
        height: Double, theme: PlotTheme, idPrefix: String
    ) -> StepChart {
        let series = input.enumerated().map { index, item in
            let count = min(item.time.count, item.value.count)
            return Series(
                label: item.label, color: theme.color(index), startValue: 0, time: Array(item.time.prefix(count)),
                value: Array(item.value.prefix(count)), lower: item.lower.map { Array($0.prefix(count)) } ?? [],
                upper: item.upper.map { Array($0.prefix(count)) } ?? [], censorIndices: [])
        }
        // y axis: 0 to a nice value above the data, capped (cumulative incidence ≤ 1).
        var high = 0.0
        for item in series {
            high = max(high, item.value.filter(\.isFinite).max() ?? 0)
            if showBands { high = max(high, item.upper.compactMap { $0 }.filter(\.isFinite).max() ?? 0) }
        }
        if let cap { high = min(high, cap) }
        if let yMax, yMax > 0, yMax.isFinite { high = yMax }
        let step = LinearAxis.niceStep(span: high > 0 ? high : 1, targetCount: 5)
        var upper = ((high > 0 ? high : 1) / step - 1e-9).rounded(.up) * step
        if let yMax, yMax > 0, yMax.isFinite { upper = yMax }
        if let cap, yMax == nil { upper = min(upper, cap) }
        var chart = StepChart(
            series: series, title: title, xLabel: xLabel, yLabel: yLabel, width: width, height: height,
            theme: theme, legendPosition: input.isEmpty ? .none : legendPosition, showBands: showBands,
            showCensorMarks: false, yScale: (0, max(upper, step), step), timeMax: timeMax, timeStep: timeStep,
            idPrefix: idPrefix, atRisk: nil)
        // Rising curves leave the top left empty.
        chart.legendPreference = [.topLeft, .bottomRight, .topRight, .bottomLeft]
        return chart
    }
}
