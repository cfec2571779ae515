import CohortData
import Foundation
import SurvivalNumerics

/// Relative (net) survival against a population mortality table, as R's
/// relsurv `rs.surv` (curves) and `rs.diff` (comparison of net survival).
///
/// Time is measured in days (the data's times × `daysPerUnit`); each
/// subject's population hazard is that of its age, sex and calendar date as
/// follow-up proceeds (`PopulationRateTable`). With Yᵢ at risk, dNᵢ deaths,
/// λₚᵢ the population hazard and Sₚᵢ the population survival of subject i
/// since diagnosis, at each distinct time tⱼ of the group:
///
/// - **Pohar Perme** (net survival): hazard
///   `Σ dNᵢ/Sₚᵢ ÷ Σ Yᵢ/Sₚᵢ − ∫ (Σ Yᵢλₚᵢ/Sₚᵢ ÷ Σ Yᵢ/Sₚᵢ)`, variance
///   increments `Σ dNᵢ/Sₚᵢ² ÷ (Σ Yᵢ/Sₚᵢ)²`;
/// - **Ederer II**: hazard `(Σ dNᵢ − Σ Yᵢ∫λₚᵢ) ÷ Σ Yᵢ`, variance `Σ dNᵢ ÷ (Σ Yᵢ)²`;
///
/// both integrate the population hazard on relsurv's 1-day grid
/// (``fineGridSums(_:times:table:precision:)``) and take survival as
/// `∏ (1 − hazard)`. **Ederer I** divides the Kaplan–Meier survival by the
/// mean population survival of the whole cohort `Σ Sₚᵢ(t) / n`;
/// **Hakulinen** by the expected survival `exp(−Σ (Σ Y*ᵢSₚᵢ∫λₚᵢ ÷ Σ Y*ᵢSₚᵢ))`
/// of the cohort at risk on its potential follow-up Y* (the time from
/// diagnosis to the last date of follow-up of the data for those who died,
/// the follow-up itself for those censored), whose times join the curve's.
/// Both integrate the population hazard exactly over the table's cells, and
/// use the variance increments `Σ dNᵢ ÷ (Σ Yᵢ)²`, as relsurv.
///
/// The standard error reported is that of the survival itself, `S × √Σ`
/// (relsurv's `std.err` is `√Σ`); the limits are relsurv's, not capped at 1
/// (relative survival may exceed 1): `log` `S·exp(∓z√Σ)`, `log-log`
/// `exp(−exp(log(−log S) ∓ z√Σ/log S))`, `plain` `S(1 ∓ z√Σ)`.
///
/// Rows with a follow-up time of 0 are left out (relsurv's `rformulate`
/// keeps only time > 0) and warned about.
public enum RelativeSurvival {
    /// The curves of the groups of `frame` (crossed with `strata(...)`,
    /// labelled as Kaplan–Meier's), and with two or more groups their
    /// comparison (``RelativeSurvivalDifference``).
    ///
    /// - Parameters:
    ///   - covariates: age, diagnosis date and sex of each row of `frame`.
    /// - Throws: `ModelError` for counting-process data, case weights, status
    ///   codes other than 0/1, no rows, or `times` (without `extend`) that leave a curve none.
    public static func fit(
        _ frame: SurvivalGroupingFrame, covariates: PopulationCovariates, table: PopulationRateTable,
        options: RelativeSurvivalOptions = .init()
    ) throws(ModelError) -> RelativeSurvivalResult {
        guard frame.response.start == nil else {
            throw ModelError(
                "relsurv takes right-censored data Surv(time, status) measured from diagnosis, as relsurv's rs.surv;"
                    + " delayed entry Surv(start, stop, status) is not supported.")
        }
        guard frame.weights == nil else {
            throw ModelError("relsurv does not take case weights (--weights), as relsurv's rs.surv.")
        }
        guard options.confLevel > 0 && options.confLevel < 1 else {
            throw ModelError("The confidence level must lie strictly between 0 and 1 (got \(options.confLevel)).")
        }
        guard options.daysPerUnit.isFinite && options.daysPerUnit > 0 else {
            throw ModelError("The time unit must be a positive number of days (got \(options.daysPerUnit)).")
        }
        let response = frame.response
        if let r = response.status.firstIndex(where: { $0 != 0 && $0 != 1 }) {
            throw ModelError(
                "relative survival needs a status of 0 (censored) or 1 (death).", row: frame.rowIndex[r])
        }
        var warnings = frame.warnings
        let kept = (0..<frame.count).filter { response.stop[$0] > 0 }
        if kept.count < frame.count {
            let k = frame.count - kept.count
            warnings.append(
                "\(k) row\(k == 1 ? "" : "s") with a follow-up time of 0 left out, as relsurv (it keeps time > 0 only).")
        }
        guard !kept.isEmpty else {
            throw ModelError("No rows left to analyse (\(frame.rows.read) read, none with a follow-up time > 0).")
        }
        let days = kept.map { response.stop[$0] * options.daysPerUnit }
        let status = kept.map { Double(response.status[$0]) }
        let all = RelativeSurvivalSubjects(
            time: days, status: status, age: kept.map { covariates.age[$0] }, date: kept.map { covariates.date[$0] },
            sex: kept.map { covariates.sex[$0] })
        let grouping = frame.curveGroups
        let codes = kept.map { Int(grouping.codes[$0]) }
        var members = [[Int]](repeating: [], count: grouping.labels.count)
        for (q, c) in codes.enumerated() { members[c].append(q) }

        // Hakulinen: the potential follow-up of those who died, to the last
        // follow-up date of the whole data (relsurv's default fin.date).
        var potential: [Double]? = nil
        if options.method == .hakulinen {
            var finish = -Double.infinity
            for q in 0..<all.count { finish = max(finish, all.time[q] + all.date[q]) }
            potential = (0..<all.count).map { all.status[$0] == 1 ? finish - all.date[$0] : all.time[$0] }
        }

        let z = Normal.quantile(1 - (1 - options.confLevel) / 2)
        var curves: [RelativeSurvivalCurve] = []
        for (g, rows) in members.enumerated() where !rows.isEmpty {
            let subjects = all.subset(rows)
            let estimate = curve(
                subjects, potential: potential.map { p in rows.map { p[$0] } }, table: table, method: options.method)
            var curve = RelativeSurvivalCurve(
                label: grouping.labels[g], n: rows.count, events: estimate.deaths.reduce(0, +),
                time: estimate.times.map { $0 / options.daysPerUnit }, nRisk: estimate.atRisk,
                nEvent: estimate.deaths, survival: estimate.survival, stdErr: [], lower: [], upper: [],
                summaryAt: nil)
            for (p, v) in zip(estimate.survival, estimate.variance) {
                let se = v.squareRoot()
                let (lo, hi) = limits(p, se, z: z, type: options.confType)
                curve.stdErr.append(finite(p * se))
                curve.lower.append(finite(lo))
                curve.upper.append(finite(hi))
            }
            if !options.times.isEmpty {
                // On relsurv's scale (days), as R's summary(fit, times = t × days per unit).
                var at = SurvivalSummaryAt.evaluate(
                    at: options.times.map { $0 * options.daysPerUnit }, table: (estimate.times, curve.nRisk, curve.nEvent),
                    survival: curve.survival, stdErr: curve.stdErr, lower: curve.lower, upper: curve.upper,
                    extend: options.extend)
                at.time = at.time.map { $0 / options.daysPerUnit }
                guard !at.time.isEmpty else {
                    let last = curve.time.last.map { NumberFormatting.label($0) } ?? "none"
                    throw ModelError(
                        "No requested time (--times) is within the follow-up of \(curve.label) (its last time is \(last));"
                            + " as R's summary(fit, times =), times after a curve's last time are dropped."
                            + " Use --extend to report the curves past their last time.")
                }
                curve.summaryAt = at
            }
            curves.append(curve)
        }
        warnings += tableCoverageWarnings(all, table: table)

        var test: RelativeSurvivalTest? = nil
        if let groups = frame.groups, Set(kept.map { groups.codes[$0] }).count >= 2 {
            let strata = frame.strata.map { s in kept.map { Int(s.codes[$0]) } } ?? [Int](repeating: 0, count: kept.count)
            let outcome = try RelativeSurvivalDifference.test(
                all, group: kept.map { Int(groups.codes[$0]) }, groupCount: groups.labels.count, stratum: strata,
                table: table)
            test = outcome.test
            warnings += outcome.warnings
        }
        let summary = RateTableSummary(
            file: table.fileName, ages: [table.ages.first ?? 0, table.ages.last ?? 0],
            years: [table.years.first ?? 0, table.years.last ?? 0], sexes: table.sexes)
        return RelativeSurvivalResult(
            method: options.method, n: kept.count, events: status.reduce(0, +),
            nDroppedMissing: frame.rows.droppedTotal, confType: options.confType, confLevel: options.confLevel,
            daysPerUnit: options.daysPerUnit, rateTable: summary, strata: curves, test: test, rows: frame.rows,
            warnings: warnings)
    }

