import Foundation
import CohortData
import SurvivalNumerics

extension KaplanMeier {
    /// Estimates one stratum's curve from its rows.
    ///
    /// Survival is the product-limit estimate `S(t) = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ)`,
    /// with weighted counts under case weights. The cumulative hazard is
    /// Nelson–Aalen, `Σ dᵢ/nᵢ`.
    ///
    /// The standard error follows R `survfit`'s choice:
    /// - integer (or no) weights: Greenwood's `Var(log S) = Σ dᵢ / (nᵢ(nᵢ − dᵢ))`,
    ///   R's `std.err`; `stdErr` here is that of `S` itself, `S · se(log S)`.
    ///   Once the curve reaches 0 the sum is infinite and the standard error
    ///   and limits are `nil` (R: NaN/NA).
    /// - `robust`: the infinitesimal jackknife (`InfinitesimalJackknife`), R's
    ///   default when some weight is not an integer; it is already the
    ///   standard error of `S` (0 where S = 0, as R), and the limits use
    ///   `se/S` as the standard error of log S (0 where se = 0).
    static func curve(
        label: String, rows: [Int], response: SurvivalResponse, event: [Bool],
        weights: [Double]?, robust: Bool, options: KaplanMeierOptions, tau: Double?, subjects: Int? = nil
    ) throws(ModelError) -> KaplanMeierCurve {
        let table = RiskTable(
            rows: rows, start: response.start, stop: response.stop, event: event, weights: weights)
        let jackknife: (([Double]) -> [Double])? = !robust ? nil : { survival in
            InfinitesimalJackknife.standardErrors(
                rows: rows, start: response.start, stop: response.stop, event: event, weights: weights,
                table: table, survival: survival)
        }
        return try curve(
            label: label, n: subjects ?? rows.count, table: table, jackknife: jackknife, options: options, tau: tau)
    }

    /// The curve of `n` rows from their risk table; `jackknife` gives the
    /// infinitesimal-jackknife standard errors of S when R would use them
    /// (`robust`), else Greenwood's formula is used.
    static func curve(
        label: String, n rowCount: Int, table: RiskTable, jackknife: (([Double]) -> [Double])?,
        options: KaplanMeierOptions, tau: Double?
    ) throws(ModelError) -> KaplanMeierCurve {
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
        var stdErr: [Double?]
        if let jackknife {
            let se = jackknife(survival)
            stdErr = se
            seLog = zip(se, survival).map { se, p in se == 0 ? 0 : se / p }
        } else {
            stdErr = (0..<m).map { k in
                let v = survival[k] * seLog[k]
                return v.isFinite ? v : nil
            }
        }
        let limits = ConfidenceLimits(
            survival: survival, seLog: seLog, type: options.confType, level: options.confLevel)
        let q = MedianEstimate(time: table.time, survival: survival, lower: limits.lower, upper: limits.upper)
        let nEvents = table.nEvent.reduce(0, +)
        let rmst = tau.map {
            RestrictedMean.estimate(
                time: table.time, survival: survival, nRisk: table.nRisk, nEvent: table.nEvent, tau: $0)
        }
        var summaryAt: SurvivalSummaryAt? = nil
        if !options.times.isEmpty {
            let at = SurvivalSummaryAt.evaluate(
                at: options.times, table: (table.time, table.nRisk, table.nEvent), survival: survival, stdErr: stdErr,
                lower: limits.lower, upper: limits.upper, extend: options.extend)
            guard !at.time.isEmpty else {
                let last = table.time.last.map { NumberFormatting.label($0) } ?? "none"
                throw ModelError(
                    "No requested time (--times) is within the follow-up of \(label) (its last time is \(last));"
                        + " as R's summary(fit, times =), times after a curve's last time are dropped."
                        + " Use --extend to report the curves past their last time.")
            }
            summaryAt = at
        }
        // n counts observations (rows), as R's survfit `n` (with counts, the
        // subjects: the expanded rows); with case weights the counts in the
        // table and `events` are weighted sums.
        return KaplanMeierCurve(
            label: label, n: rowCount, events: nEvents, time: table.time,
            nRisk: table.nRisk, nEvent: table.nEvent, nCensor: table.nCensor, survival: survival,
            stdErr: stdErr, lower: limits.lower, upper: limits.upper, cumhaz: cumhaz,
            median: q.median, medianLower: q.lower, medianUpper: q.upper, rmst: rmst,
            summaryAt: summaryAt)
    }
}

