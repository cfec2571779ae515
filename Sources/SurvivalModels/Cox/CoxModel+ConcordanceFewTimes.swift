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
extension CoxFit {
    /// The counts of `rows` (one stratum, right-censored) into `count` and
    /// `imat`, as `concordanceCounts`; `nil` (nothing written) when the
    /// stratum has more than `timeLimit` distinct times, where the time sweep
    /// is used instead.
    func fewTimesConcordanceCounts(
        rows: [Int], lp: [Double], w: [Double], count: inout [Double], imat: InfluenceCounts, timeLimit: Int
    ) -> Bool {
        let stop = frame.response.stop, status = frame.response.status
        let coded = RadixOrder.denseCodes(rows.map { stop[$0] })
        guard coded.distinct.count <= timeLimit else { return false }
        let timeRank = coded.codes  // by position in `rows`
        let times = coded.distinct.count
        // The whole stratum per time: all rows, censored rows, events.
        var allAt = [Double](repeating: 0, count: times)
        var censoredAt = allAt, eventsAt = allAt
        for (q, r) in rows.enumerated() {
            let t = timeRank[q]
            allAt[t] += w[r]
            if status[r] == 0 { censoredAt[t] += w[r] } else { eventsAt[t] += w[r] }
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

        // The rows in ascending order of the linear predictor, their time
        // rank, weight, status and predictor gathered into that order first
        // (one streaming pass), so the sweep reads memory sequentially; its
        // influence counts are scattered back to the rows once at the end.
        let x = rows.map { lp[$0] }
        let byX = RadixOrder.ascending(x)
        let m = rows.count
        var sortedTime = [Int32](repeating: 0, count: m)
        var sortedWeight = [Double](repeating: 0, count: m)
        var sortedEvent = [Bool](repeating: false, count: m)
        var sortedX = [Double](repeating: 0, count: m)
        for k in 0..<m {
            let q = byX[k], r = rows[q]
            sortedTime[k] = Int32(timeRank[q])
            sortedWeight[k] = w[r]
            sortedEvent[k] = status[r] != 0
            sortedX[k] = x[q]
        }
        var out = Sweep(count: m)
        var taken = Fenwick(size: times)  // all rows with a smaller predictor, by time
        var takenCensored = [Double](repeating: 0, count: times)
        var takenEvents = Fenwick(size: times)
        /// Partners at risk for an event at `t` among the rows taken so far.
        func partners(_ t: Int) -> Double { taken.total - taken.below(t + 1) + takenCensored[t] }
        /// Events the row at `t` is at risk for among the rows taken so far.
        func eventsFor(_ t: Int, censored: Bool) -> Double {
            takenEvents.below(t) + (censored ? takenEvents.at(t) : 0)
        }
        // For a group's rows: the two sums before the group is added.
        var before: [Double] = []
        var start = 0
        while start < m {
            var end = start + 1
            while end < m && sortedX[end] == sortedX[start] { end += 1 }
            if end == start + 1 {
                // A predictor value of one row (the rule with continuous
                // covariates): nothing ties with it, one query per tree.
                let t = Int(sortedTime[start]), wr = sortedWeight[start], event = sortedEvent[start]
                if event {
                    let less = partners(t), greater = riskSet[t] - less
                    count[0] += wr * greater; out.less[start] += greater
                    count[1] += wr * less; out.greater[start] += less
                }
                let below = eventsFor(t, censored: !event)
                out.less[start] += below
                out.greater[start] += eventsBefore[t] + (event ? 0 : eventsAt[t]) - below
                taken.add(t, wr)
                if event { takenEvents.add(t, wr) } else { takenCensored[t] += wr }
                start = end
                continue
            }
            before.removeAll(keepingCapacity: true)
            for k in start..<end {
                let t = Int(sortedTime[k]), event = sortedEvent[k]
                before.append(event ? partners(t) : 0)
                before.append(eventsFor(t, censored: !event))
            }
            for k in start..<end {
                let t = Int(sortedTime[k])
                taken.add(t, sortedWeight[k])
                if sortedEvent[k] { takenEvents.add(t, sortedWeight[k]) } else { takenCensored[t] += sortedWeight[k] }
            }
            for k in start..<end {
                let t = Int(sortedTime[k]), wr = sortedWeight[k], event = sortedEvent[k], g = k - start
                // As the event: the pairs split by the partner's predictor.
                if event {
                    let less = before[2 * g], lessOrEqual = partners(t)
                    let greater = riskSet[t] - lessOrEqual, equal = lessOrEqual - less
                    count[0] += wr * greater; out.less[k] += greater
                    count[1] += wr * less; out.greater[k] += less
                    count[2] += wr * equal; out.equal[k] += equal
                }
                // As the partner: the events it is at risk for, split by their predictor.
                let below = before[2 * g + 1], belowOrEqual = eventsFor(t, censored: !event)
                let all = eventsBefore[t] + (event ? 0 : eventsAt[t])
                out.less[k] += below
                out.greater[k] += all - belowOrEqual
                out.equal[k] += belowOrEqual - below
            }
            start = end
        }
        for k in 0..<m {
            let r = rows[byX[k]]
            imat.less[r] += out.less[k]
            imat.greater[r] += out.greater[k]
            imat.equal[r] += out.equal[k]
        }
        return true
    }
}
