import CohortData
import SurvivalNumerics

/// The concordance counts of right-censored rows with few distinct times
/// (day-rounded registry data), by a sweep in order of the linear predictor
/// with counting trees over the *times*.
///
/// `concordanceCounts` sweeps down the times with trees over the ranks of the
/// linear predictor: on ten million rows those trees hold ten million leaves,
/// and every add and query is a few cache misses. Here the roles are swapped.
/// The rows are taken in ascending order of the predictor, one group of equal
/// values at a time, and three small structures over the time ranks τ hold
/// the rows already taken (those with a smaller predictor): the weight of all
/// of them by time (a tree), of the censored ones by time (an array), and of
/// the events by time (a tree). With a few thousand distinct times all three
/// stay in cache.
///
/// The pairs are those of `concordance()` (R's `concordancefit`): event i and
/// partner j at risk at tᵢ — a later time, or censored at tᵢ. For an event i
/// at rank τ, the partners with a smaller predictor weigh
/// `L = Σ_{τ' > τ} all(τ') + censored(τ)` over the rows taken before its group;
/// the same query after the group is added gives those with a smaller or equal
/// predictor, `LE` (i itself is never at risk at its own time); the larger ones
/// are the whole risk set's weight less `LE`. For a partner k at rank τ the
/// events it is at risk for are those before τ, and at τ when k is censored;
/// the same before/after queries of the events' tree split them by predictor.
/// Each row's three influence counts — as the event and as the partner — and
/// the pair totals come out exactly as the time sweep gives them: with whole
/// weights every sum is an exact integer, whatever the order; with fractional
/// weights they agree to rounding.
extension ModelFrame {
    /// The counts of `rows` (one stratum, right-censored) into `count` and
    /// `imat`, as `concordanceCounts`; `nil` (nothing written) when the
    /// stratum has more than `timeLimit` distinct times, where the time sweep
    /// is used instead.
    ///
    /// With `unscattered` (no `cluster()`: the variance is a sum over rows, in
    /// any order) the influence counts are not written back to their rows but
    /// appended in predictor order with the rows' weights — a million random
    /// writes fewer; `weighted: false` means every weight is 1 (not read).
    ///
    /// With a `mergeGuard`, the predictor's neighbouring distinct values are
    /// checked once sorted: if two are at most that far apart, `mergeRisk` is
    /// set and nothing is counted (the caller starts again on another
    /// predictor; see ``CoxFit/concordance(timeLimit:)``).
    func fewTimesConcordanceCounts(
        rows: [Int], lp: [Double], w: [Double], weighted: Bool = true, count: inout [Double], imat: InfluenceCounts,
        unscattered: inout [StratumInfluence]?, timeLimit: Int, mergeGuard: Double?, mergeRisk: inout Bool
    ) -> Bool {
        let stop = response.stop, status = response.status
        // `rows` lists a stratum's rows in increasing order: all of them are 0..<n.
        let allRows = rows.count == self.count
        let coded = RadixOrder.denseCodes(allRows ? stop : rows.map { stop[$0] })
        guard coded.distinct.count <= timeLimit else { return false }
        let timeRank = coded.codes  // by position in `rows`
        let times = coded.distinct.count
        // The whole stratum per time: all rows, censored rows, events; and each
        // row's time rank and status packed in one word (the gather below then
        // reads one value per row).
        var allAt = [Double](repeating: 0, count: times)
        var censoredAt = allAt, eventsAt = allAt
        var packed = [UInt32](repeating: 0, count: rows.count)
        for (q, r) in rows.enumerated() {
            let t = timeRank[q]
            let wr = weighted ? w[r] : 1
            allAt[t] += wr
            if status[r] == 0 { censoredAt[t] += wr } else { eventsAt[t] += wr }
            packed[q] = UInt32(truncatingIfNeeded: t) << 1 | (status[r] != 0 ? 1 : 0)
        }
        // riskSet[τ]: weight at risk for an event at τ (later rows and the
        // censored at τ); eventsBefore[τ]: event weight at ranks < τ.
        var riskSet = [Double](repeating: 0, count: times)
        var later = 0.0
        for t in stride(from: times - 1, through: 0, by: -1) {
            riskSet[t] = later + censoredAt[t]
            later += allAt[t]
        }
        var eventsBefore = [Double](repeating: 0, count: times + 1)
        for t in 0..<times { eventsBefore[t + 1] = eventsBefore[t] + eventsAt[t] }

        // The rows in ascending order of the linear predictor (the sort gives
        // the predictor in that order too), their time rank, status and weight
        // gathered into that order first — on both cores, each half of the
        // positions — so the sweep reads memory sequentially; its influence
        // counts are scattered back to the rows once at the end.
        let (byX, sortedX) = RadixOrder.ascendingWithKeys(allRows ? lp : rows.map { lp[$0] })
        let m = rows.count
        if let mergeGuard {
            var close = false
            sortedX.withUnsafeBufferPointer { xp in
                for k in 1..<Swift.max(m, 1) {
                    let gap = xp[k] - xp[k - 1]
                    close = close || (gap != 0 && !(gap > mergeGuard))
                }
            }
            if close {
                mergeRisk = true
                return true
            }
        }
        var sortedTime = [Int32](repeating: 0, count: m)
        var sortedWeight = [Double](repeating: 1, count: m)
        var sortedEvent = [Bool](repeating: false, count: m)
        sortedTime.withUnsafeMutableBufferPointer { tp in
        sortedWeight.withUnsafeMutableBufferPointer { wp in
        sortedEvent.withUnsafeMutableBufferPointer { ep in
        packed.withUnsafeBufferPointer { pp in
        byX.withUnsafeBufferPointer { xp in
        rows.withUnsafeBufferPointer { rp in
        w.withUnsafeBufferPointer { weights in
            let shared = UncheckedSendable((tp, wp, ep, pp, xp, rp, weights))
            let halves = m >= 50_000 ? 2 : 1
            ParallelLoop.run(halves, threads: halves) { half in
                let (tp, wp, ep, pp, xp, rp, weights) = shared.value
                for k in ParallelLoop.half(half, of: halves, count: m) {
                    let q = xp[k], v = pp[q]
                    tp[k] = Int32(truncatingIfNeeded: v >> 1)
                    ep[k] = v & 1 != 0
                    if weighted { wp[k] = weights[rp[q]] }
                }
            }
        }}}}}}}
        // The two sides are independent — the events' side keeps the trees of
        // all and censored rows, the partners' side the tree of events — so
        // they run at the same time, each into its own counts.
        let sorted = PredictorOrderRows(
            time: sortedTime, weight: sortedWeight, event: sortedEvent, x: sortedX, riskSet: riskSet,
            eventsBefore: eventsBefore, eventsAt: eventsAt)
        var sides = [Sweep](repeating: Sweep(count: 0), count: 2)
        sides.withUnsafeMutableBufferPointer { out in
            ParallelLoop.run(2, threads: m >= 50_000 ? 2 : 1) { side in
                out[side] = side == 0 ? Self.eventSide(sorted) : Self.partnerSide(sorted)
            }
        }
        for c in 0..<3 { count[c] += sides[0].count[c] }
        if unscattered != nil {
            unscattered?.append(StratumInfluence(sides: sides, weight: sortedWeight))
            return true
        }
        for k in 0..<m {
            let r = rows[byX[k]]
            imat.less[r] += sides[0].less[k] + sides[1].less[k]
            imat.greater[r] += sides[0].greater[k] + sides[1].greater[k]
            imat.equal[r] += sides[0].equal[k] + sides[1].equal[k]
        }
        return true
    }

