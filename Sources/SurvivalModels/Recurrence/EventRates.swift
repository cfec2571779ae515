import CohortData
import SurvivalNumerics

/// Event rates per unit of person-time, with exact limits, and rate ratios
/// against the first group with exact conditional limits, as R `poisson.test`.
///
/// ## Method
/// A group with x events over T units of person-time has rate x/T. Its exact
/// (Garwood 1936) limits treat x as Poisson: `qgamma(α/2, x)/T` and
/// `qgamma(1 − α/2, x + 1)/T` (the lower limit is 0 when x = 0), as R
/// `poisson.test(x, T)$conf.int`. Everything is multiplied by `per`.
///
/// The rate ratio of a group (x, T) against the first group (x₁, T₁) is
/// (x/T)/(x₁/T₁). Conditional on the total x + x₁, x is binomial with
/// success probability π = ρT/(ρT + T₁) for ratio ρ, so the exact
/// Clopper–Pearson limits of π, `qbeta(α/2, x, x₁ + 1)` and
/// `qbeta(1 − α/2, x + 1, x₁)`, map to limits `π/(1 − π)·T₁/T` of the ratio,
/// as R `poisson.test(c(x, x₁), c(T, T₁))$conf.int`.
public enum EventRates {
    /// Rates of each group.
    ///
    /// - Parameters:
    ///   - events: event counts per row (non-negative integers).
    ///   - personTime: person-time per row (non-negative; each group's total > 0).
    ///   - grouping: the group of each row, or `nil` for one group `"all"`.
    ///   - rowIndex: the cohort row of each entry, and the two columns, so
    ///     that an error names the row (`ModelError.row`, `.column`).
    ///   - counts: frequency counts (each row stands for that many identical
    ///     subjects, `--counts`): a row adds count × events and count ×
    ///     person-time, the totals of the expanded rows; `nil`: one each.
    /// - Throws: `ModelError` for non-integer or negative counts, negative
    ///   person-time, a group with no person-time, or no rows.
    public static func compute(
        events: [Double], personTime: [Double], grouping: Grouping?, per: Double = 1000,
        confLevel: Double = 0.95, rows: RowAccounting, warnings: [String] = [],
        rowIndex: [Int]? = nil, eventsColumn: String? = nil, personTimeColumn: String? = nil,
        counts: [Double]? = nil
    ) throws(ModelError) -> EventRatesResult {
        guard !events.isEmpty, events.count == personTime.count else {
            throw ModelError("No rows left to analyse (\(rows.read) read, all dropped).")
        }
        guard per > 0, per.isFinite else { throw ModelError("The rate unit (person-time per rate) must be a positive number (got \(per)).") }
        guard confLevel > 0 && confLevel < 1 else {
            throw ModelError("The confidence level must lie strictly between 0 and 1 (got \(confLevel)).")
        }
        if let k = events.firstIndex(where: { !($0 >= 0) || $0 != $0.rounded() }) {
            throw ModelError(
                "expected an event count (counts are whole numbers ≥ 0), found \(NumberFormatting.label(events[k]))",
                row: rowIndex?[k] ?? k, column: eventsColumn)
        }
        if let k = personTime.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
            throw ModelError(
                "expected person-time ≥ 0, found \(NumberFormatting.label(personTime[k]))",
                row: rowIndex?[k] ?? k, column: personTimeColumn)
        }
        let grouping = grouping ?? .single(count: events.count)
        var x = [Double](repeating: 0, count: grouping.labels.count)
        var t = x
        var present = [Bool](repeating: false, count: x.count)
        for (row, code) in grouping.codes.enumerated() {
            let g = Int(code)
            let c = counts?[row] ?? 1
            x[g] += c * events[row]
            t[g] += c * personTime[row]
            present[g] = true
        }
        let alpha = (1 - confLevel) / 2
        var out: [EventRateGroup] = []
        var warnings = warnings
        var reference: (x: Double, t: Double)? = nil
        for g in x.indices where present[g] {
            guard t[g] > 0 else {
                throw ModelError("Group \(grouping.labels[g]) has no person-time; a rate needs person-time > 0.")
            }
            let count = Int(x[g])
            let limits = PoissonLimits.exact(count: count, confLevel: confLevel)
            var ratio: Double? = 1, lower: Double? = nil, upper: Double? = nil
            if let ref = reference {
                (ratio, lower, upper) = rateRatio(x: x[g], t: t[g], x1: ref.x, t1: ref.t, alpha: alpha)
            } else {
                reference = (x[g], t[g])
                if x[g] == 0 {
                    warnings.append("The first group (\(grouping.labels[g])) has no events: rate ratios against it are undefined.")
                }
            }
            out.append(
                EventRateGroup(
                    label: grouping.labels[g], events: count, personTime: t[g], rate: x[g] / t[g] * per,
                    lower: limits.lower / t[g] * per, upper: limits.upper / t[g] * per, rateRatio: ratio,
                    rrLower: lower, rrUpper: upper))
        }
        return EventRatesResult(per: per, confLevel: confLevel, groups: out, rows: rows, warnings: warnings)
    }

    /// (x/t)/(x₁/t₁) with its exact conditional limits; `nil` where undefined or infinite.
    static func rateRatio(x: Double, t: Double, x1: Double, t1: Double, alpha: Double)
        -> (Double?, Double?, Double?)
    {
        let n = x + x1
        guard n > 0 else { return (nil, nil, nil) }
        let ratio: Double? = x1 > 0 ? (x / t) / (x1 / t1) : nil
        let piLower = x == 0 ? 0 : Beta.quantile(alpha, a: x, b: n - x + 1)
        let piUpper = x == n ? 1 : Beta.upperQuantile(alpha, a: x + 1, b: n - x)
        let toRatio = { (p: Double) -> Double? in p < 1 ? p / (1 - p) * t1 / t : nil }
        return (ratio, toRatio(piLower), toRatio(piUpper))
    }
}
