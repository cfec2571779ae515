import CohortData
import SurvivalNumerics

/// Where every row sits among the distinct event times of its stratum: the
/// bookkeeping that lets each Newton–Raphson step run over the data in its
/// input order, with no per-iteration sorting.
///
/// Within stratum `s` the distinct event (death) times are
/// `t[first(s)] < … < t[first(s+1) − 1]`, numbered globally across strata. A row
/// with interval `(start, stop]` (start = −∞ for right-censored data) is in the
/// risk set of event time `t[k]` exactly when `start < t[k] ≤ stop`, that is for
/// `k` in `entered … exited` where
///
/// * `exited` = the last event time `≤ stop` (so a censoring tied with deaths is
///   still at risk at them: R's "deaths before censorings" rule, and for
///   `(start, stop]` data the `agreg` rule that a row ending at `t` is at risk at `t`);
/// * `entered` = the first event time `> start` (a row starting at `t` is not at
///   risk at `t`).
///
/// `entered > exited` means the row is never at risk at an event time: it adds
/// nothing to any sum but still gets residuals.
struct RiskSetIndex: Sendable {
    /// Distinct event times, ascending within each stratum, strata concatenated.
    let times: [Double]
    /// `firstTime[s] ..< firstTime[s + 1]` are the event times of stratum `s`.
    let firstTime: [Int]
    /// Stratum of each event time.
    let stratumOfTime: [Int]
    /// Index of the first event time at which each row is at risk.
    let entered: [Int32]
    /// Index of the last event time at which each row is at risk (`< entered` if none).
    let exited: [Int32]
    /// Number of deaths at each event time (the `d` of Efron's correction):
    /// rows, or with frequency counts the subjects they stand for, so that
    /// Efron's approximation is applied per replicated subject, as on the
    /// expanded rows (not R's weighted Efron, whose `d` counts rows).
    let deathCount: [Int]
    /// Sum of the case weights of the deaths at each event time.
    let deathWeight: [Double]
    /// The rows in (stratum, stop time) order, ties in input order — the order
    /// `coxfit6` walks the data in, kept for R's means (``CoxFit/rMeans``) so
    /// that no second sort is made.
    let timeOrder: [Int]

    /// Number of distinct event times over all strata.
    var count: Int { times.count }

    /// `counts`: frequency counts (`ModelFrame.counts`), whole numbers; `nil`
    /// counts each death row once. Without strata, from `halvesFrom` rows the
    /// walk runs on two halves (``unstratifiedInTwoHalves(response:weights:counts:)``;
    /// tests lower or raise it to compare the two).
    init(
        response: SurvivalResponse, strata: [Int32]?, stratumCount: Int, weights: [Double]?, counts: [Double]? = nil,
        halvesFrom: Int = 1 << 18
    ) {
        let n = response.count
        let stop = response.stop
        let status = response.status
        let strataCount = max(stratumCount, 1)
        // Sort the rows once by (stratum, stop time), then one walk through them
        // finds each stratum's distinct event times and the last one at or before
        // each row's stop time. The sort is stable, so the deaths of a time are
        // met (and their weights summed) in input order.
        if strataCount == 1, n >= Swift.max(halvesFrom, 2), n < 1 << 29,
            let index = Self.unstratifiedInTwoHalves(response: response, weights: weights, counts: counts)
        {
            self = index
            return
        }
        let sorted = Self.rowsByStratumAndTime(stop, strata: strata, strataCount: strataCount)
        var found = EventTimes()
        var firstTime: [Int] = []
        var stratumOfTime: [Int] = []
        var exited = [Int32](repeating: 0, count: n)
        sorted.withUnsafeBufferPointer { op in
        stop.withUnsafeBufferPointer { tp in
        status.withUnsafeBufferPointer { sp in
        exited.withUnsafeMutableBufferPointer { xp in
            var pos = 0
            for s in 0..<strataCount {
                firstTime.append(found.times.count)
                var end = pos
                if let strata {
                    while end < n && strata[op[end]] == s { end += 1 }
                } else {
                    end = n
                }
                found.walk(pos, end, key: { tp[op[$0]] }, rows: op, stop: tp, status: sp, weights: weights,
                           counts: counts, exited: xp, shift: 0)
                while stratumOfTime.count < found.times.count { stratumOfTime.append(s) }
                pos = end
            }
        }}}}
        let times = found.times, deathCount = found.deathCount, deathWeight = found.deathWeight
        firstTime.append(times.count)

        // First event time at risk: the stratum's first, or for (start, stop] data
        // the first event time after the start, by binary search.
        var entered = [Int32](repeating: 0, count: n)
        times.withUnsafeBufferPointer { tp in
            for i in 0..<n {
                let s = Int(strata?[i] ?? 0)
                let lo = firstTime[s]
                entered[i] = Int32(response.start.map { Self.upperBound($0[i], tp, lo, firstTime[s + 1]) } ?? lo)
            }
        }
        self = RiskSetIndex(
            times: times, firstTime: firstTime, stratumOfTime: stratumOfTime, entered: entered, exited: exited,
            deathCount: deathCount, deathWeight: deathWeight, timeOrder: sorted)
    }

