import CohortData
import SurvivalNumerics

/// Harrell's concordance of a Cox model's linear predictor with its standard
/// error, as `coxph()$concordance` (survival's `concordancefit(y, lp, strata,
/// weights, cluster, reverse = TRUE, timefix = FALSE)`, `timewt = "n"`).
///
/// A pair is comparable when one member has an event at time t and the other
/// is still at risk at t (a later time, or censored at t; for `(start, stop]`
/// data also entered before t). It is concordant when the member with the event
/// has the larger linear predictor, discordant when smaller, tied on x when
/// equal; pairs tied on time are not counted. Pairs carry the product of the
/// case weights; only exactly equal linear predictors are tied (see below).
/// `c = (concordant + tied.x/2) / (concordant + discordant + tied.x)`.
///
/// The standard error is R's infinitesimal-jackknife one: each row's
/// influence counts (how many concordant, discordant and tied pairs it is in,
/// as the event or as the partner) give
/// `dfbeta_i = w_i·((C_i − D_i)/N − (somer/N)·(C_i + D_i + T_i))`, summed within
/// clusters, and `var(c) = Σ dfbeta² / 4`; with frequency counts (no cluster)
/// a row adds `c_i·(dfbeta_i/w_i)²`, each subject it stands for once, as on the
/// expanded rows (whose replicas of one row are tied on time, so never a pair). The counts come from one sweep down
/// the times with two Fenwick trees over the ranks of the linear predictor (all
/// rows at risk, and the events so far), as R's `concordance3`/`concordance4`
/// do with a balanced binary tree.
extension CoxFit {
    /// `timeLimit`: strata of right-censored rows with at most this many
    /// distinct times are counted in predictor order
    /// (`fewTimesConcordanceCounts`; tests set 0 to force the time sweep).
    ///
    /// Only exactly equal linear predictors are tied, as R's concordancefit;
    /// they are formed in R's arithmetic (``linearPredictors``), so rows with
    /// the same covariates always tie, and patterns that are equal only at the
    /// exact maximum (two factor levels whose coefficients end 1e-12 apart at
    /// R's stopping point) are told apart as R tells them apart.
    ///
    /// R's predictor is `Xβ + offset − s` with one constant `s = Σ β·means`
    /// (``linearPredictors``). Subtracting a constant keeps the order, and
    /// keeps every tie; it can only create ties, where two distinct values of
    /// `Xβ + offset` are so close that they round to one double after the
    /// subtraction. When no two neighbouring distinct values (in predictor
    /// order, within each stratum) are within a few units in the last place
    /// of the largest `|Xβ + offset| + |s| + 1`, no shift of about that size
    /// can merge any, so the concordance — which depends on the predictor
    /// only through its order and its ties — is computed on `Xβ + offset`
    /// itself, without R's time-ordered means (a pass of cache misses over the
    /// design: a third of this function's time on 10⁶ rows). Otherwise, or
    /// for data the predictor-order path does not take, it is computed on R's
    /// exact predictor.
    func concordance(timeLimit: Int = 1 << 16) -> CoxConcordance? {
        let (unshifted, largest) = unshiftedPredictors()
        var shift = 0.0
        for j in 0..<state.beta.count where !state.aliased[j] { shift += state.beta[j] * state.means[j] }
        let magnitude = largest + abs(shift) + 1
        if magnitude.isFinite,
            case .value(let c) = frame.coxConcordanceOutcome(unshifted, timeLimit: timeLimit, mergeGuard: 4 * magnitude.ulp)
        {
            return c
        }
        return frame.coxConcordance(linearPredictors, timeLimit: timeLimit)
    }
}

/// The concordance, or that it cannot be computed on the predictor given
/// (``CoxFit/concordance(timeLimit:)``).
enum ConcordanceOutcome {
    case value(CoxConcordance?)
    /// Two neighbouring distinct predictor values are within the merge guard,
    /// or the data need a path that does not check them.
    case tiesAtRisk
}

