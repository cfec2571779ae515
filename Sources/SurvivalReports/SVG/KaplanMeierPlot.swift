import SurvivalModels

/// A publication-style Kaplan–Meier figure as a standalone SVG, drawn from a
/// fitted `KaplanMeierResult` (nothing is re-estimated here).
///
/// Each stratum is a right-continuous step curve starting at (0, 1), with its
/// pointwise confidence band as a semi-transparent step-shaped polygon (rows
/// whose limits are missing — R's NA after the curve reaches 0 — leave a gap),
/// "+" marks at times with censored observations, placed on the curve as R
/// `plot.survfit(mark.time = TRUE)` does, a legend, and a number-at-risk table
/// under the x axis in the manner of survminer `ggsurvplot(risk.table = TRUE)`.
///
/// Usage: `KaplanMeierPlot(result, timeUnit: "days").render()`.
public struct KaplanMeierPlot: Sendable {
    /// The Kaplan–Meier fit to draw, one curve per stratum.
    public var result: KaplanMeierResult
    /// Figure title above the plot; none when `nil`.
    public var title: String?
    /// Unit of the time scale, shown as "Time (days)". Ignored when `xLabel` is set.
    public var timeUnit: String?
    /// Title of the x axis; "Time" with `timeUnit` when `nil`.
    public var xLabel: String?
    /// Title of the y axis.
    public var yLabel: String = "Survival probability"
    /// Draw the pointwise confidence limits as shaded bands.
    public var showConfidenceBands: Bool = true
    /// Mark censoring times with a "+".
    public var showCensorMarks: Bool = true
    /// Draw the number-at-risk table below the plot, one row per stratum.
    public var showAtRiskTable: Bool = true
    /// Right end of the time axis (default: the last time, slightly padded).
    public var timeMax: Double?
    /// Distance between time ticks, which are also the at-risk table's columns (default: a 1-2-5 step).
    public var timeStep: Double?
    /// Where the legend goes (default: the corner the curves cross least).
    public var legendPosition: LegendPosition = .automatic
    /// Figure width in pixels.
    public var width: Double = 720
    /// Figure height in pixels (at-risk table included).
    public var height: Double = 560
    /// Colours, fonts and line widths.
    public var theme: PlotTheme = .standard
    /// Prefix for element ids (clip path), to keep ids unique when several figures share one HTML page.
    public var idPrefix: String = "km"

    /// Creates a plot of `result` with the default layout.
    public init(_ result: KaplanMeierResult, timeUnit: String? = nil, title: String? = nil) {
        self.result = result
        self.timeUnit = timeUnit
        self.title = title
    }

    /// The label shown for a stratum; an unlabelled single curve is "All".
    static func displayLabel(_ curve: KaplanMeierCurve) -> String {
        curve.label.isEmpty ? "All" : curve.label
    }

    /// The figure as an `SVGDocument`.
    public func document() -> SVGDocument {
        let strata = result.strata
        let showLegend = strata.count > 1 || strata.contains { !$0.label.isEmpty }
        let series = strata.enumerated().map { index, curve in
            StepChart.Series(
                label: KaplanMeierPlot.displayLabel(curve), color: theme.color(index), startValue: 1,
                time: curve.time, value: curve.survival, lower: curve.lower, upper: curve.upper,
                censorIndices: curve.nCensor.indices.filter { curve.nCensor[$0] > 0 })
        }
        let colors = strata.indices.map { theme.color($0) }
        let chart = StepChart(
            series: series, title: title, xLabel: xLabel ?? StepChart.timeLabel(timeUnit), yLabel: yLabel,
            width: width, height: height, theme: theme, legendPosition: showLegend ? legendPosition : .none,
            showBands: showConfidenceBands, showCensorMarks: showCensorMarks, yScale: (0, 1, 0.2),
            timeMax: timeMax, timeStep: timeStep, idPrefix: idPrefix,
            atRisk: showAtRiskTable
                // The at-risk numbers are the result's own summary(times =), as R's
                // summary(fit, times = ticks)$n.risk; the plot computes nothing.
                ? { ticks in
                    strata.enumerated().map { index, curve in
                        StepChart.AtRiskRow(
                            label: KaplanMeierPlot.displayLabel(curve), color: colors[index],
                            counts: curve.summary(at: ticks).nRisk.map { Int($0.rounded()) })
                    }
                } : nil)
        return chart.document()
    }

    /// The SVG file text.
    public func render() -> String {
        document().render()
    }
}

extension StepChart {
    /// "Time (days)" from a unit, or "Time".
    static func timeLabel(_ unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return "Time" }
        return "Time (\(unit))"
    }
}
