import CohortData
import SurvivalNumerics

extension KaplanMeier {
    /// Estimates one stratum's curve from its rows.
    ///
    /// Survival is the product-limit estimate `S(t) = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ)`.
    /// Its variance is Greenwood's, `Var(log S) = Σ dᵢ / (nᵢ(nᵢ − dᵢ))`, which is
    /// what R `survfit` gives as `std.err`; `stdErr` here is that of
    /// `S` itself, `S · se(log S)`. Once the curve reaches 0 the Greenwood sum is
    /// infinite and the standard error and limits are `nil` (R: NaN/NA).
    /// The cumulative hazard is Nelson–Aalen, `Σ dᵢ/nᵢ`.
    static func curve(
        label: String, rows: [Int], response: SurvivalResponse, event: [Bool],
        weights: [Double]?, options: KaplanMeierOptions, tau: Double?
    ) -> KaplanMeierCurve {
        let table = RiskTable(
            rows: rows, start: response.start, stop: response.stop, event: event, weights: weights)
        let m = table.time.count
        var survival = [Double](repeating: 1, count: m)
        var seLog = [Double](repeating: 0, count: m)
        var cumhaz = [Double](repeating: 0, count: m)
        var s = 1.0
        var greenwood = 0.0
        var h = 0.0
        for k in 0..<m {
            let n = table.nRisk[k]
            let d = table.nEvent[k]
            if d > 0 && n > 0 {
                s *= (n - d) / n
                greenwood += n > d ? d / (n * (n - d)) : .infinity
                h += d / n
            }
            survival[k] = s
            seLog[k] = greenwood.squareRoot()
            cumhaz[k] = h
        }
        let limits = ConfidenceLimits(
            survival: survival, seLog: seLog, type: options.confType, level: options.confLevel)
        let stdErr: [Double?] = (0..<m).map { k in
            let v = survival[k] * seLog[k]
            return v.isFinite ? v : nil
        }
        let q = MedianEstimate(time: table.time, survival: survival, lower: limits.lower, upper: limits.upper)
        let nEvents = table.nEvent.reduce(0, +)
        let rmst = tau.map {
            RestrictedMean.estimate(
                time: table.time, survival: survival, nRisk: table.nRisk, nEvent: table.nEvent, tau: $0)
        }
        let summaryAt = options.times.isEmpty
            ? nil
            : SurvivalSummaryAt.evaluate(
                at: options.times, table: (table.time, table.nRisk, table.nEvent), survival: survival, stdErr: stdErr,
                lower: limits.lower, upper: limits.upper)
        // n counts observations (rows), as R's survfit `n`; with case weights
        // the counts in the table and `events` are weighted sums.
        return KaplanMeierCurve(
            label: label, n: rows.count, events: Int(nEvents.rounded()), time: table.time,
            nRisk: table.nRisk, nEvent: table.nEvent, nCensor: table.nCensor, survival: survival,
            stdErr: stdErr, lower: limits.lower, upper: limits.upper, cumhaz: cumhaz,
            median: q.median, medianLower: q.lower, medianUpper: q.upper, rmst: rmst,
            summaryAt: summaryAt)
    }
}