extension ModelFrame {
    /// The concordance of the linear predictor `lp` (one per row) with the
    /// frame's survival times, as `coxph`'s `fit$concordance`
    /// (`concordancefit(y, lp, strata, weights, reverse = TRUE)`); a penalised
    /// fit passes its predictor with the frailty effects.
    func coxConcordance(_ lp: [Double], timeLimit: Int = 1 << 16) -> CoxConcordance? {
        if case .value(let c) = coxConcordanceOutcome(lp, timeLimit: timeLimit, mergeGuard: nil) { return c }
        return nil
    }

    /// `coxConcordance`; with a `mergeGuard`, `.tiesAtRisk` when two
    /// neighbouring distinct values of `lp` in a stratum are at most that far
    /// apart, or a stratum is not counted in predictor order (clusters,
    /// `(start, stop]` data, many distinct times), where nothing is checked.
    func coxConcordanceOutcome(_ lp: [Double], timeLimit: Int, mergeGuard: Double?) -> ConcordanceOutcome {
        let frame = self
        let n = frame.count
        guard n > 0, lp.count == n else { return .value(nil) }
        var rowsOf: [[Int]]
        if let strata = frame.strata?.codes {
            rowsOf = [[Int]](repeating: [], count: Int(strata.max() ?? 0) + 1)
            for i in 0..<n { rowsOf[Int(strata[i])].append(i) }
        } else {
            rowsOf = [Array(0..<n)]
        }
        var count = [0.0, 0.0, 0.0]
        // Without clusters the variance is a plain sum over rows: the
        // predictor-order path keeps its counts in its own order.
        var unscattered: [StratumInfluence]? = frame.cluster == nil ? [] : nil
        let weighted = frame.weights != nil
        // Right-censored strata without a cluster go the predictor-order way
        // first, which needs neither per-row counts nor a weight of 1 per row;
        // those arrays are made only for the strata left (too many distinct
        // times, or (start, stop] data) and for clusters.
        var pending: [[Int]] = rowsOf.filter { !$0.isEmpty }
        let tried = unscattered != nil && frame.response.start == nil
        if mergeGuard != nil && !tried { return .tiesAtRisk }
        var mergeRisk = false
        if tried {
            let none = InfluenceCounts(
                less: UnsafeMutableBufferPointer(start: nil, count: 0),
                greater: UnsafeMutableBufferPointer(start: nil, count: 0),
                equal: UnsafeMutableBufferPointer(start: nil, count: 0))
            pending = pending.filter { rows in
                !fewTimesConcordanceCounts(
                    rows: rows, lp: lp, w: frame.weights ?? [], weighted: weighted, count: &count, imat: none,
                    unscattered: &unscattered, timeLimit: timeLimit, mergeGuard: mergeGuard, mergeRisk: &mergeRisk)
            }
        }
        if mergeGuard != nil && (mergeRisk || !pending.isEmpty) { return .tiesAtRisk }
        // Influence counts: [0] partner/event pairs where the event has the smaller x
        // (R's "concordant" before reversal), [1] larger, [2] tied on x.
        var lessCounts: [Double] = [], greaterCounts: [Double] = [], equalCounts: [Double] = []
        var w = frame.weights ?? []
        if !pending.isEmpty {
            lessCounts = [Double](repeating: 0, count: n)
            greaterCounts = lessCounts
            equalCounts = lessCounts
            if w.isEmpty { w = [Double](repeating: 1, count: n) }
            lessCounts.withUnsafeMutableBufferPointer { less in
                greaterCounts.withUnsafeMutableBufferPointer { greater in
                    equalCounts.withUnsafeMutableBufferPointer { equal in
                        let counts = InfluenceCounts(less: less, greater: greater, equal: equal)
                        // Ranks are written for each stratum's rows only, so one array serves all strata.
                        var rank: [Int] = []
                        for rows in pending {
                            if !tried, frame.response.start == nil,
                                fewTimesConcordanceCounts(
                                    rows: rows, lp: lp, w: w, weighted: weighted, count: &count, imat: counts,
                                    unscattered: &unscattered, timeLimit: timeLimit, mergeGuard: nil,
                                    mergeRisk: &mergeRisk)
                            {
                                continue
                            }
                            if rank.isEmpty { rank = [Int](repeating: 0, count: n) }
                            concordanceCounts(rows: rows, lp: lp, w: w, rank: &rank, count: &count, imat: counts)
                        }
                    }
                }
            }
        }
        let npair = count[0] + count[1] + count[2]
        guard npair > 0 else { return .value(nil) }
        let somer = (count[0] - count[1]) / npair
        // With frequency counts and no cluster each replicated subject is its
        // own cluster (the expanded rows): a row adds c·influence², so its
        // dfbeta is scaled by √c; with a cluster its replicas share it (c·influence).
        let frequency = frame.counts != nil && frame.cluster == nil
        var sumSquares = 0.0
        if !lessCounts.isEmpty {
            let imat = [lessCounts, greaterCounts, equalCounts]
            var dfbeta = (0..<n).map { i in
                (frequency ? w[i].squareRoot() : w[i])
                    * ((imat[0][i] - imat[1][i]) / npair - (somer / npair) * (imat[0][i] + imat[1][i] + imat[2][i]))
            }
            if let cluster = frame.cluster {
                var sums = [Double](repeating: 0, count: (cluster.max() ?? -1) + 1)
                for i in 0..<n { sums[cluster[i]] += dfbeta[i] }
                dfbeta = sums
            }
            sumSquares = dfbeta.reduce(0) { $0 + $1 * $1 }
        }
        for stratum in unscattered ?? [] {
            sumSquares += stratum.sumOfSquaredInfluence(pairs: npair, somers: somer, frequency: frequency)
        }
        let variance = sumSquares / 4
        // reverse = TRUE: a larger risk score should go with a shorter time.
        return .value(CoxConcordance(c: 1 - (somer + 1) / 2, se: variance.squareRoot()))
    }