    /// One group's estimate on relsurv's time scale (days).
    struct Estimate {
        var times: [Double]
        var atRisk: [Double]
        var deaths: [Double]
        var survival: [Double]
        /// relsurv's `std.err²`.
        var variance: [Double]
    }

    /// One group's curve by `method` (see the type's documentation).
    static func curve(
        _ s: RelativeSurvivalSubjects, potential: [Double]?, table: PopulationRateTable, method: RelativeSurvivalMethod
    ) -> Estimate {
        var times = s.distinctTimes
        if method == .hakulinen, let potential, let last = times.last {
            times = Array(Set(times + potential.map { min($0, last) })).sorted()
        }
        var hazard: [Double], atRisk: [Double], deaths: [Double], increments: [Double]
        var expected: [Double]? = nil
        switch method {
        case .poharPerme, .ederer2:
            let f = fineGridSums(s, times: times, table: table)
            atRisk = f.atRisk
            deaths = f.deaths
            if method == .poharPerme {
                hazard = times.indices.map { f.weightedDeaths[$0] / f.weightedAtRisk[$0] - f.weightedExpected[$0] }
                increments = times.indices.map { f.weightedDeathsSquared[$0] / (f.weightedAtRisk[$0] * f.weightedAtRisk[$0]) }
            } else {
                hazard = times.indices.map { f.deaths[$0] / f.atRisk[$0] - f.expected[$0] / f.atRisk[$0] }
                increments = times.indices.map { f.deaths[$0] / (f.atRisk[$0] * f.atRisk[$0]) }
            }
        case .ederer1, .hakulinen:
            let e = exactSums(s, times: times, table: table)
            atRisk = e.atRisk
            deaths = e.deaths
            hazard = times.indices.map { e.deaths[$0] / e.atRisk[$0] }
            increments = times.indices.map { e.deaths[$0] / (e.atRisk[$0] * e.atRisk[$0]) }
            if method == .ederer1 {
                let n = Double(s.count)
                expected = e.populationSurvival.map { $0 / n }
            } else if let potential {
                let p = exactSums(s.withTimes(potential, status: .init(repeating: 0, count: s.count)), times: times, table: table)
                var cumulative = 0.0
                expected = times.indices.map {
                    cumulative += p.atRiskSurvivalHazard[$0] / p.atRiskSurvival[$0]
                    return Foundation.exp(-cumulative)
                }
            }
        }
        var survival = [Double](repeating: 0, count: times.count)
        var variance = [Double](repeating: 0, count: times.count)
        var s0 = 1.0, v = 0.0
        for j in times.indices {
            s0 *= 1 - hazard[j]
            v += increments[j]
            survival[j] = s0
            variance[j] = v
        }
        if let expected {
            for j in times.indices { survival[j] /= expected[j] }
        }
        return Estimate(times: times, atRisk: atRisk, deaths: deaths, survival: survival, variance: variance)
    }

