import Foundation

extension RelativeSurvival {
    /// The population cumulative hazard of one subject over `length` days
    /// from `offset` days after diagnosis, integrated exactly over the table's
    /// age and year boundaries (survival's `pystep` steps, as relsurv's
    /// `netwei` and `netfastpinter`). `zeroRate` replaces a zero hazard
    /// (`netwei` uses 1e-9).
    @inline(__always)
    static func cumulativeHazard(
        _ s: RelativeSurvivalSubjects, _ i: Int, offset: Double, length: Double, table: PopulationRateTable,
        cursor: inout PopulationRateTable.Cursor, zeroRate: Double? = nil
    ) -> Double {
        var age = s.age[i] + offset, date = s.date[i] + offset
        var remaining = length
        var hazard = 0.0
        while remaining > 0 {
            var (rate, step) = cursor.step(table, age: age, date: date, sex: s.sex[i], limit: remaining)
            if rate == 0, let zeroRate { rate = zeroRate }
            hazard += step * rate
            age += step
            date += step
            remaining -= step
        }
        return hazard
    }

    /// Sums at `times` for Ederer I and Hakulinen (relsurv's `netwei`): the
    /// population survival of every subject (at risk or not) advances exactly
    /// through each interval.
    struct ExactSums {
        /// Σ Yᵢ at each time (follow-up ≥ the time).
        var atRisk: [Double]
        /// Σ dNᵢ at each time.
        var deaths: [Double]
        /// Σ Sₚᵢ(t) over every subject (Ederer I's expected survival × n).
        var populationSurvival: [Double]
        /// Σ Yᵢ Sₚᵢ(t) ∫λₚᵢ over the interval (Hakulinen's numerator).
        var atRiskSurvivalHazard: [Double]
        /// Σ Yᵢ Sₚᵢ(t) (Hakulinen's denominator).
        var atRiskSurvival: [Double]
    }

    static func exactSums(_ s: RelativeSurvivalSubjects, times: [Double], table: PopulationRateTable) -> ExactSums {
        let m = times.count
        let zero = [Double](repeating: 0, count: m)
        var out = ExactSums(
            atRisk: zero, deaths: zero, populationSurvival: zero, atRiskSurvivalHazard: zero, atRiskSurvival: zero)
        var si = [Double](repeating: 1, count: s.count)
        var cursor = [PopulationRateTable.Cursor](repeating: .init(), count: s.count)
        var time = 0.0
        for j in 0..<m {
            let tj = times[j]
            let cell = tj - time
            for i in 0..<s.count {
                let hazard = cumulativeHazard(
                    s, i, offset: time, length: cell, table: table, cursor: &cursor[i], zeroRate: 1e-9)
                si[i] *= Foundation.exp(-hazard)
                out.populationSurvival[j] += si[i]
                if s.time[i] >= tj {
                    out.atRiskSurvivalHazard[j] += hazard * si[i]
                    out.atRisk[j] += 1
                    out.atRiskSurvival[j] += si[i]
                    if s.time[i] == tj { out.deaths[j] += s.status[i] }
                }
            }
            time += cell
        }
        return out
    }

    /// Sums at `times` for the comparison of net survival (relsurv's
    /// `netfastpinter`, which `rs.diff` uses): for the subjects at risk at
    /// each time, the exact population hazard over the interval and the
    /// weights 1/Sₚ at its end.
    struct ComparisonSums {
        /// Σ Yᵢ / Sₚᵢ(t).
        var weightedAtRisk: [Double]
        /// Σ dNᵢ / Sₚᵢ(t) − Σ Yᵢ ∫λₚᵢ / Sₚᵢ(t).
        var weightedExcess: [Double]
        /// Σ dNᵢ / Sₚᵢ(t)².
        var weightedDeathsSquared: [Double]
        /// Σ dNᵢ.
        var deaths: Double
    }

    static func comparisonSums(_ s: RelativeSurvivalSubjects, times: [Double], table: PopulationRateTable)
        -> ComparisonSums
    {
        let m = times.count
        let zero = [Double](repeating: 0, count: m)
        var out = ComparisonSums(weightedAtRisk: zero, weightedExcess: zero, weightedDeathsSquared: zero, deaths: 0)
        var si = [Double](repeating: 1, count: s.count)
        var cursor = [PopulationRateTable.Cursor](repeating: .init(), count: s.count)
        var active = Array(0..<s.count)
        var time = 0.0
        for j in 0..<m {
            let tj = times[j]
            active.removeAll { s.time[$0] < tj }
            let cell = tj - time
            var dnisi = 0.0, yidlisi = 0.0
            for i in active {
                let hazard = cumulativeHazard(s, i, offset: time, length: cell, table: table, cursor: &cursor[i])
                si[i] *= Foundation.exp(-hazard)
                guard tj > 0 else { continue }
                out.weightedAtRisk[j] += 1 / si[i]
                yidlisi += hazard / si[i]
                if s.time[i] == tj {
                    let d = s.status[i]
                    dnisi += d / si[i]
                    out.weightedDeathsSquared[j] += d / (si[i] * si[i])
                    out.deaths += d
                }
            }
            out.weightedExcess[j] = dnisi - yidlisi
            time += cell
        }
        return out
    }
}