    private func concordanceCounts(
        rows: [Int], lp: [Double], w: [Double], rank: inout [Int], count: inout [Double], imat: InfluenceCounts
    ) {
        let frame = self
        let stop = frame.response.stop, status = frame.response.status
        let start = frame.response.start
        // Dense ranks of the linear predictor (exact ties share a rank), by one
        // sort of the rows; `rank` is indexed by row.
        let byX = RadixOrder.ascending(lp, rows: rows)
        var distinct = 0
        for (k, row) in byX.enumerated() {
            if k > 0 && lp[row] != lp[byX[k - 1]] { distinct += 1 }
            rank[row] = distinct
        }
        // Descending time, censored before events at a tied time (R's sort.stop).
        // The sweep reads the rows in this order, so their rank, weight, time
        // and status are gathered into that order first and the influence
        // counts accumulated there, then scattered back once: sequential memory
        // access instead of several cache misses per row.
        let byStop = Self.descendingCensoredFirst(RadixOrder.ascending(stop, rows: rows), stop: stop, status: status)
        let m = byStop.count
        var sortedRank = [Int](repeating: 0, count: m)
        var sortedWeight = [Double](repeating: 0, count: m)
        var sortedTime = [Double](repeating: 0, count: m)
        var sortedEvent = [Bool](repeating: false, count: m)
        var position = start == nil ? [] : [Int](repeating: 0, count: lp.count)
        for k in 0..<m {
            let i = byStop[k]
            sortedRank[k] = rank[i]
            sortedWeight[k] = w[i]
            sortedTime[k] = stop[i]
            sortedEvent[k] = status[i] != 0
            if start != nil { position[i] = k }
        }
        let byStart = start.map { s in Array(RadixOrder.ascending(s, rows: rows).reversed()) } ?? []
        // Two independent sweeps, run at the same time: one keeps the tree of
        // all rows at risk (queried by each event: the pair counts), the other
        // the tree of the deaths so far (queried by every row: the partners'
        // side of its influence). Each writes its own influence arrays.
        let sweepRows = SweepRows(
            rank: sortedRank, weight: sortedWeight, time: sortedTime, event: sortedEvent, position: position,
            byStart: byStart, start: start)
        var sweeps = [Sweep](repeating: Sweep(count: 0), count: 2)
        sweeps.withUnsafeMutableBufferPointer { out in
            ParallelLoop.run(2, threads: m >= 50_000 ? 2 : 1) { which in
                out[which] = which == 0
                    ? Self.atRiskSweep(sweepRows, distinct: distinct)
                    : Self.deathSweep(sweepRows, distinct: distinct)
            }
        }
        for c in 0..<3 { count[c] += sweeps[0].count[c] }
        for q in 0..<m {
            let i = byStop[q]
            imat[0][i] += sweeps[0].less[q] + sweeps[1].less[q]
            imat[1][i] += sweeps[0].greater[q] + sweeps[1].greater[q]
            imat[2][i] += sweeps[0].equal[q] + sweeps[1].equal[q]
        }
    }