    private init(
        times: [Double], firstTime: [Int], stratumOfTime: [Int], entered: [Int32], exited: [Int32],
        deathCount: [Int], deathWeight: [Double], timeOrder: [Int]
    ) {
        self.times = times
        self.firstTime = firstTime
        self.stratumOfTime = stratumOfTime
        self.entered = entered
        self.exited = exited
        self.deathCount = deathCount
        self.deathWeight = deathWeight
        self.timeOrder = timeOrder
    }

    /// The index of right-censored or `(start, stop]` data without strata,
    /// the walk through the sorted rows made on two halves at once: the
    /// sorted positions are split at the first change of time after the
    /// middle, each half finds its own distinct event times and writes its
    /// rows' last event time as an index among them (the second half's
    /// marked by an offset of −2³⁰), and a pass over the rows then adds the
    /// first half's number of event times to the second half's. The times,
    /// counts and death weights are those of the one walk (each time's deaths
    /// summed in the same order); `nil` when all rows share one time.
    private static func unstratifiedInTwoHalves(
        response: SurvivalResponse, weights: [Double]?, counts: [Double]?
    ) -> RiskSetIndex? {
        let n = response.count
        let stop = response.stop, status = response.status
        let (sorted, keys) = RadixOrder.ascendingWithKeys(stop)
        var middle = n / 2
        while middle < n && keys[middle] == keys[middle - 1] { middle += 1 }
        guard middle < n else { return nil }
        var halves = [EventTimes](repeating: EventTimes(), count: 2)
        let marker = Int32(1 << 30)
        var exited = [Int32](repeating: 0, count: n)
        sorted.withUnsafeBufferPointer { op in
        keys.withUnsafeBufferPointer { kp in
        stop.withUnsafeBufferPointer { tp in
        status.withUnsafeBufferPointer { sp in
        exited.withUnsafeMutableBufferPointer { xp in
        halves.withUnsafeMutableBufferPointer { hp in
            let shared = UncheckedSendable((op, kp, tp, sp, xp, hp))
            ParallelLoop.run(2, threads: 2) { part in
                let (op, kp, tp, sp, xp, hp) = shared.value
                var half = EventTimes()
                half.walk(part == 0 ? 0 : middle, part == 0 ? middle : n, key: { kp[$0] }, rows: op, stop: tp,
                          status: sp, weights: weights, counts: counts, exited: xp, shift: part == 0 ? 0 : marker)
                hp[part] = half
            }
        }}}}}}
        let firstHalfTimes = Int32(halves[0].times.count)
        exited.withUnsafeMutableBufferPointer { xp in
            let shared = UncheckedSendable(xp)
            ParallelLoop.run(2, threads: 2) { part in
                let xp = shared.value
                for i in ParallelLoop.half(part, of: 2, count: n) where xp[i] < -1 { xp[i] += marker + firstHalfTimes }
            }
        }
        let times = halves[0].times + halves[1].times
        var entered = [Int32](repeating: 0, count: n)
        if let start = response.start {
            times.withUnsafeBufferPointer { tp in
                start.withUnsafeBufferPointer { st in
                    for i in 0..<n { entered[i] = Int32(Self.upperBound(st[i], tp, 0, tp.count)) }
                }
            }
        }
        return RiskSetIndex(
            times: times, firstTime: [0, times.count], stratumOfTime: [Int](repeating: 0, count: times.count),
            entered: entered, exited: exited, deathCount: halves[0].deathCount + halves[1].deathCount,
            deathWeight: halves[0].deathWeight + halves[1].deathWeight, timeOrder: sorted)
    }

