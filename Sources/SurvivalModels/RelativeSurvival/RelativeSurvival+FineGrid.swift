import Foundation

extension RelativeSurvival {
    /// Sums over the subjects at risk at each time, with the population
    /// hazard integrated on a grid of `precision` days (relsurv's
    /// `netfastpinter2`, which `rs.surv` uses for Pohar Perme and Ederer II).
    struct FineGridSums {
        /// Σ Yᵢ: at risk at each time.
        var atRisk: [Double]
        /// Σ dNᵢ: deaths at each time.
        var deaths: [Double]
        /// Σ dNᵢ / Sₚᵢ(t).
        var weightedDeaths: [Double]
        /// Σ dNᵢ / Sₚᵢ(t)².
        var weightedDeathsSquared: [Double]
        /// Σ Yᵢ / Sₚᵢ(t) at the end of each interval.
        var weightedAtRisk: [Double]
        /// Σ Yᵢ ∫ λₚᵢ over each interval (Ederer II's expected hazard sum).
        var expected: [Double]
        /// ∫ (Σ Yᵢ λₚᵢ / Sₚᵢ) / (Σ Yᵢ / Sₚᵢ) over each interval (Pohar Perme's population term).
        var weightedExpected: [Double]
    }

    /// The sums at `times` (ascending, > 0) for `subjects`.
    ///
    /// Method (relsurv's, reproduced step for step so that the numbers agree):
    /// the interval between consecutive times is cut into steps of
    /// `precision` days (the last one shorter). On each step every subject
    /// still at risk at the interval's end (follow-up ≥ its end) takes the
    /// population hazard λ of its cell at the step's start (age and date
    /// advanced by the time since diagnosis) and its population survival is
    /// multiplied by exp(−λ·step). Within an interval the running sums
    /// Σ λ/Sₚ and Σ 1/Sₚ, taken with Sₚ at each step's start and end, give the
    /// step's weighted mean hazard (the average of the two), and these
    /// accumulate over the interval (relsurv does not restart them at each
    /// step). Deaths at the interval's end are weighted by 1/Sₚ there.
    static func fineGridSums(
        _ s: RelativeSurvivalSubjects, times: [Double], table: PopulationRateTable, precision: Double = 1
    ) -> FineGridSums {
        let m = times.count
        var out = FineGridSums(
            atRisk: .init(repeating: 0, count: m), deaths: .init(repeating: 0, count: m),
            weightedDeaths: .init(repeating: 0, count: m), weightedDeathsSquared: .init(repeating: 0, count: m),
            weightedAtRisk: .init(repeating: 0, count: m), expected: .init(repeating: 0, count: m),
            weightedExpected: .init(repeating: 0, count: m))
        var si = [Double](repeating: 1, count: s.count)
        var cursor = [PopulationRateTable.Cursor](repeating: .init(), count: s.count)
        var active = Array(0..<s.count)  // subjects still at risk, data order
        var time = 0.0
        for j in 0..<m {
            let tj = times[j]
            active.removeAll { s.time[$0] < tj }
            let cell = tj - time
            var ftime = 0.0
            var fyisi = 0.0, fyidlisi = 0.0, fyisi2 = 0.0, fyidlisi2 = 0.0
            var hazard = 0.0, fint = 0.0
            var first = true
            var sisum = 0.0
            var dnisi = 0.0, dni = 0.0, dnisisq = 0.0
            while ftime < cell {
                dnisi = 0
                dni = 0
                dnisisq = 0
                let start = time + ftime
                var step = precision
                if cell - ftime < step { step = cell - ftime }
                sisum = 0
                for i in active {
                    let lambda = cursor[i].rate(table, age: s.age[i] + start, date: s.date[i] + start, sex: s.sex[i])
                    let decay = Foundation.exp(-step * lambda)
                    fyidlisi += lambda / si[i]
                    fyidlisi2 += lambda / (si[i] * decay)
                    fyisi += 1 / si[i]
                    fyisi2 += 1 / (si[i] * decay)
                    hazard += step * lambda
                    si[i] *= decay
                    sisum += 1 / si[i]
                    if s.time[i] == tj {
                        let d = s.status[i]
                        dnisi += d / si[i]
                        dni += d
                        dnisisq += d / (si[i] * si[i])
                    }
                }
                if first {
                    out.atRisk[j] = Double(active.count)
                    first = false
                }
                fint += (fyidlisi / fyisi / 2 + fyidlisi2 / fyisi2 / 2) * step
                ftime += step
            }
            out.deaths[j] = dni
            out.weightedDeaths[j] = dnisi
            out.weightedDeathsSquared[j] = dnisisq
            out.weightedAtRisk[j] = sisum
            out.expected[j] = hazard
            out.weightedExpected[j] = fint
            time += cell
        }
        return out
    }
}