    /// One sweep's influence counts (in time order) and, for the at-risk sweep, the pair counts.
    struct Sweep {
        var less: [Double], greater: [Double], equal: [Double]
        var count = [0.0, 0.0, 0.0]
        init(count m: Int) {
            less = [Double](repeating: 0, count: m)
            greater = less
            equal = less
        }
    }

    /// The rows gathered in sweep order (descending time, censored first at a
    /// tie) and the walk both sweeps make through them.
    struct SweepRows {
        let rank: [Int], weight: [Double], time: [Double], event: [Bool]
        /// Sweep position of each row (counting-process data only).
        let position: [Int]
        /// Rows by descending start time, and the start times (`nil` for right-censored data).
        let byStart: [Int], start: [Double]?

        /// Walks the rows: `censored(k)` for a censored row, `leaving(q)` for a
        /// row whose interval starts at or after the next event time (it
        /// leaves the risk set), and `events(k..<end)` for the events tied at a
        /// time. Returns how many rows left the risk set (`byStart[..<that]`).
        @inline(__always)
        func walk(censored: (Int) -> Void, leaving: (Int) -> Void, events: (Range<Int>) -> Void) -> Int {
            let m = rank.count
            var removed = 0
            var k = 0
            while k < m {
                if !event[k] {
                    censored(k)
                    k += 1
                    continue
                }
                let t = time[k]
                if let start {
                    while removed < byStart.count && start[byStart[removed]] >= t {
                        leaving(position[byStart[removed]])
                        removed += 1
                    }
                }
                var end = k
                while end < m && time[end] == t && event[end] { end += 1 }
                events(k..<end)
                k = end
            }
            return removed
        }
    }

    /// The tree of rows at risk: each event is compared with the rows at risk
    /// at its time (censored rows at that time included, tied events not).
    static func atRiskSweep(_ rows: SweepRows, distinct: Int) -> Sweep {
        let m = rows.rank.count
        let rank = rows.rank, weight = rows.weight
        var out = Sweep(count: m)
        var all = Fenwick(size: distinct + 1)
        let removed = rows.walk(
            censored: { k in all.add(rank[k], weight[k]) },
            leaving: { q in all.add(rank[q], -weight[q]) },
            events: { block in
                for j in block {
                    let s = all.sums(rank[j])
                    out.count[0] += weight[j] * s.greater; out.less[j] += s.greater
                    out.count[1] += weight[j] * s.less; out.greater[j] += s.less
                    out.count[2] += weight[j] * s.equal; out.equal[j] += s.equal
                }
                for j in block { all.add(rank[j], weight[j]) }
            })
        // The rows still at risk at the end are compared with every death: the
        // deaths' tree is then complete and never changes again, so its sums are
        // prefix sums of the deaths' weight per rank — done here, not in the
        // death sweep, which has the more tree work.
        var perRank = [Double](repeating: 0, count: distinct + 1)
        for j in 0..<m where rows.event[j] { perRank[rank[j]] += weight[j] }
        var below = [Double](repeating: 0, count: distinct + 2)
        for r in 0...distinct { below[r + 1] = below[r] + perRank[r] }
        let total = below[distinct + 1]
        let finalPositions = rows.start == nil ? Array(0..<m) : rows.byStart[removed...].map { rows.position[$0] }
        for q in finalPositions {
            let less = below[rank[q]], equal = perRank[rank[q]]
            out.less[q] += less; out.greater[q] += total - less - equal; out.equal[q] += equal
        }
        return out
    }

