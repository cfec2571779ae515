import CohortData
import SurvivalNumerics

/// Cumulative incidence of competing risks by the Aalen–Johansen estimator,
/// with infinitesimal-jackknife standard errors, as R
/// `survfit(Surv(time, factor(event)) ~ g)` (multi-state `pstate`, `std.err`);
/// and Gray's (1988) k-sample test per cause, as `cmprsk::cuminc(...)$Tests`.
///
/// ## Estimator
/// Each subject starts in the initial, event-free state 0 and leaves it at
/// the first event of cause k = 1, 2, ... (status 0 = censored). At each
/// distinct time t with n(t) still in state 0, d_k(t) events of cause k and
/// d(t) = Σ d_k(t), the state probabilities p = (p₀, p₁, …) are updated by
/// the product-integral
///
///     p₀(t) = p₀(t−)·(1 − d/n),    p_k(t) = p_k(t−) + p₀(t−)·d_k/n,
///
/// so p₀ is the Kaplan–Meier curve of "any event" and p_k the cumulative
/// incidence of cause k (not 1 − KM of cause k, which treats competing events
/// as censorings and overstates the incidence).
///
/// ## Standard error (R's default, the infinitesimal jackknife)
/// R's `survfit` gives, for multi-state curves, `std.err = sqrt(Σᵢ Uᵢ(t)²)`
/// where `Uᵢ = ∂p(t)/∂wᵢ` is subject i's influence (the derivative with
/// respect to its case weight). Differentiating the recursion gives
///
///     Uᵢ(t) = Uᵢ(t−)·H(t) + p₀(t−)·∂A(t)/∂wᵢ,
///     (xH)₀ = x₀(1 − d/n),  (xH)_k = x_k + x₀ d_k/n,
///     ∂A₀ₖ/∂wᵢ = (dNᵢₖ − Yᵢ d_k/n)/n,  ∂A₀₀/∂wᵢ = −(dNᵢ − Yᵢ d/n)/n.
///
/// Two facts make this cheap: every subject still at risk has the same
/// influence vector u (same history, no event), and once a subject has left
/// state 0 its vector only moves by the linear map H. So instead of one vector
/// per subject we keep u and the matrix D = Σ UᵢUᵢᵀ over subjects who have
/// left; D ↦ HᵀDH at every time, plus the outer products of the subjects who
/// leave. The variance is diag(D) + (number still at risk)·u². This is exact
/// (not an approximation) and costs O(times × causes²).
///
/// This is not the variance of `cmprsk::cuminc` (Gray's delta-method
/// formula); this code gives R `survfit`'s.
///
/// With frequency counts (`frame.counts`, `--counts`) every count above is a
/// sum of the rows' counts and a row of count c adds c outer products: the
/// results on the expanded rows. Case weights are not supported.
public enum CumulativeIncidence {
    /// Fits the cumulative incidence curves of every cause in every group of
    /// `frame` (right-hand-side groups crossed with `strata(...)`), and Gray's
    /// test across the right-hand-side groups (stratified by `strata(...)`).
    /// With `times`, every curve also carries its values and 95% log limits
    /// there (`summaryAt`), as R `summary(fit, times = , extend = )`.
    ///
    /// - Throws: `ModelError` for counting-process input, case weights, no rows
    ///   or no events, or when `times` (without `extend`) leaves a stratum no time.
    public static func fit(_ frame: SurvivalGroupingFrame, times: [Double] = [], extend: Bool = false)
        throws(ModelError) -> CumulativeIncidenceResult
    {
        guard frame.count > 0 else {
            throw ModelError("No rows left to analyse (\(frame.rows.read) read, all dropped).")
        }
        guard frame.response.start == nil else {
            throw ModelError("Cumulative incidence needs right-censored data Surv(time, event); (start, stop] data is not supported.")
        }
        guard frame.weights == nil || frame.counts != nil else {
            throw ModelError("Case weights are not supported for cumulative incidence.")
        }
        let causes = Array(Set(frame.response.status.lazy.filter { $0 != 0 }.map { Int($0) })).sorted()
        guard !causes.isEmpty else {
            throw ModelError("No events: every status is 0 (censored).")
        }
        let causeIndex = Dictionary(uniqueKeysWithValues: causes.enumerated().map { ($1, $0 + 1) })
        let labels = causes.map(String.init)
        let grouping = frame.curveGroups
        var members = [[Int]](repeating: [], count: grouping.labels.count)
        for (row, code) in grouping.codes.enumerated() { members[Int(code)].append(row) }
        var curves: [CumulativeIncidenceCurve] = []
        for (g, rows) in members.enumerated() where !rows.isEmpty {
            let state = rows.map { causeIndex[Int(frame.response.status[$0])] ?? 0 }
            var c = curve(
                label: grouping.labels[g], time: rows.map { frame.response.stop[$0] }, state: state,
                causeLabels: labels, counts: frame.counts.map { counts in rows.map { counts[$0] } })
            if !times.isEmpty {
                let at = c.summary(at: times, extend: extend)
                guard !at.time.isEmpty else {
                    let last = c.time.last.map { NumberFormatting.label($0) } ?? "none"
                    throw ModelError(
                        "No requested time (--times) is within the follow-up of \(c.label) (its last time is \(last));"
                            + " as R's summary(fit, times =), times after a curve's last time are dropped."
                            + " Use --extend to report the curves past their last time.")
                }
                c.summaryAt = at
            }
            curves.append(c)
        }
        var gray: [String: GrayTestResult]? = nil
        if let groups = frame.groups {
            gray = GrayTest.test(
                time: frame.response.stop, status: frame.response.status, causes: causes,
                groups: groups.intCodes, strata: frame.strata?.intCodes, counts: frame.counts)
        }
        return CumulativeIncidenceResult(
            n: frame.subjectCount, nDroppedMissing: frame.rows.droppedTotal, causes: labels, strata: curves,
            grayTest: gray, rows: frame.rows, warnings: frame.warnings)
    }

