import SurvivalModels

extension MeanCumulativeFunctionPlot {
    /// The `--plot` figure of a mean cumulative function fit: one rising step
    /// curve per group with its log limits as the fit gives them (R
    /// `survfit(Surv(start, stop, event) ~ g, id = id)`), the number at risk
    /// under the ticks and, with `eventsTable`, the cumulative number of
    /// events. With `minAtRisk` a curve stops at the first time fewer subjects
    /// remain, so the band does not fan out over the last few subjects.
    public static func figure(_ result: MeanCumulativeFunctionResult, options: PlotOptions, timeUnit: String? = nil)
        throws(PlotOptionError) -> PlotFigure
    {
        let strata = result.strata
        let labels = try options.labels(for: strata.map { $0.label.isEmpty ? "All" : $0.label })
        let theme = options.size.theme()
        let colors = strata.indices.map { theme.color($0) }
        let series = strata.enumerated().map { index, curve in
            StepChart.Series(
                label: labels[index], color: colors[index], startValue: 0, time: curve.time, value: curve.mcf,
                lower: curve.lower.map { Optional($0) }, upper: curve.upper.map { Optional($0) }, censorIndices: []
            ).cut(at: options.cutIndex(nRisk: curve.nRisk))
        }
        var chart = StepChart.rising(
            [], title: nil, xLabel: StepChart.timeLabel(timeUnit), yLabel: "Mean cumulative number of events",
            yMax: nil, cap: nil, showBands: options.confidenceBands, timeMax: nil, timeStep: nil,
            legendPosition: .automatic, width: 0, height: 0, theme: theme, idPrefix: "mcf")
        chart.series = series
        chart.legendPosition = strata.count > 1 || options.legendLabels != nil ? .automatic : .none
        chart.yScale = MeanCumulativeFunctionPlot.yScale(series, bands: options.confidenceBands)
        if options.riskTable {
            chart.atRisk = { ticks in
                strata.enumerated().map { index, curve in
                    StepChart.AtRiskRow(
                        label: labels[index], color: colors[index],
                        counts: curve.summary(at: ticks).nRisk.map { Int($0.rounded()) })
                }
            }
        }
        options.configure(&chart)
        if options.eventsTable {
            chart.countTables = { ticks in
                [StepChart.cumulativeTable(
                    "Cumulative events", strata, labels: labels, colors: colors, time: \.time, counts: \.nEvent,
                    at: ticks)]
            }
        }
        return PlotFigure(document: chart.document(), size: options.size)
    }

    /// 0 to the 1-2-5 multiple above the highest value drawn (upper limits included with bands).
    static func yScale(_ series: [StepChart.Series], bands: Bool) -> (lower: Double, upper: Double, step: Double) {
        var high = 0.0
        for item in series {
            high = max(high, item.value.filter(\.isFinite).max() ?? 0)
            if bands { high = max(high, item.upper.compactMap { $0 }.filter(\.isFinite).max() ?? 0) }
        }
        if !(high > 0) { high = 1 }
        let step = LinearAxis.niceStep(span: high, targetCount: 5)
        return (0, max((high / step - 1e-9).rounded(.up) * step, step), step)
    }
}