/// The infinitesimal-jackknife standard error of a Kaplan–Meier curve, R
/// `survfit`'s robust variance with one cluster per row (its default when
/// some case weight is not an integer).
///
/// Row i's influence on S(t) (its weight times the derivative of S with
/// respect to that weight) obeys, at each event time t with weighted `n`
/// at risk, `d` events and hazard `h = d/n`,
///
///     Uᵢ(t) = Uᵢ(t−)(1 − h) + S(t−)·wᵢ·(Yᵢ(t)·h − dNᵢ(t))/n,
///
/// and `se S(t) = √Σᵢ Uᵢ(t)²`. Writing `Uᵢ = S·aᵢ`, while `h < 1`,
/// `aᵢ` gains `wᵢ·cₖ` at each event time at which row i is at risk and loses
/// `wᵢ/(nₖ(1 − hₖ))` at its own event, with `cₖ = hₖ/(nₖ(1 − hₖ))`. So a row at risk
/// over `(sᵢ, t]` has `aᵢ = wᵢ(C(t) − C(sᵢ))`, C the running sum of cₖ; the
/// rows that have left keep theirs fixed. Σ aᵢ² is then kept from running
/// sums of `w²`, `w²C(s)` and `w²C(s)²` over the rows at risk, and costs
/// O(n log n) instead of R's O(n × times). When `h = 1` the curve drops to
/// 0 and every influence with it (se 0, as R).
enum InfinitesimalJackknife {
    static func standardErrors(
        rows: [Int], start: [Double]?, stop: [Double], event: [Bool], weights: [Double]?,
        table: RiskTable, survival: [Double]
    ) -> [Double] {
        let m = table.time.count
        let w: (Int) -> Double = { weights?[$0] ?? 1 }
        // cₖ and the running sum C, over the times with an event.
        var cumC = [Double](repeating: 0, count: m)
        var loss = [Double](repeating: 0, count: m)  // 1/(nₖ(1 − hₖ)): what an event takes from aᵢ/wᵢ
        var c = 0.0
        var collapse = m  // first time at which h = 1
        for k in 0..<m {
            let n = table.nRisk[k], d = table.nEvent[k]
            if d > 0 && n > 0 {
                if d >= n {
                    collapse = min(collapse, k)
                } else {
                    let h = d / n
                    c += h / (n * (1 - h))
                    loss[k] = 1 / (n * (1 - h))
                }
            }
            cumC[k] = c
        }
        // C(s): the sum over event times ≤ s (a row entering at s is not at risk at s).
        func cumulative(atOrBefore s: Double) -> Double {
            var lo = 0, hi = m  // first index with time > s
            while lo < hi {
                let mid = (lo + hi) / 2
                if table.time[mid] <= s { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? 0 : cumC[lo - 1]
        }
        let entry = rows.map { r in start.map { cumulative(atOrBefore: $0[r]) } ?? 0 }
        let byStart = start.map { s in RadixOrder.ascending(rows.map { s[$0] }) } ?? Array(rows.indices)
        let byStop = RadixOrder.ascending(rows.map { stop[$0] })
        var s0 = 0.0, s1 = 0.0, s2 = 0.0  // Σ w², Σ w²C(s), Σ w²C(s)² over rows at risk
        var finished = 0.0  // Σ aᵢ² over rows that have left
        var nextIn = 0, nextOut = 0
        var out = [Double](repeating: 0, count: m)
        for k in 0..<m {
            let t = table.time[k]
            while nextIn < byStart.count, (start?[rows[byStart[nextIn]]] ?? -.infinity) < t {
                let j = byStart[nextIn]
                let w2 = w(rows[j]) * w(rows[j])
                s0 += w2
                s1 += w2 * entry[j]
                s2 += w2 * entry[j] * entry[j]
                nextIn += 1
            }
            while nextOut < byStop.count, stop[rows[byStop[nextOut]]] == t {
                let j = byStop[nextOut]
                let wj = w(rows[j])
                let w2 = wj * wj
                s0 -= w2
                s1 -= w2 * entry[j]
                s2 -= w2 * entry[j] * entry[j]
                var a = wj * (cumC[k] - entry[j])
                if event[rows[j]] { a -= wj * loss[k] }
                finished += a * a
                nextOut += 1
            }
            guard k < collapse else { break }  // S = 0 from here on: se 0
            let atRisk = cumC[k] * cumC[k] * s0 - 2 * cumC[k] * s1 + s2
            out[k] = survival[k] * max(finished + max(atRisk, 0), 0).squareRoot()
        }
        return out
    }
}
