import Foundation
import CohortData

/// Turnbull's nonparametric estimate of the survival function for
/// interval-censored data (`Surv(left, right, type = "interval2")`), as R's
/// `survfit` computes it (`survival:::survfitTurnbull`, survival 3.5); one
/// curve per group.
///
/// R's algorithm, followed step by step so that the curves equal R's:
///
/// 1. The ends of the observations are sorted by time, with, at one time, an
///    exact time first, then the left ends of right-censored rows and of
///    intervals, then the right ends of left-censored rows and of intervals.
///    The candidate jump points are the exact times and the midpoint of each
///    left end followed directly by a right end (Turnbull's innermost
///    intervals, represented by their midpoints).
/// 2. A left-censored row whose time is before the first jump point becomes
///    an exact time (and a jump point).
/// 3. Every left- or interval-censored row `i` may have its event at the
///    jump points `j` it covers (`W[i, j] = 1`: `t_j ≤ y` for a left-censored
///    row, `y₁ < t_j ≤ y₂` for an interval). The EM step shares each such
///    row's weight over its jump points in proportion to the current jumps of
///    the curve, and the Kaplan–Meier curve of the exact and right-censored
///    rows together with these shares (as weighted events at the jump points)
///    is the next curve. The first curve puts mass in proportion to the
///    column sums of `W`.
/// 4. Every fifth iteration an Aitken extrapolation of the jumps is tried
///    (kept only where it stays in (0, 1), and only if the likelihood
///    `Σ log(W·jumps)` does not fall).
/// 5. The iteration stops when the curve at the jump points moves by at most
///    5e-5 (R's rule; the change is not checked in iterations ≡ 0, 1 mod 5).
///
/// Whether an Aitken step is kept can turn on the last bits of the jumps once
/// the curve has nearly converged, and it moves the curve by up to R's
/// tolerance; so the sums are formed as R forms them (the Kaplan–Meier
/// number at risk summed backwards in double, R's `sum()`s in long double),
/// which makes the iteration path R's, bit for bit on the reference data.
///
/// The curve is reported at every time of that last Kaplan–Meier fit (R's
/// `fit$time`): the exact and right-censored times and the jump points.
/// Without any left- or interval-censored row R still shares one unit of
/// weight over the exact times (its `lwt = 1` branch), and so does this.
public enum TurnbullEstimate {
    #if arch(x86_64) && !os(Windows)
    typealias LongSum = Float80
    #else
    typealias LongSum = Double
    #endif

    /// R's stopping tolerance on the curve at the jump points.
    public static let tolerance = 5e-5
    /// A guard on the EM iterations (R has none); far above what R's rule needs.
    public static let maxIterations = 100_000

    /// Fits one curve per group of an interval-censored `frame`.
    ///
    /// - Throws: `ModelError` when the frame has no rows or is not interval-censored.
    public static func fit(_ frame: SurvivalGroupingFrame) throws(ModelError) -> TurnbullResult {
        guard frame.count > 0 else {
            throw ModelError("No rows left to analyse (\(frame.rows.read) read, all dropped).")
        }
        guard let upper = frame.response.intervalUpper else {
            throw ModelError("The Turnbull estimate needs interval-censored data, Surv(left, right, type = \"interval2\").")
        }
        let grouping = frame.curveGroups
        var members = [[Int]](repeating: [], count: grouping.labels.count)
        for (row, code) in grouping.codes.enumerated() { members[Int(code)].append(row) }
        var curves: [TurnbullCurve] = []
        var warnings = frame.warnings
        for (g, rows) in members.enumerated() where !rows.isEmpty {
            let y1 = rows.map { frame.response.stop[$0] }
            let y2 = rows.map { upper[$0] }
            let status = rows.map { Int(frame.response.status[$0]) }
            let weights = rows.map { frame.weights?[$0] ?? 1 }
            let fitted = try curve(y1: y1, y2: y2, status: status, weights: weights)
            if !fitted.converged {
                warnings.append(
                    "\(grouping.labels[g]): the Turnbull EM did not converge within \(maxIterations) iterations")
            }
            curves.append(
                TurnbullCurve(
                    label: grouping.labels[g], n: rows.count, time: fitted.time, survival: fitted.survival,
                    iterations: fitted.iterations))
        }
        return TurnbullResult(
            n: frame.count, nDroppedMissing: frame.rows.droppedTotal, strata: curves, rows: frame.rows,
            warnings: warnings)
    }

