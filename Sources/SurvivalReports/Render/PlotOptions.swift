/// What a `--plot` figure shows, besides its data: the options every plotting
/// command shares (title, legend labels, axis limits and breaks, percent
/// scale, median lines, the test's p on the plot, the count tables, where
/// curves stop) and the figure's size on paper.
///
/// The defaults follow survminer's `ggsurvplot` where it has one (risk table
/// on, no median lines, no p); curves stop where fewer than `minAtRisk`
/// subjects remain only when it is set (the CIF plot's default is 5).
public struct PlotOptions: Sendable, Equatable {
    /// Size on paper and PNG resolution.
    public var size: PlotSize
    /// Figure title; none when nil.
    public var title: String?
    /// Legend labels replacing the curves' own (`grade=1`), in curve order.
    public var legendLabels: [String]?
    /// Time (x) axis limits; by default 0 to the last time.
    public var xLimits: ClosedRange<Double>?
    /// y axis limits (probabilities, or the MCF's scale; hazard ratios for a forest plot).
    public var yLimits: ClosedRange<Double>?
    /// Distance between time ticks, which are also the count tables' columns.
    public var breaks: Double?
    /// y tick labels as percentages.
    public var percent: Bool = false
    /// Dashed lines at each curve's median survival (Kaplan–Meier).
    public var medianLines: Bool = false
    /// The log-rank (KM) or Gray's (CIF) p on the plot.
    public var pValue: Bool = false
    /// The number-at-risk table under the plot.
    public var riskTable: Bool = true
    /// A table of cumulative censored counts at the ticks.
    public var censoredTable: Bool = false
    /// A table of cumulative event counts at the ticks.
    public var eventsTable: Bool = false
    /// Curves stop at the first time when fewer than this many subjects are at risk.
    public var minAtRisk: Int?
    /// Shaded pointwise confidence limits.
    public var confidenceBands: Bool = true
    /// Censoring marks on the curves.
    public var censorMarks: Bool = true

    public init(size: PlotSize) {
        self.size = size
    }
}

/// A plot option that does not fit the data (legend labels for another number of curves).
public struct PlotOptionError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension PlotOptions {
    /// The labels to show for curves labelled `labels`: `legendLabels` when given (one per curve).
    func labels(for labels: [String]) throws(PlotOptionError) -> [String] {
        guard let given = legendLabels else { return labels }
        guard given.count == labels.count else {
            throw PlotOptionError(
                message: "--legend-labels gives \(given.count) label\(given.count == 1 ? "" : "s") but the plot has "
                    + "\(labels.count) curve\(labels.count == 1 ? "" : "s") (\(labels.joined(separator: ", "))); "
                    + "give one per curve, in that order.")
        }
        return given
    }

    /// "p = 0.0013", "p < 0.0001": two significant digits, as survminer's `pval = TRUE`.
    static func pText(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "p = NA" }
        if p < 0.0001 { return "p < 0.0001" }
        if p >= 0.1 { return "p = " + SVGNumber.fixed(p, decimals: 2) }
        var decimals = 2
        while decimals < 4 && p < pow10(-(decimals - 1)) { decimals += 1 }
        return "p = " + SVGNumber.fixed(p, decimals: decimals)
    }

    private static func pow10(_ k: Int) -> Double {
        var x = 1.0
        if k >= 0 { for _ in 0..<k { x *= 10 } } else { for _ in 0..<(-k) { x /= 10 } }
        return x
    }

    /// The first index `i` with `nRisk[i] < minAtRisk` (the curve stops at `time[i]`), or nil.
    func cutIndex(nRisk: [Double]) -> Int? {
        guard let minAtRisk else { return nil }
        return nRisk.firstIndex { $0 < Double(minAtRisk) }
    }

    /// Applies the size, title, axis options and cut to a step chart.
    func configure(_ chart: inout StepChart) {
        chart.physicalSize = size
        chart.width = size.widthPoints
        chart.height = size.heightPoints
        chart.theme = size.theme(base: chart.theme)
        chart.minimumPlotHeight = 40
        chart.title = title
        if let xLimits {
            chart.timeMin = xLimits.lowerBound
            chart.timeMax = xLimits.upperBound
        }
        if let breaks { chart.timeStep = breaks }
        chart.percentScale = percent
        if let yLimits {
            let step = LinearAxis.niceStep(span: yLimits.upperBound - yLimits.lowerBound, targetCount: 5)
            chart.yScale = (yLimits.lowerBound, yLimits.upperBound, step)
        }
    }
}

extension StepChart.Series {
    /// The series cut at index `cut` (`--min-at-risk`): rows from `cut` on are dropped and
    /// the curve stops at `time[cut]`, its last value held up to there.
    func cut(at cut: Int?) -> StepChart.Series {
        guard let cut, cut < time.count else { return self }
        var copy = self
        copy.endTime = time[cut]
        copy.time = Array(time.prefix(cut))
        copy.value = Array(value.prefix(cut))
        copy.lower = Array(lower.prefix(cut))
        copy.upper = Array(upper.prefix(cut))
        copy.censorIndices = censorIndices.filter { $0 < cut }
        return copy
    }
}
