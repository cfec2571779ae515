import Foundation

/// The time scale on which `cox.zph` tests for a time-varying coefficient,
/// as R's `cox.zph(transform = )`.
public enum ZPHTransform: String, Sendable, Codable, CaseIterable {
    /// `1 − S(t−)` with `S` the Kaplan–Meier curve of all rows pooled (strata and
    /// case weights ignored), R's default.
    case km
    /// The time itself.
    case identity
    /// The rank of the time among all used rows (ties get their average rank).
    case rank
    /// `log(t)`.
    case log
}

extension ZPHTransform {
    /// `g(t)` for every row, from its stop time, exactly as `cox.zph` builds
    /// `ttimes` before centring:
    ///
    /// * `km`: `survfitKM(factor(rep(1, n)), y)` is the unweighted, unstratified
    ///   Kaplan–Meier curve (with delayed entry for `(start, stop]` data: at risk at
    ///   τ when `start < τ ≤ stop`), and `findInterval(t, km$time, left.open = TRUE)`
    ///   picks the curve just before t, so `g = 1 − S(t−)`;
    /// * `rank`: R's `rank(times)` with average ranks for ties;
    /// * `identity`, `log`: t and log t.
    func values(start: [Double]?, stop: [Double], status: [Int32]) -> [Double] {
        switch self {
        case .identity: return stop
        case .log: return stop.map { Foundation.log($0) }
        case .rank: return Self.averageRanks(stop)
        case .km: return Self.kaplanMeierBefore(start: start, stop: stop, status: status)
        }
    }

    static func averageRanks(_ v: [Double]) -> [Double] {
        let order = v.indices.sorted { v[$0] < v[$1] }
        var out = [Double](repeating: 0, count: v.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && v[order[j + 1]] == v[order[i]] { j += 1 }
            // positions i…j (0-based) share the average 1-based rank
            let r = Double(i + j + 2) / 2
            for k in i...j { out[order[k]] = r }
            i = j + 1
        }
        return out
    }

    /// `1 − S(t−)` per row, `S` the pooled unweighted Kaplan–Meier estimate.
    static func kaplanMeierBefore(start: [Double]?, stop: [Double], status: [Int32]) -> [Double] {
        let eventTimes = Array(Set(zip(stop, status).filter { $0.1 == 1 }.map(\.0))).sorted()
        var deaths = [Double](repeating: 0, count: eventTimes.count)
        for (t, s) in zip(stop, status) where s == 1 {
            if let k = firstIndex(eventTimes, notLessThan: t) { deaths[k] += 1 }
        }
        let stops = stop.sorted()
        let starts = start?.sorted() ?? []
        // n(τ) = #{stop ≥ τ} − #{start ≥ τ}: a row with start ≥ τ has stop > τ too.
        func countAtLeast(_ sorted: [Double], _ x: Double) -> Int {
            sorted.count - (firstIndex(sorted, notLessThan: x) ?? sorted.count)
        }
        var survivalAfter = [Double](repeating: 1, count: eventTimes.count)
        var s = 1.0
        for (k, tau) in eventTimes.enumerated() {
            let atRisk = Double(countAtLeast(stops, tau) - countAtLeast(starts, tau))
            s *= 1 - deaths[k] / atRisk
            survivalAfter[k] = s
        }
        return stop.map { t in
            // event times strictly before t
            let before = firstIndex(eventTimes, notLessThan: t) ?? eventTimes.count
            return 1 - (before == 0 ? 1 : survivalAfter[before - 1])
        }
    }

    /// Index of the first element `≥ x` of an ascending array, `nil` if none.
    static func firstIndex(_ sorted: [Double], notLessThan x: Double) -> Int? {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count ? lo : nil
    }
}