    /// One group's curve (R's `doit`); `status` 0 right, 1 exact, 2 left, 3 interval.
    static func curve(y1: [Double], y2: [Double], status statusIn: [Int], weights: [Double]) throws(ModelError) -> (
        time: [Double], survival: [Double], iterations: Int, converged: Bool
    ) {
        let n = statusIn.count
        var status = statusIn
        // The ends of the observations, coded: 0 exact, 2 a left end, 1 a right end.
        var ends: [(time: Double, code: Int)] = []
        ends.reserveCapacity(n + status.count(where: { $0 == 3 }))
        for i in 0..<n { ends.append((y1[i], [2, 0, 1, 2][status[i]])) }
        for i in 0..<n where status[i] == 3 { ends.append((y2[i], 1)) }
        // order(time2, stat2): R's order is stable.
        let order = ends.indices.sorted { a, b in
            ends[a].time != ends[b].time ? ends[a].time < ends[b].time
                : ends[a].code != ends[b].code ? ends[a].code < ends[b].code : a < b
        }
        let sortedEnds = order.map { ends[$0] }
        var jumpTimes = sortedEnds.filter { $0.code == 0 }.map(\.time)
        for k in 0..<max(sortedEnds.count - 1, 0) where sortedEnds[k].code != 1 && sortedEnds[k + 1].code == 1 {
            jumpTimes.append(0.5 * (sortedEnds[k].time + sortedEnds[k + 1].time))
        }
        guard let minTime = jumpTimes.min() else {
            throw ModelError("The Turnbull estimate has no point where the curve can drop (no exact time and no interval).")
        }
        for i in 0..<n where status[i] == 2 && y1[i] < minTime {
            status[i] = 1
            jumpTimes.append(y1[i])
        }
        jumpTimes = Array(Set(jumpTimes)).sorted()
        let m = jumpTimes.count

        // W: which jump points each left- or interval-censored row covers.
        let censoredRows = (0..<n).filter { status[$0] > 1 }
        var wtmat: [[Bool]]
        var rowWeight: [Double]
        if censoredRows.isEmpty {
            wtmat = [[Bool](repeating: true, count: m)]
            rowWeight = [1]
        } else {
            wtmat = censoredRows.map { i in
                jumpTimes.map { t in status[i] == 2 ? t <= y1[i] : (t > y1[i] && t <= y2[i]) }
            }
            rowWeight = censoredRows.map { weights[$0] }
        }
        let realRows = (0..<n).filter { status[$0] < 2 }

        // The Kaplan–Meier pieces that do not change: the real rows' times,
        // with the jump points as event times, all distinct times ascending.
        var allTimes = realRows.map { y1[$0] } + jumpTimes
        allTimes = Array(Set(allTimes)).sorted()
        let index = Dictionary(uniqueKeysWithValues: allTimes.enumerated().map { ($1, $0) })
        var realEvents = [Double](repeating: 0, count: allTimes.count)
        var realAtRisk = [Double](repeating: 0, count: allTimes.count)  // weight leaving at each time
        for i in realRows {
            guard let k = index[y1[i]] else { continue }
            realAtRisk[k] += weights[i]
            if status[i] == 1 { realEvents[k] += weights[i] }
        }
        let jumpIndex = jumpTimes.map { index[$0] ?? 0 }

        func kaplanMeier(_ shares: [Double]) -> [Double] {
            var leaving = realAtRisk
            var events = realEvents
            for j in 0..<m {
                leaving[jumpIndex[j]] += shares[j]
                events[jumpIndex[j]] += shares[j]
            }
            // As survfitKM's C code, to the last bit (the Aitken test below can
            // turn on it): the number at risk summed from the last time
            // backwards, each factor 1 − d/n.
            var risk = [Double](repeating: 0, count: allTimes.count)
            var running = 0.0
            for k in stride(from: allTimes.count - 1, through: 0, by: -1) {
                running += leaving[k]
                risk[k] = running
            }
            var s = 1.0
            var out = [Double](repeating: 0, count: allTimes.count)
            for k in 0..<allTimes.count {
                if events[k] > 0 && risk[k] > 0 { s *= 1 - events[k] / risk[k] }
                out[k] = s
            }
            return out
        }
        // R's sum() accumulates in long double (x87 80-bit on x86-64); the
        // accept-or-reject test of the Aitken step can hinge on the last bits
        // once the curve has nearly converged, so the sum is taken the same way.
        func loglik(_ jumps: [Double]) -> Double {
            var total: LongSum = 0
            for row in wtmat {
                var p = 0.0
                for j in 0..<m where row[j] { p += jumps[j] }
                total += LongSum(log(p))
            }
            return Double(total)
        }

        // The first curve: mass in proportion to the column sums of W.
        var columnSums = [Double](repeating: 0, count: m)
        for row in wtmat { for j in 0..<m where row[j] { columnSums[j] += 1 } }
        let totalSum = columnSums.reduce(0, +)
        var cumulative = 0.0
        var atJumps = columnSums.map { c -> Double in
            cumulative += c
            return 1 - cumulative / totalSum
        }
        var old = atJumps
        var curve: [Double] = []
        var jump1 = [Double](repeating: 0, count: m), jump2 = jump1
        var aitken1 = jump1, aitken2 = jump1
        var iteration = 0
        var eps = 1.0
        while eps > tolerance {
            iteration += 1
            if iteration > maxIterations { return (allTimes, curve, iteration - 1, false) }
            var jumps = (0..<m).map { j in (j == 0 ? 1 : atJumps[j - 1]) - atJumps[j] }
            aitken2 = aitken1
            aitken1 = (0..<m).map { jumps[$0] - jump1[$0] }
            let saved = jumps
            if iteration % 5 == 0 {
                let oldLik = loglik(jumps)
                for j in 0..<m {
                    let x = jump2[j] - aitken2[j] * aitken2[j] / (aitken1[j] - aitken2[j])
                    jumps[j] = x.isNaN || x <= 0 || x >= 1 ? saved[j] : x
                }
                if loglik(jumps) < oldLik { jumps = saved }
            }
            jump2 = jump1
            jump1 = saved
            // E step: each censored row's weight shared over its jump points
            // (R: row sums, then column sums, each a long-double sum()).
            var columnTotals = [LongSum](repeating: 0, count: m)
            for (r, row) in wtmat.enumerated() {
                var total: LongSum = 0
                for j in 0..<m where row[j] { total += LongSum(jumps[j]) }
                guard total > 0 else { continue }
                let scale = rowWeight[r] / Double(total)
                for j in 0..<m where row[j] { columnTotals[j] += LongSum(scale * jumps[j]) }
            }
            let shares = columnTotals.map { Double($0) }
            curve = kaplanMeier(shares)
            atJumps = jumpIndex.map { curve[$0] }
            if iteration % 5 < 2 {
                eps = 1
            } else {
                eps = 0
                for j in 0..<m { eps = max(eps, abs(old[j] - atJumps[j])) }
            }
            old = atJumps
        }
        return (allTimes, curve, iteration, true)
    }
}
