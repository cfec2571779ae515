import SurvivalNumerics

extension SurvivalResponse {
    /// Times that differ by less than a relative tolerance, merged to one value,
    /// as R's `aeqSurv` (survival ≥ 2.39, applied by `survfit`, `coxph` and
    /// `survdiff` under their default `timefix = TRUE`).
    ///
    /// The distinct finite times (starts and stops together) are sorted; a gap
    /// `dy` to the previous distinct time counts as a tie when `dy ≤ tol` or
    /// `dy / mean(|y|) ≤ tol`. Each time is replaced by the first of its run of
    /// ties. This matters for derived times such as `days / 365.25`, where
    /// floating-point noise would otherwise split one tied time into two.
    ///
    /// - Returns: `nil` when an interval `(start, stop]` collapses to length 0
    ///   (R stops with "aeqSurv exception, an interval has effective length 0").
    public func mergingNearTies(tolerance: Double = Double.ulpOfOne.squareRoot()) -> SurvivalResponse? {
        if case .merged(let merged) = mergedNearTies(tolerance: tolerance) { return merged }
        return nil
    }

    /// The outcome of `mergedNearTies`: the merged response, or the first row
    /// whose interval collapsed.
    public enum NearTieMerge: Sendable {
        case merged(SurvivalResponse)
        case collapsedInterval(row: Int)
    }

    /// Whether every finite value is a whole number of size at most `bound`.
    static func wholeNumbersBelow(_ bound: Double, _ values: [Double]) -> Bool {
        values.withUnsafeBufferPointer { v in
            var ok = true
            for x in v where x.isFinite { ok = ok && x == x.rounded() && Swift.abs(x) <= bound }
            return ok
        }
    }

    /// `mergingNearTies`, naming the first row (0-based, in this response)
    /// whose interval `(start, stop]` collapses.
    /// The distinct finite values of `a` and `b`, ascending: through the
    /// small hash table of `RadixOrder` when there are few, else one in-place
    /// sort of a copy (no code arrays: only the values are needed).
    static func distinctFinite(_ a: [Double], _ b: [Double]?) -> [Double] {
        var all = a
        if let b { all += b }
        if all.contains(where: { !$0.isFinite }) { all = all.filter { $0.isFinite } }
        if let few = RadixOrder.fewDistinct(all, codes: false) { return few.distinct }
        all.sort()
        var out: [Double] = []
        for v in all where out.last.map({ $0 != v }) ?? true { out.append(v) }
        return out
    }

    public func mergedNearTies(tolerance: Double = Double.ulpOfOne.squareRoot()) -> NearTieMerge {
        // Whole-number times (days, months) below 10⁷ in size are at least 1
        // apart and their mean size is below 10⁷, so neither test below can
        // merge two of them (1 > tolerance and 1/10⁷ > tolerance for the
        // default √ε ≈ 1.5e-8): nothing to do, without coding the distinct times.
        if tolerance < 1e-7, Self.wholeNumbersBelow(1e7, stop), Self.wholeNumbersBelow(1e7, start ?? intervalUpper ?? []) {
            return .merged(self)
        }
        let y = Self.distinctFinite(stop, start ?? intervalUpper)
        guard y.count > 1 else { return .merged(self) }
        let meanAbs = y.reduce(0) { $0 + Swift.abs($1) } / Double(y.count)
        var cuts: [Double] = [y[0]]
        var anyTied = false
        for k in 1..<y.count {
            let dy = y[k] - y[k - 1]
            if dy <= tolerance || dy / meanAbs <= tolerance {
                anyTied = true
            } else {
                cuts.append(y[k])
            }
        }
        guard anyTied else { return .merged(self) }
        // findInterval(x, cuts): the last cut ≤ x.
        func snap(_ x: Double) -> Double {
            guard x.isFinite else { return x }
            var lo = 0, hi = cuts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if cuts[mid] <= x { lo = mid } else { hi = mid - 1 }
            }
            return cuts[lo]
        }
        let newStop = stop.map(snap)
        let newStart = start?.map(snap)
        if let newStart, let start {
            for k in newStart.indices where newStart[k] == newStop[k] && start[k] != stop[k] {
                return .collapsedInterval(row: k)
            }
        }
        if let upper = intervalUpper {
            // Interval-censored data: the interval (lower, upper] of a status-3
            // row must not collapse either (R's aeqSurv on the interval type;
            // the placeholder R keeps in the other rows' second column is not
            // a time and is left out here).
            let newUpper = upper.map(snap)
            for k in newUpper.indices where status[k] == 3 && newUpper[k] == newStop[k] && upper[k] != stop[k] {
                return .collapsedInterval(row: k)
            }
            return .merged(SurvivalResponse(intervalLower: newStop, upper: newUpper, status: status))
        }
        return .merged(SurvivalResponse(start: newStart, stop: newStop, status: status))
    }
}