    /// The rows of one stratum in ascending order of the linear predictor,
    /// and the stratum's per-time totals (see `fewTimesConcordanceCounts`).
    struct PredictorOrderRows {
        let time: [Int32], weight: [Double], event: [Bool], x: [Double]
        /// Weight at risk for an event at each time rank; event weight below
        /// each rank (`times + 1` entries); event weight at each rank.
        let riskSet: [Double], eventsBefore: [Double], eventsAt: [Double]

        /// Calls `body` with each run of rows of equal predictor.
        @inline(__always)
        func forEachTie(_ body: (Range<Int>) -> Void) {
            var start = 0
            while start < x.count {
                var end = start + 1
                while end < x.count && x[end] == x[start] { end += 1 }
                body(start..<end)
                start = end
            }
        }
    }

    /// Each event's partners split by their predictor, and the pair totals:
    /// `L` from the rows taken before its run of equal predictors, `LE` after.
    static func eventSide(_ rows: PredictorOrderRows) -> Sweep {
        let times = rows.riskSet.count
        var out = Sweep(count: rows.x.count)
        var taken = Fenwick(size: times)  // all rows with a smaller predictor, by time
        var takenCensored = [Double](repeating: 0, count: times)
        func partners(_ t: Int) -> Double { taken.total - taken.below(t + 1) + takenCensored[t] }
        var before: [Double] = []
        rows.forEachTie { run in
            if run.count == 1 {
                // A predictor value of one row (the rule with continuous
                // covariates): nothing ties with it, one query.
                let k = run.lowerBound, t = Int(rows.time[k]), w = rows.weight[k]
                if rows.event[k] {
                    let less = partners(t), greater = rows.riskSet[t] - less
                    out.count[0] += w * greater; out.less[k] = greater
                    out.count[1] += w * less; out.greater[k] = less
                }
                taken.add(t, w)
                if !rows.event[k] { takenCensored[t] += w }
                return
            }
            before.removeAll(keepingCapacity: true)
            for k in run { before.append(rows.event[k] ? partners(Int(rows.time[k])) : 0) }
            for k in run {
                let t = Int(rows.time[k])
                taken.add(t, rows.weight[k])
                if !rows.event[k] { takenCensored[t] += rows.weight[k] }
            }
            for k in run where rows.event[k] {
                let t = Int(rows.time[k]), w = rows.weight[k]
                let less = before[k - run.lowerBound], lessOrEqual = partners(t)
                let greater = rows.riskSet[t] - lessOrEqual, equal = lessOrEqual - less
                out.count[0] += w * greater; out.less[k] = greater
                out.count[1] += w * less; out.greater[k] = less
                out.count[2] += w * equal; out.equal[k] = equal
            }
        }
        return out
    }

