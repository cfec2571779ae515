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

        // Positions in `rows`, by ascending linear predictor.
        let x = rows.map { lp[$0] }
        let byX = RadixOrder.ascending(x)

        var taken = Fenwick(size: times)  // all rows with a smaller predictor, by time
        var takenCensored = [Double](repeating: 0, count: times)
        var takenEvents = Fenwick(size: times)
        // For a group's rows: L (events) or the events below (partners), before the group is added.
        var before = [Double](repeating: 0, count: 0)
        var start = 0
        while start < byX.count {
            var end = start + 1
            while end < byX.count && x[byX[end]] == x[byX[start]] { end += 1 }
            let group = byX[start..<end]
            before.removeAll(keepingCapacity: true)
            // Partners with a smaller predictor (as the event) and events
            // with a smaller predictor (as the partner), before the group.
            for q in group {
                let r = rows[q], t = timeRank[q]
                let smallerPartners = status[r] != 0 ? (taken.total - taken.below(t + 1)) + takenCensored[t] : 0
                let eventsFor = takenEvents.below(t) + (status[r] == 0 ? takenEvents.at(t) : 0)
                before.append(smallerPartners)
                before.append(eventsFor)
            }
            for q in group {
                let r = rows[q], t = timeRank[q]
                taken.add(t, w[r])
                if status[r] == 0 { takenCensored[t] += w[r] } else { takenEvents.add(t, w[r]) }
            }
            for (g, q) in group.enumerated() {
                let r = rows[q], t = timeRank[q]
                // As the event: the pairs split by the partner's predictor.
                if status[r] != 0 {
                    let less = before[2 * g]
                    let lessOrEqual = (taken.total - taken.below(t + 1)) + takenCensored[t]
                    let greater = riskSet[t] - lessOrEqual, equal = lessOrEqual - less
                    count[0] += w[r] * greater; imat.less[r] += greater
                    count[1] += w[r] * less; imat.greater[r] += less
                    count[2] += w[r] * equal; imat.equal[r] += equal
                }
                // As the partner: the events it is at risk for, split by their predictor.
                let below = before[2 * g + 1]
                let belowOrEqual = takenEvents.below(t) + (status[r] == 0 ? takenEvents.at(t) : 0)
                let all = eventsBefore[t] + (status[r] == 0 ? eventsAt[t] : 0)
                imat.less[r] += below
                imat.greater[r] += all - belowOrEqual
                imat.equal[r] += belowOrEqual - below
            }
            start = end
        }
        return true
    }
}