    /// The distinct event times found by walking rows sorted by time, with
    /// their deaths (rows, or the subjects frequency counts stand for) and
    /// death weights.
    struct EventTimes {
        var times: [Double] = []
        var deathCount: [Int] = []
        var deathWeight: [Double] = []

        /// Walks sorted positions `lo ..< hi` (`rows[q]` the row at position q,
        /// `key(q)` its time) one group of equal times at a time: a group with
        /// a death adds an event time, and each row of the group gets the
        /// index of the last event time so far, less `shift`, in `exited`
        /// (the index counts the times found before this walk too).
        @inline(__always)
        mutating func walk(
            _ lo: Int, _ hi: Int, key: (Int) -> Double, rows op: UnsafeBufferPointer<Int>,
            stop tp: UnsafeBufferPointer<Double>, status sp: UnsafeBufferPointer<Int32>, weights: [Double]?,
            counts: [Double]?, exited xp: UnsafeMutableBufferPointer<Int32>, shift: Int32
        ) {
            var current = Int32(times.count - 1)
            var g0 = lo
            while g0 < hi {
                let v = key(g0)
                var g1 = g0
                var deaths = 0
                var weight = 0.0
                while g1 < hi && key(g1) == v {
                    let i = op[g1]
                    if sp[i] == 1 {
                        deaths += counts.map { Int($0[i]) } ?? 1
                        weight += weights?[i] ?? 1
                    }
                    g1 += 1
                }
                if deaths > 0 {
                    times.append(tp[op[g0]])
                    deathCount.append(deaths)
                    deathWeight.append(weight)
                    current = Int32(times.count - 1)
                }
                for q in g0..<g1 { xp[op[q]] = current - shift }
                g0 = g1
            }
        }
    }

    /// Number of times in `lo..<hi` that are ≤ x, plus lo (times ascending).
    /// Branch-free form (the comparison becomes a conditional move).
    @inline(__always)
    static func upperBound(_ x: Double, _ tp: UnsafeBufferPointer<Double>, _ lo: Int, _ hi: Int) -> Int {
        var base = lo, len = hi - lo
        while len > 0 {
            let half = len >> 1
            let probe = base + half
            let go = tp[probe] <= x
            base = go ? probe + 1 : base
            len = go ? len - half - 1 : half
        }
        return base
    }

    /// Row numbers in (stratum, time) order, ties in input order: a stable
    /// radix sort on the times (`RadixOrder`), then a stable counting sort on
    /// the stratum.
    static func rowsByStratumAndTime(_ time: [Double], strata: [Int32]?, strataCount: Int) -> [Int] {
        let n = time.count
        let rows = RadixOrder.ascending(time)
        var rows2 = [Int](repeating: 0, count: n)
        guard let strata, strataCount > 1 else { return rows }
        var offset = [Int](repeating: 0, count: strataCount + 1)
        for i in 0..<n { offset[Int(strata[i]) + 1] += 1 }
        for s in 0..<strataCount { offset[s + 1] += offset[s] }
        for q in 0..<n {
            let i = rows[q]
            let s = Int(strata[i])
            rows2[offset[s]] = i
            offset[s] += 1
        }
        return rows2
    }
}
