import Foundation
import SurvivalModels

/// The time points a report shows when the user chose none (`cif` without
/// `--times`).
///
/// The rule: round numbers — multiples of a step of 1, 2 or 5 × 10ᵏ, the
/// steps of R's `pretty()` — from the step up to the *horizon*, the latest
/// time at which at least 10% of all subjects (pooled over the groups) are
/// still under observation. The step is the largest that gives at least four
/// points (so four to ten points: 50, 100, 150, 200 up to a horizon of 200;
/// 2, 4, …, 14 up to 15). Estimates
/// past the horizon rest on few subjects and are not shown by default; they
/// stay in the JSON curves, and `--times` shows any time.
enum DefaultTimePoints {
    /// Share of the subjects still at risk at the horizon.
    static let atRiskShare = 0.10

    /// The points up to `horizon` (see the type's rule); empty when the horizon is not positive.
    static func rounded(upTo horizon: Double) -> [Double] {
        guard horizon.isFinite, horizon > 0 else { return [] }
        // The largest step ≤ horizon/4 of the form 1, 2 or 5 × 10ᵏ.
        let raw = horizon / 4
        let magnitude = Foundation.pow(10, Foundation.floor(Foundation.log10(raw) + 1e-12))
        var best = magnitude
        for factor in [2.0, 5] where factor * magnitude <= raw * (1 + 1e-12) { best = factor * magnitude }
        let count = Int(Foundation.floor(horizon / best + 1e-9))
        // Multiply (not add) so that 0.1-steps stay exact decimals.
        return (1...max(count, 1)).map { (Double($0) * best * 1e9).rounded() / 1e9 }.filter { $0 <= horizon * (1 + 1e-12) }
    }

    /// The horizon of a set of curves: the latest observed time at which at
    /// least `atRiskShare` of the `n` subjects are still at risk. `time` and
    /// `nRisk` are each curve's observed times and numbers at risk there.
    static func horizon(curves: [(time: [Double], nRisk: [Double])], n: Int) -> Double? {
        // Rows leaving at each observed time, pooled: nRisk[k] − nRisk[k + 1].
        var ends: [(time: Double, count: Double)] = []
        for c in curves {
            for k in c.time.indices {
                let next = k + 1 < c.nRisk.count ? c.nRisk[k + 1] : 0
                ends.append((c.time[k], c.nRisk[k] - next))
            }
        }
        ends.sort { $0.time < $1.time }
        let needed = (atRiskShare * Double(n)).rounded(.up)
        var atRisk = 0.0
        for e in ends.reversed() {
            atRisk += e.count
            if atRisk >= needed { return e.time }
        }
        return ends.first?.time
    }
}