    /// relsurv's pointwise limits for survival `p` with `se` = its `std.err`.
    static func limits(_ p: Double, _ se: Double, z: Double, type: ConfidenceType) -> (Double, Double) {
        switch type {
        case .plain:
            return (p - se * z * p, p + se * z * p)
        case .log:
            return (Foundation.exp(Foundation.log(p) - se * z), Foundation.exp(Foundation.log(p) + se * z))
        case .logLog:
            let lp = Foundation.log(p)
            let ll = Foundation.log(-lp)
            return (Foundation.exp(-Foundation.exp(ll - se * z / lp)), Foundation.exp(-Foundation.exp(ll + se * z / lp)))
        }
    }

    static func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

    /// Warnings when follow-up reaches past the table's last year or age:
    /// its last cells then apply (as relsurv), which the reader should know.
    static func tableCoverageWarnings(_ s: RelativeSurvivalSubjects, table: PopulationRateTable) -> [String] {
        var out: [String] = []
        guard let lastYear = table.yearStarts.last, let lastYearLabel = table.years.last,
            let firstYear = table.yearStarts.first, let firstYearLabel = table.years.first
        else { return out }
        let nextYear = Double(ISODate.dayNumber(year: lastYearLabel + 1, month: 1, day: 1) ?? 0)
        var beyond = 0, before = 0
        for i in 0..<s.count {
            if s.date[i] + s.time[i] >= nextYear && nextYear > lastYear { beyond += 1 }
            if s.date[i] < firstYear { before += 1 }
        }
        if beyond > 0 {
            out.append(
                "\(beyond) subject\(beyond == 1 ? "" : "s") are followed past \(lastYearLabel), the last year of the rate table"
                    + " \(table.fileName): its \(lastYearLabel) rates are used for the later years, as relsurv does.")
        }
        if before > 0 {
            out.append(
                "\(before) subject\(before == 1 ? " was" : "s were") diagnosed before \(firstYearLabel), the first year of the rate table"
                    + " \(table.fileName): its \(firstYearLabel) rates are used for the earlier years, as relsurv does.")
        }
        return out
    }
}

extension RelativeSurvivalSubjects {
    /// The subjects at positions `rows`, in that order.
    func subset(_ rows: [Int]) -> RelativeSurvivalSubjects {
        RelativeSurvivalSubjects(
            time: rows.map { time[$0] }, status: rows.map { status[$0] }, age: rows.map { age[$0] },
            date: rows.map { date[$0] }, sex: rows.map { sex[$0] })
    }
}