    /// One stratum: `state[i]` is 0 (censored) or the 1-based index of the cause;
    /// `counts[i]` the subjects row i stands for (`nil`: one each).
    static func curve(
        label: String, time: [Double], state: [Int], causeLabels: [String], counts: [Double]? = nil
    ) -> CumulativeIncidenceCurve {
        let k = causeLabels.count
        let order = RadixOrder.ascending(time)
        var p = [Double](repeating: 0, count: k + 1)
        p[0] = 1
        var u = [Double](repeating: 0, count: k + 1)  // influence of each subject still at risk
        var dep = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k + 1)  // Σ UUᵀ, departed
        let subjects = counts?.reduce(0, +) ?? Double(time.count)
        var atRisk = subjects
        var times: [Double] = [], nRisk: [Double] = []
        var nEvent = [[Double]](repeating: [], count: k)
        var cif = [[Double]](repeating: [], count: k), se = [[Double]](repeating: [], count: k)
        var i = 0
        while i < order.count {
            let t = time[order[i]]
            var dk = [Double](repeating: 0, count: k + 1)  // dk[0] = censorings
            while i < order.count && time[order[i]] == t {
                dk[state[order[i]]] += counts?[order[i]] ?? 1
                i += 1
            }
            let n = atRisk
            let d = dk[1...].reduce(0, +)
            let censored = dk[0]
            // a: the row of hazard increments, so that xH = x + x₀·a.
            var a = [Double](repeating: 0, count: k + 1)
            a[0] = -d / n
            for c in 1...k { a[c] = dk[c] / n }
            // D ← HᵀDH = D + a D[0,·] + D[·,0] aᵀ + D₀₀ a aᵀ (D symmetric).
            let row0 = dep[0], d00 = dep[0][0]
            for r in 0...k {
                for c in 0...k {
                    dep[r][c] += a[r] * row0[c] + row0[r] * a[c] + d00 * a[r] * a[c]
                }
            }
            // v: the new influence of a subject at risk with no event at t.
            var v = u.indices.map { u[$0] + u[0] * a[$0] }
            v[0] += p[0] * d / (n * n)
            for c in 1...k { v[c] -= p[0] * dk[c] / (n * n) }
            func addOuter(_ x: [Double], _ weight: Double) {
                guard weight > 0 else { return }
                for r in 0...k { for c in 0...k { dep[r][c] += weight * x[r] * x[c] } }
            }
            addOuter(v, censored)
            for c in 1...k where dk[c] > 0 {
                var w = v
                w[0] -= p[0] / n
                w[c] += p[0] / n
                addOuter(w, dk[c])
            }
            u = v
            let p0 = p[0]
            for c in 1...k { p[c] += p0 * dk[c] / n }
            p[0] = p0 * (1 - d / n)
            atRisk = n - d - censored
            times.append(t)
            nRisk.append(n)
            for c in 1...k {
                nEvent[c - 1].append(dk[c])
                cif[c - 1].append(p[c])
                se[c - 1].append(max(dep[c][c] + atRisk * v[c] * v[c], 0).squareRoot())
            }
        }
        func keyed(_ x: [[Double]]) -> [String: [Double]] {
            Dictionary(uniqueKeysWithValues: zip(causeLabels, x))
        }
        return CumulativeIncidenceCurve(
            label: label, n: Int(subjects), time: times, nRisk: nRisk, nEvent: keyed(nEvent), cif: keyed(cif),
            stdErr: keyed(se))
    }
}