    /// Each row's events as the partner (those before its time, and at it
    /// when the row is censored), split by their predictor the same way.
    static func partnerSide(_ rows: PredictorOrderRows) -> Sweep {
        let times = rows.riskSet.count
        var out = Sweep(count: rows.x.count)
        var takenEvents = Fenwick(size: times)
        func eventsFor(_ t: Int, censored: Bool) -> Double {
            takenEvents.below(t) + (censored ? takenEvents.at(t) : 0)
        }
        func all(_ t: Int, censored: Bool) -> Double { rows.eventsBefore[t] + (censored ? rows.eventsAt[t] : 0) }
        var before: [Double] = []
        rows.forEachTie { run in
            if run.count == 1 {
                let k = run.lowerBound, t = Int(rows.time[k]), censored = !rows.event[k]
                let below = eventsFor(t, censored: censored)
                out.less[k] = below
                out.greater[k] = all(t, censored: censored) - below
                if !censored { takenEvents.add(t, rows.weight[k]) }
                return
            }
            before.removeAll(keepingCapacity: true)
            for k in run { before.append(eventsFor(Int(rows.time[k]), censored: !rows.event[k])) }
            for k in run where rows.event[k] { takenEvents.add(Int(rows.time[k]), rows.weight[k]) }
            for k in run {
                let t = Int(rows.time[k]), censored = !rows.event[k]
                let below = before[k - run.lowerBound], belowOrEqual = eventsFor(t, censored: censored)
                out.less[k] = below
                out.greater[k] = all(t, censored: censored) - belowOrEqual
                out.equal[k] = belowOrEqual - below
            }
        }
        return out
    }
}

/// One stratum's influence counts in predictor order — the events' and the
/// partners' sides, to be added — with the rows' weights (see
/// `fewTimesConcordanceCounts`'s `unscattered`).
struct StratumInfluence {
    let sides: [ModelFrame.Sweep]
    let weight: [Double]

    /// Σ dfbeta² of the stratum's rows, `dfbeta = w·((L − G)/N − (s/N)·(L + G + E))`
    /// as in `coxConcordance`, with N the pairs and s Somers' d over all strata;
    /// `frequency` (counts as the weights): `Σ w·(dfbeta/w)²` instead, each
    /// subject a row stands for counted once.
    func sumOfSquaredInfluence(pairs npair: Double, somers somer: Double, frequency: Bool = false) -> Double {
        let a = sides[0], b = sides[1]
        var sum = 0.0
        for k in weight.indices {
            let less = a.less[k] + b.less[k], greater = a.greater[k] + b.greater[k], equal = a.equal[k] + b.equal[k]
            let d = (less - greater) / npair - (somer / npair) * (less + greater + equal)
            sum += frequency ? weight[k] * (d * d) : (weight[k] * d) * (weight[k] * d)
        }
        return sum
    }
}
