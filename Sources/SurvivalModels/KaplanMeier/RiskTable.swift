import SurvivalNumerics

/// Counts at every distinct observed time of one curve: the raw material of the
/// Kaplan–Meier, Nelson–Aalen and log-rank computations.
///
/// For right-censored data the number at risk at `t` is the (weighted) number of
/// observations with time ≥ t. For counting-process data `(start, stop]` it is
/// the number with `start < t ≤ stop`, as R `survfit` and `survdiff`. Times are
/// the distinct `stop` values, events and censorings alike (R's default).
struct RiskTable {
    var time: [Double] = []
    var nRisk: [Double] = []
    var nEvent: [Double] = []
    var nCensor: [Double] = []

    /// Builds the table from the rows `rows` of the given arrays.
    ///
    /// - Complexity: O(m) for m rows (dense codes of the times: a hash table
    ///   for few distinct times, else a radix sort), plus a sort of the entry
    ///   times for counting-process data.
    init(rows: [Int], start: [Double]?, stop: [Double], event: [Bool], weights: [Double]?) {
        guard !rows.isEmpty else { return }
        let w: (Int) -> Double = { weights?[$0] ?? 1 }

        // Distinct stop times with event and censoring weights: one counting
        // pass over the rows into the slots of their time's dense code (the
        // weights of tied rows summed in input order).
        if let few = RadixOrder.sumsByDistinctKey(stop, rows: rows, { r in event[r] ? (w(r), 0) : (0, w(r)) }) {
            // Few distinct times: summed straight into a small table.
            time = few.keys
            nEvent = few.first
            nCensor = few.second
        } else {
            let (codes, distinct) = RadixOrder.denseCodes(rows.map { stop[$0] })
            time = distinct
            nEvent = [Double](repeating: 0, count: distinct.count)
            nCensor = [Double](repeating: 0, count: distinct.count)
            for (q, r) in rows.enumerated() {
                if event[r] { nEvent[codes[q]] += w(r) } else { nCensor[codes[q]] += w(r) }
            }
        }

        // Number at risk: weight with stop ≥ t, minus weight with start ≥ t.
        // A backward pass over the distinct times accumulates the first term;
        // a second pass over the sorted entry times subtracts the second.
        accumulateRisk()
        if let start {
            let entries = RadixOrder.ascending(start, rows: rows).map { (start[$0], w($0)) }
            var j = entries.count - 1
            var enteredLater = 0.0
            for k in stride(from: time.count - 1, through: 0, by: -1) {
                while j >= 0 && entries[j].0 >= time[k] {
                    enteredLater += entries[j].1
                    j -= 1
                }
                nRisk[k] -= enteredLater
            }
        }
    }

    /// The table of right-censored rows from its distinct times (ascending)
    /// and the event and censoring weights at each (see `perGroup`).
    init(time: [Double], nEvent: [Double], nCensor: [Double]) {
        self.time = time
        self.nEvent = nEvent
        self.nCensor = nCensor
        accumulateRisk()
    }

    /// `nRisk[k]`: the weight with stop ≥ `time[k]`, accumulated backwards.
    private mutating func accumulateRisk() {
        nRisk = Array(repeating: 0, count: time.count)
        var atOrAfter = 0.0
        for k in stride(from: time.count - 1, through: 0, by: -1) {
            atOrAfter += nEvent[k] + nCensor[k]
            nRisk[k] = atOrAfter
        }
    }
}
