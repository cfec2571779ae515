extension StepChart {
    /// Sums of `counts` over the rows with `time ≤ tick`, for each tick (weighted counts rounded).
    static func cumulativeCounts(time: [Double], counts: [Double], at ticks: [Double]) -> [Int] {
        ticks.map { tick in
            var total = 0.0
            for (t, c) in zip(time, counts) where t <= tick { total += c }
            return Int(total.rounded())
        }
    }

    /// A table under the plot with one row per curve: the cumulative `counts`
    /// (events, censored) up to each tick — the one shape the KM, CIF and MCF
    /// figures share.
    static func cumulativeTable<Curve>(
        _ title: String, _ curves: [Curve], labels: [String], colors: [String],
        time: (Curve) -> [Double], counts: (Curve) -> [Double], at ticks: [Double]
    ) -> CountTable {
        CountTable(
            title: title,
            rows: curves.enumerated().map { index, curve in
                AtRiskRow(
                    label: labels[index], color: colors[index],
                    counts: cumulativeCounts(time: time(curve), counts: counts(curve), at: ticks))
            })
    }
}
