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
