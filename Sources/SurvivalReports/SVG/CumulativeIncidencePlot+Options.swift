import SurvivalModels

extension CumulativeIncidencePlot {
    /// The `--plot` figure of an Aalen–Johansen fit: every cause (or only
    /// `causes`) of every group as a rising step curve with its pointwise 95%
    /// log limits (as R `summary(survfit)` for a multi-state fit, the limits
    /// `cuminc` users get from `ggcompetingrisks(conf.int = TRUE)`), a mark at
    /// each censoring time, the number still event-free and at risk under the
    /// ticks, and Gray's p per cause (`cmprsk::cuminc`) above the plot
    /// area. One group: a colour per cause. Several groups: a colour per
    /// group and a line type per cause (solid, dashed, dotted ...). Each curve
    /// stops at the first time fewer than `minAtRisk` subjects are at risk.
    public static func figure(_ result: CumulativeIncidenceResult, causes selected: [String]? = nil,
        options: PlotOptions, timeUnit: String? = nil) throws(PlotOptionError) -> PlotFigure
    {
        let causes = selected ?? result.causes
        for cause in causes where !result.causes.contains(cause) {
            throw PlotOptionError(
                message: "--cause \(cause) is not a cause of the data; the causes are "
                    + result.causes.joined(separator: ", ") + ".")
        }
        let strata = result.strata
        let grouped = strata.count > 1
        let theme = options.size.theme()
        let dashes: [String?] = [nil, "5 3", "1.5 2", "6 2 1.5 2"]
        var defaults: [String] = []
        var styles: [(color: String, dash: String?)] = []
        for (s, curve) in strata.enumerated() {
            for (c, cause) in causes.enumerated() {
                let causeName = "cause \(cause)"
                defaults.append(grouped ? "\(curve.label), \(causeName)" : causeName.capitalizedFirst)
                styles.append(grouped ? (theme.color(s), dashes[c % dashes.count]) : (theme.color(c), nil))
            }
        }
        let labels = try options.labels(for: defaults)
        var series: [StepChart.Series] = []
        for curve in strata {
            let limits = curve.summary(at: curve.time, extend: true)
            let censored = CumulativeIncidencePlot.censoredCounts(curve)
            let cut = options.cutIndex(nRisk: curve.nRisk)
            for cause in causes {
                let index = series.count
                var item = StepChart.Series(
                    label: labels[index], color: styles[index].color, startValue: 0, time: curve.time,
                    value: curve.cif[cause] ?? [], lower: limits.lower[cause] ?? [], upper: limits.upper[cause] ?? [],
                    censorIndices: censored.indices.filter { censored[$0] > 0 })
                item.dashArray = styles[index].dash
                series.append(item.cut(at: cut))
            }
        }
        let rowColors = strata.indices.map { grouped ? theme.color($0) : theme.textColor }
        let rowLabels = strata.map { grouped ? $0.label : "All" }
        var chart = StepChart.rising(
            [], title: nil, xLabel: StepChart.timeLabel(timeUnit), yLabel: "Cumulative incidence", yMax: nil, cap: 1,
            showBands: options.confidenceBands, timeMax: nil, timeStep: nil, legendPosition: .automatic, width: 0,
            height: 0, theme: theme, idPrefix: "cif")
        chart.series = series
        chart.legendPosition = .automatic
        chart.showCensorMarks = options.censorMarks
        chart.yScale = CumulativeIncidencePlot.yScale(series, bands: options.confidenceBands)
        if options.riskTable {
            chart.atRisk = { ticks in
                strata.enumerated().map { index, curve in
                    StepChart.AtRiskRow(
                        label: rowLabels[index], color: rowColors[index],
                        counts: curve.summary(at: ticks).nRisk.map { Int($0.rounded()) })
                }
            }
        }
        options.configure(&chart)
        if options.censoredTable || options.eventsTable {
            chart.countTables = { ticks in
                func table(_ title: String, _ counts: (CumulativeIncidenceCurve) -> [Double]) -> StepChart.CountTable {
                    StepChart.cumulativeTable(
                        title, strata, labels: rowLabels, colors: rowColors, time: \.time, counts: counts, at: ticks)
                }
                var tables: [StepChart.CountTable] = []
                if options.eventsTable {
                    tables.append(table("Cumulative events") { curve in
                        curve.time.indices.map { i in causes.reduce(0) { $0 + (curve.nEvent[$1]?[i] ?? 0) } }
                    })
                }
                if options.censoredTable {
                    tables.append(table("Cumulative censored", CumulativeIncidencePlot.censoredCounts))
                }
                return tables
            }
        }
        if options.pValue {
            let tests = causes.map { cause -> String in
                let p = result.grayTest?[cause]?.p
                return causes.count == 1 ? PlotOptions.pText(p) : "\(cause): " + PlotOptions.pText(p)
            }
            chart.annotation = "Gray's test " + tests.joined(separator: "; ")
        }
        return PlotFigure(document: chart.document(), size: options.size)
    }

    /// Censored subjects at each row: those at risk at the row who neither had an
    /// event there nor are at risk at the next row (right-censored data; 0 where
    /// delayed entries make the count negative).
    static func censoredCounts(_ curve: CumulativeIncidenceCurve) -> [Double] {
        curve.time.indices.map { i in
            let events = curve.nEvent.values.reduce(0) { $0 + ($1.indices.contains(i) ? $1[i] : 0) }
            let next = i + 1 < curve.nRisk.count ? curve.nRisk[i + 1] : 0
            return max(0, curve.nRisk[i] - events - next)
        }
    }

    /// 0 to the 1-2-5 multiple above the highest value (or upper limit), at most 1.
    static func yScale(_ series: [StepChart.Series], bands: Bool) -> (lower: Double, upper: Double, step: Double) {
        var high = 0.0
        for item in series {
            high = max(high, item.value.filter(\.isFinite).max() ?? 0)
            if bands { high = max(high, item.upper.compactMap { $0 }.filter(\.isFinite).max() ?? 0) }
        }
        high = min(high > 0 ? high : 1, 1)
        let step = LinearAxis.niceStep(span: high, targetCount: 5)
        let upper = min((high / step - 1e-9).rounded(.up) * step, 1)
        return (0, max(upper, step), step)
    }
}

extension String {
    /// The string with its first character upper-cased ("cause 1" → "Cause 1").
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
