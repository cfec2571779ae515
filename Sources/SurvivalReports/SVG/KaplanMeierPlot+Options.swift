import SurvivalModels

extension KaplanMeierPlot {
    /// The `--plot` figure of a Kaplan–Meier fit, sized and labelled by
    /// `options`: the curves with their limits and censoring marks, the
    /// number-at-risk table (R `summary(fit, times = ticks)$n.risk`) and, as
    /// asked, cumulative censored and event counts at the same ticks (as
    /// survminer's `cumcensor` and `cumevents` tables), dashed lines at each
    /// median (survminer's `surv.median.line = "hv"`; a curve whose median is
    /// not reached has none) and `pValue` (the log-rank p, `survdiff`) above the
    /// plot area. With `minAtRisk`, each curve stops at the first time
    /// at which fewer subjects are at risk.
    public static func figure(_ result: KaplanMeierResult, options: PlotOptions, pValue: Double? = nil,
        timeUnit: String? = nil) throws(PlotOptionError) -> PlotFigure
    {
        let strata = result.strata
        let labels = try options.labels(for: strata.map(KaplanMeierPlot.displayLabel))
        let theme = options.size.theme()
        let colors = strata.indices.map { theme.color($0) }
        let series = strata.enumerated().map { index, curve in
            StepChart.Series(
                label: labels[index], color: colors[index], startValue: 1, time: curve.time, value: curve.survival,
                lower: curve.lower, upper: curve.upper,
                censorIndices: curve.nCensor.indices.filter { curve.nCensor[$0] > 0 }
            ).cut(at: options.cutIndex(nRisk: curve.nRisk))
        }
        let showLegend = strata.count > 1 || strata.contains { !$0.label.isEmpty } || options.legendLabels != nil
        var chart = StepChart(
            series: series, title: nil, xLabel: StepChart.timeLabel(timeUnit), yLabel: "Survival probability",
            width: 0, height: 0, theme: theme, legendPosition: showLegend ? .automatic : .none,
            showBands: options.confidenceBands, showCensorMarks: options.censorMarks, yScale: (0, 1, 0.2),
            timeMax: nil, timeStep: nil, idPrefix: "km",
            atRisk: options.riskTable
                ? { ticks in
                    strata.enumerated().map { index, curve in
                        StepChart.AtRiskRow(
                            label: labels[index], color: colors[index],
                            counts: curve.summary(at: ticks).nRisk.map { Int($0.rounded()) })
                    }
                } : nil)
        options.configure(&chart)
        if options.censoredTable || options.eventsTable {
            chart.countTables = { ticks in
                func cumulative(_ counts: (KaplanMeierCurve) -> [Double], title: String) -> StepChart.CountTable {
                    StepChart.cumulativeTable(
                        title, strata, labels: labels, colors: colors, time: \.time, counts: counts, at: ticks)
                }
                var tables: [StepChart.CountTable] = []
                if options.eventsTable { tables.append(cumulative(\.nEvent, title: "Cumulative events")) }
                if options.censoredTable { tables.append(cumulative(\.nCensor, title: "Cumulative censored")) }
                return tables
            }
        }
        if options.medianLines {
            chart.guides = strata.enumerated().compactMap { index, curve in
                curve.median.map { StepChart.GuideLine(x: $0, y: 0.5, color: colors[index]) }
            }
        }
        if options.pValue {
            chart.annotation = "Log-rank " + PlotOptions.pText(pValue)
        }
        return PlotFigure(document: chart.document(), size: options.size)
    }
}