    /// The tree of deaths so far: a row's partners among the events after it
    /// (in the descending sweep) are the deaths added between its entry and its
    /// exit; the deaths after the last exit are added by `atRiskSweep`.
    static func deathSweep(_ rows: SweepRows, distinct: Int) -> Sweep {
        let rank = rows.rank, weight = rows.weight
        var out = Sweep(count: rank.count)
        var deaths = Fenwick(size: distinct + 1)
        _ = rows.walk(
            censored: { k in
                let d = deaths.sums(rank[k])
                out.less[k] -= d.less; out.greater[k] -= d.greater; out.equal[k] -= d.equal
            },
            leaving: { q in
                let d = deaths.sums(rank[q])
                out.less[q] += d.less; out.greater[q] += d.greater; out.equal[q] += d.equal
            },
            events: { block in
                for j in block { deaths.add(rank[j], weight[j]) }
                for j in block {
                    let d = deaths.sums(rank[j])
                    out.less[j] -= d.less; out.greater[j] -= d.greater; out.equal[j] -= d.equal
                }
            })
        return out
    }
}

extension ModelFrame {
    /// Rows in descending time, the censored ones before the events at a tied
    /// time (R's `sort.stop` order), from the rows in ascending time.
    static func descendingCensoredFirst(_ ascending: [Int], stop: [Double], status: [Int32]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(ascending.count)
        var end = ascending.count
        while end > 0 {
            var begin = end - 1
            while begin > 0 && stop[ascending[begin - 1]] == stop[ascending[end - 1]] { begin -= 1 }
            for q in begin..<end where status[ascending[q]] == 0 { out.append(ascending[q]) }
            for q in begin..<end where status[ascending[q]] != 0 { out.append(ascending[q]) }
            end = begin
        }
        return out
    }
}

/// Per-row influence counts, written in place: pairs where the row's partner
/// has a smaller (`less`), larger (`greater`) or equal (`equal`) predictor.
struct InfluenceCounts {
    let less: UnsafeMutableBufferPointer<Double>
    let greater: UnsafeMutableBufferPointer<Double>
    let equal: UnsafeMutableBufferPointer<Double>

    subscript(k: Int) -> UnsafeMutableBufferPointer<Double> {
        k == 0 ? less : (k == 1 ? greater : equal)
    }
}

/// Weights over ranks `0..<size` with prefix sums: a 16-ary tree of block
/// sums. Level 0 holds each rank's weight, level 1 the sums of blocks of 16
/// ranks, level 2 of 256, and so on; the weight below a rank is, at each level,
/// the sum of the (at most 15) entries before it in its block. A query reads
/// about five short contiguous runs instead of the twenty scattered nodes of a
/// binary (Fenwick) tree — the difference is cache misses, which dominate on a
/// million ranks. With whole-number weights the sums are exact in any order;
/// otherwise they agree with a Fenwick tree's to rounding.
struct Fenwick {
    /// The levels one after the other: level `l` starts at `offsets[l]`.
    private var storage: [Double]
    private let offsets: [Int]
    private(set) var total = 0.0

    init(size: Int) {
        var offsets = [0]
        var width = Swift.max(size, 1)
        var end = width
        while width > 16 {
            width = (width + 15) / 16
            offsets.append(end)
            end += width
        }
        self.offsets = offsets
        storage = [Double](repeating: 0, count: end)
    }

    mutating func add(_ rank: Int, _ w: Double) {
        total += w
        let offsets = self.offsets
        storage.withUnsafeMutableBufferPointer { tree in
            var r = rank
            for start in offsets {
                tree[start + r] += w
                r >>= 4
            }
        }
    }

    /// Weight strictly below `rank`.
    func below(_ rank: Int) -> Double {
        storage.withUnsafeBufferPointer { tree in
            var s = 0.0
            var r = rank
            for start in offsets {
                var k = start + (r & ~15)
                let end = start + r
                while k < end {
                    s += tree[k]
                    k += 1
                }
                r >>= 4
            }
            return s
        }
    }

    /// The weight at `rank`.
    func at(_ rank: Int) -> Double { storage[rank] }

    /// Weights with a smaller, equal and larger rank.
    func sums(_ rank: Int) -> (less: Double, equal: Double, greater: Double) {
        let less = below(rank)
        let equal = storage[rank]
        return (less, equal, total - less - equal)
    }
}
