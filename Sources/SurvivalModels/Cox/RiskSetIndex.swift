import CohortData

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
    /// Number of deaths at each event time (the `d` of Efron's correction).
    let deathCount: [Int]
    /// Sum of the case weights of the deaths at each event time.
    let deathWeight: [Double]

    /// Number of distinct event times over all strata.
    var count: Int { times.count }

    init(response: SurvivalResponse, strata: [Int]?, stratumCount: Int, weights: [Double]?) {
        let n = response.count
        let stop = response.stop
        let status = response.status
        // Event times per stratum, sorted and made unique.
        var perStratum = [[Double]](repeating: [], count: max(stratumCount, 1))
        for i in 0..<n where status[i] == 1 {
            perStratum[strata?[i] ?? 0].append(stop[i])
        }
        var times: [Double] = []
        var firstTime: [Int] = []
        var stratumOfTime: [Int] = []
        for (s, var list) in perStratum.enumerated() {
            firstTime.append(times.count)
            list.sort()
            var last = -Double.infinity
            for t in list where t != last {
                times.append(t)
                stratumOfTime.append(s)
                last = t
            }
        }
        firstTime.append(times.count)

        // Position of each row by binary search within its stratum's times.
        var entered = [Int32](repeating: 0, count: n)
        var exited = [Int32](repeating: 0, count: n)
        var deathCount = [Int](repeating: 0, count: times.count)
        var deathWeight = [Double](repeating: 0, count: times.count)
        times.withUnsafeBufferPointer { tp in
            // Number of times in lo..<hi that are ≤ x (upper bound), plus lo.
            // Branch-free form (the comparison becomes a conditional move).
            func upperBound(_ x: Double, _ lo: Int, _ hi: Int) -> Int {
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
            for i in 0..<n {
                let s = strata?[i] ?? 0
                let lo = firstTime[s], hi = firstTime[s + 1]
                let last = upperBound(stop[i], lo, hi) - 1
                let first = response.start.map { upperBound($0[i], lo, hi) } ?? lo
                entered[i] = Int32(first)
                exited[i] = Int32(last)
                if status[i] == 1 {
                    deathCount[last] += 1
                    deathWeight[last] += weights?[i] ?? 1
                }
            }
        }
        self.times = times
        self.firstTime = firstTime
        self.stratumOfTime = stratumOfTime
        self.entered = entered
        self.exited = exited
        self.deathCount = deathCount
        self.deathWeight = deathWeight
    }
}
