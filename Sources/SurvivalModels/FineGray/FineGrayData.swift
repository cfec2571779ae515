import Foundation
import SurvivalNumerics

/// The rows of a Fine–Gray fit laid out as `cmprsk::crr` lays them out
/// before its Fortran: sorted by time (R's stable `order(ftime)`), each row
/// marked as an event of the cause, a competing event or censored, with the
/// Kaplan–Meier estimate of the *censoring* distribution just before its time.
///
/// **Censoring weights.** crr fits `survfit(Surv(ftime, cenind) ~ 1)` with
/// `cenind = 1` for the censored rows — the censoring times are the "events"
/// and every failure, of any cause, "censors" the censoring distribution — and
/// evaluates it at `ftime·(1 − 100ε)` with a left-continuous step function:
/// `G(T_i−)`, the product over the distinct times `s < T_i` of
/// `1 − c(s)/R(s)` (`c` censored at `s`, `R` rows with time ≥ `s`). At time 0
/// the evaluation point is 0 itself, so a row at time 0 gets `G(0)` (after any
/// censoring at 0), not 1; this follows crr.
///
/// **Risk sets.** At an event time `t` of the cause, the subdistribution risk
/// set holds every row with `T ≥ t` (weight 1) and every row with a competing
/// event before `t`, weighted `G(t−)/G(T_i−)` (the estimated chance that it
/// would still have been uncensored at `t`). Censored rows before `t` are out.
///
/// Covariates are stored row-major and centred on their means over the rows:
/// the score, information, pseudo log-likelihood and (`x − x̄`) terms of the
/// variance are unchanged by centring (the `exp(m·β)` factors cancel), and the
/// sums of `exp(η)·x·xᵀ` lose less to cancellation; only the baseline jumps
/// are on the centred scale, and predictions centre the new rows the same way.
struct FineGrayData: Sendable {
    /// Which kind of end each row had.
    enum End: UInt8, Sendable {
        case censored = 0, cause = 1, competing = 2
    }

    let n: Int
    let p: Int
    /// Times, ascending.
    let time: [Double]
    /// The end of each row (sorted order).
    let end: [End]
    /// Centred covariates, row-major: `x[i * p + j]`.
    let x: [Double]
    /// The covariate means that were subtracted.
    let centre: [Double]
    /// `G(T_i−)`, the censoring survival just before each row's time.
    let censoringBefore: [Double]
    /// The frame row (0-based position in the frame) of each sorted row.
    let frameRow: [Int]
    /// Start of each block of tied times (sorted positions), plus `n` at the end.
    let blockStart: [Int]
    /// Blocks (indices into `blockStart`) holding at least one event of the cause, ascending.
    let eventBlocks: [Int]
    /// Events of the cause in each of `eventBlocks`.
    let eventCount: [Int]
    /// `G(t−)` at each event time of the cause.
    let eventCensoringBefore: [Double]
    /// The event times of the cause, ascending (crr's `uftime`).
    let eventTimes: [Double]

    /// Number of distinct event times of the cause.
    var eventTimeCount: Int { eventBlocks.count }

    /// Sorts and codes the rows. `status` holds the frame's codes;
    /// `cause` / `censoringCode` decide the kinds.
    init(time unsorted: [Double], status: [Int32], design: Matrix, cause: Int, censoringCode: Int) {
        n = unsorted.count
        p = design.columns
        // R's order() is stable: tied times keep their row order.
        let order = (0..<n).sorted { a, b in
            unsorted[a] < unsorted[b] || (unsorted[a] == unsorted[b] && a < b)
        }
        frameRow = order
        let time = order.map { unsorted[$0] }
        let end: [End] = order.map { k in
            status[k] == cause ? .cause : status[k] == censoringCode ? .censored : .competing
        }
        self.time = time
        self.end = end
        var means = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var s = 0.0
            for i in 0..<n { s += design[i, j] }
            means[j] = n > 0 ? s / Double(n) : 0
        }
        centre = means
        var xs = [Double](repeating: 0, count: n * p)
        for (i, k) in order.enumerated() {
            for j in 0..<p { xs[i * p + j] = design[k, j] - means[j] }
        }
        x = xs

        var starts: [Int] = []
        var i = 0
        while i < n {
            starts.append(i)
            var j = i + 1
            while j < n && time[j] == time[i] { j += 1 }
            i = j
        }
        starts.append(n)
        blockStart = starts

        // Kaplan–Meier of the censoring distribution, G(t−) per block.
        let blocks = starts.count - 1
        var before = [Double](repeating: 1, count: n)
        var eventBlocks: [Int] = []
        var eventCount: [Int] = []
        var eventG: [Double] = []
        var eventTimes: [Double] = []
        var survival = 1.0
        var atRisk = n
        for b in 0..<blocks {
            let range = starts[b]..<starts[b + 1]
            let censored = range.reduce(0) { $0 + (end[$1] == .censored ? 1 : 0) }
            let events = range.reduce(0) { $0 + (end[$1] == .cause ? 1 : 0) }
            let after = survival * (1 - Double(censored) / Double(atRisk))
            // crr evaluates G at t·(1 − 100ε): just before t, but at t itself when t = 0.
            let g = time[range.lowerBound] == 0 ? after : survival
            for k in range { before[k] = g }
            if events > 0 {
                eventBlocks.append(b)
                eventCount.append(events)
                eventG.append(g)
                eventTimes.append(time[range.lowerBound])
            }
            survival = after
            atRisk -= range.count
        }
        censoringBefore = before
        self.eventBlocks = eventBlocks
        self.eventCount = eventCount
        eventCensoringBefore = eventG
        self.eventTimes = eventTimes
    }

    /// `η_i = x_i·β` on the centred covariates.
    func linearPredictors(_ beta: [Double]) -> [Double] {
        var eta = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = 0.0
            for j in 0..<p { s += x[i * p + j] * beta[j] }
            eta[i] = s
        }
        return eta
    }
}
