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
    /// - Complexity: O(m) for m rows (a radix sort of the times), plus a
    ///   sort of the entry times for counting-process data.
    init(rows: [Int], start: [Double]?, stop: [Double], event: [Bool], weights: [Double]?) {
        guard !rows.isEmpty else { return }
        // Stable: the weights of tied rows are summed in input order.
        let sortedRows = RadixOrder.ascending(stop, rows: rows)
        let w: (Int) -> Double = { weights?[$0] ?? 1 }

        // Distinct stop times with event and censoring weights.
        var i = 0
        while i < sortedRows.count {
            let t = stop[sortedRows[i]]
            var d = 0.0
            var c = 0.0
            while i < sortedRows.count && stop[sortedRows[i]] == t {
                let r = sortedRows[i]
                if event[r] { d += w(r) } else { c += w(r) }
                i += 1
            }
            time.append(t)
            nEvent.append(d)
            nCensor.append(c)
        }

        // Number at risk: weight with stop ≥ t, minus weight with start ≥ t.
        // A backward pass over the distinct times accumulates the first term;
        // a second pass over the sorted entry times subtracts the second.
        nRisk = Array(repeating: 0, count: time.count)
        var atOrAfter = 0.0
        for k in stride(from: time.count - 1, through: 0, by: -1) {
            atOrAfter += nEvent[k] + nCensor[k]
            nRisk[k] = atOrAfter
        }
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
}
