import SurvivalNumerics

/// Pointwise confidence limits of a survival curve, as R `survfit_confint`.
///
/// With `z` the normal quantile for the level and `se` the standard error of
/// `log S` (Greenwood):
/// - `log` (R default): `S·exp(∓z·se)`, upper capped at 1; undefined at S = 0.
/// - `log-log`: `exp(−exp(log(−log S) ∓ z·se/log S))`; undefined at S = 0 and
///   S = 1 (R returns NA there, so do we — this differs from texts that set
///   the limits to 1 before the first event).
/// - `plain`: `S ∓ z·se·S`, clipped to [0, 1]; undefined where se is infinite.
struct ConfidenceLimits {
    var lower: [Double?]
    var upper: [Double?]

    init(survival: [Double], seLog: [Double], type: ConfidenceType, level: Double) {
        let z = Normal.quantile(1 - (1 - level) / 2)
        lower = []
        upper = []
        lower.reserveCapacity(survival.count)
        upper.reserveCapacity(survival.count)
        for (p, se) in zip(survival, seLog) {
            let (lo, hi) = Self.limits(p: p, se: se, z: z, type: type)
            lower.append(lo.flatMap { $0.isFinite ? $0 : nil })
            upper.append(hi.flatMap { $0.isFinite ? $0 : nil })
        }
    }

    static func limits(p: Double, se: Double, z: Double, type: ConfidenceType) -> (Double?, Double?) {
        switch type {
        case .plain:
            let se2 = se * p * z
            guard se2.isFinite else { return (nil, nil) }
            return (max(p - se2, 0), min(p + se2, 1))
        case .log:
            guard p > 0 else { return (nil, nil) }
            let se2 = z * se
            return (Foundation.exp(Foundation.log(p) - se2), min(Foundation.exp(Foundation.log(p) + se2), 1))
        case .logLog:
            guard p > 0 && p < 1 else { return (nil, nil) }
            let lp = Foundation.log(p)
            let se2 = z * se / lp
            let ll = Foundation.log(-lp)
            return (Foundation.exp(-Foundation.exp(ll - se2)), Foundation.exp(-Foundation.exp(ll + se2)))
        }
    }
}

import Foundation
