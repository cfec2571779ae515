import CohortData
import Foundation
import SurvivalNumerics

/// The mean cumulative function (MCF) of recurrent events: the Nelson–Aalen
/// estimator of the expected number of events per subject, with a robust
/// standard error clustered on the subject, as R
/// `survfit(Surv(start, stop, event) ~ g, id = id)` (`cumhaz`, `std.chaz`).
///
/// ## Estimator
/// Each row is an interval (start, stop] during which a subject is at risk,
/// ending in an event (1) or not (0). At each distinct stop time t with
/// n(t) intervals at risk (start < t ≤ stop) and d(t) events,
/// MCF(t) = Σ_{s ≤ t} d(s)/n(s) (Nelson 1988; Lawless & Nadeau 1995).
///
/// ## Robust standard error
/// Recurrences of one subject are correlated, so the Aalen (Poisson)
/// variance Σ d/n² is too small. R uses the infinitesimal jackknife: the
/// influence of row r is Uᵣ(t) = Σ_{s ≤ t} (dNᵣ(s) − Yᵣ(s)·d(s)/n(s))/n(s),
/// summed within each subject to U_c(t), and var = Σ_c U_c(t)². This code keeps
/// the running U_c of every subject (cost: rows × distinct times).
///
/// ## Limits
/// R's `survfit` gives limits for the survival curve exp(−H), not for H.
/// This code gives log-scale limits for the MCF itself,
/// `MCF·exp(±z·se/MCF)` (always positive, asymmetric as a count's should be);
/// both are 0 where the MCF is still 0.
public enum MeanCumulativeFunction {
    /// Fits one MCF per group of `frame` (right-hand-side groups crossed with
    /// `strata(...)`), clustering on `cluster(id)`.
    ///
    /// - Throws: `ModelError` without `cluster(id)`, with case weights, status
    ///   codes other than 0/1, no rows or no events.
    public static func fit(_ frame: SurvivalGroupingFrame, confLevel: Double = 0.95) throws(ModelError)
        -> MeanCumulativeFunctionResult
    {
        guard frame.count > 0 else {
            throw ModelError("No rows left to analyse (\(frame.rows.read) read, all dropped).")
        }
        guard confLevel > 0 && confLevel < 1 else {
            throw ModelError("The confidence level must lie strictly between 0 and 1 (got \(confLevel)).")
        }
        guard let cluster = frame.cluster else {
            throw ModelError(
                "The mean cumulative function needs the subject identifier as cluster(id) in the formula, "
                    + "e.g. Surv(start, stop, event) ~ group + cluster(id).")
        }
        guard frame.weights == nil else {
            throw ModelError("Case weights are not supported for the mean cumulative function.")
        }
        guard frame.response.status.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw ModelError("The mean cumulative function needs event codes 0/1 (competing causes: use cif).")
        }
        guard frame.response.status.contains(1) else {
            throw ModelError("No events: every status is 0 (censored).")
        }
        let z = Normal.quantile(0.5 + confLevel / 2)
        let grouping = frame.curveGroups
        var members = [[Int]](repeating: [], count: grouping.labels.count)
        for (row, code) in grouping.codes.enumerated() { members[Int(code)].append(row) }
        var curves: [MeanCumulativeFunctionCurve] = []
        for (g, rows) in members.enumerated() where !rows.isEmpty {
            curves.append(curve(label: grouping.labels[g], rows: rows, frame: frame, cluster: cluster, z: z))
        }
        return MeanCumulativeFunctionResult(
            n: frame.count, events: curves.reduce(0) { $0 + $1.events },
            nDroppedMissing: frame.rows.droppedTotal, confLevel: confLevel, strata: curves, rows: frame.rows,
            warnings: frame.warnings)
    }

    static func curve(
        label: String, rows: [Int], frame: SurvivalGroupingFrame, cluster: [Int], z: Double
    ) -> MeanCumulativeFunctionCurve {
        let stop = rows.map { frame.response.stop[$0] }
        let start = rows.map { frame.response.start?[$0] ?? -Double.infinity }
        let event = rows.map { frame.response.status[$0] == 1 }
        // Renumber this stratum's subjects 0..<m.
        var subjectIndex: [Int: Int] = [:]
        let subject = rows.map { row -> Int in
            if let k = subjectIndex[cluster[row]] { return k }
            let k = subjectIndex.count
            subjectIndex[cluster[row]] = k
            return k
        }
        let times = Array(Set(stop)).sorted()
        var influence = [Double](repeating: 0, count: subjectIndex.count)
        var delta = [Double](repeating: 0, count: subjectIndex.count)
        var hazard = 0.0
        var nRisk: [Double] = [], nEvent: [Double] = [], mcf: [Double] = [], se: [Double] = []
        var lower: [Double] = [], upper: [Double] = []
        for t in times {
            // At risk at t: start < t ≤ stop. A plain scan over the stratum's
            // rows keeps every sum in row order (bit-for-bit reproducible).
            var n = 0.0, d = 0.0
            for r in rows.indices where start[r] < t && t <= stop[r] {
                n += 1
                if event[r] && stop[r] == t { d += 1 }
            }
            if d > 0 {
                hazard += d / n
                for r in rows.indices where start[r] < t && t <= stop[r] {
                    delta[subject[r]] += ((event[r] && stop[r] == t ? 1 : 0) - d / n) / n
                }
                for s in delta.indices where delta[s] != 0 {
                    influence[s] += delta[s]
                    delta[s] = 0
                }
            }
            let stdErr = influence.reduce(0) { $0 + $1 * $1 }.squareRoot()
            nRisk.append(n)
            nEvent.append(d)
            mcf.append(hazard)
            se.append(stdErr)
            if hazard > 0 {
                lower.append(hazard * Foundation.exp(-z * stdErr / hazard))
                upper.append(hazard * Foundation.exp(z * stdErr / hazard))
            } else {
                lower.append(0)
                upper.append(0)
            }
        }
        return MeanCumulativeFunctionCurve(
            label: label, subjects: subjectIndex.count, events: event.filter { $0 }.count, time: times,
            nRisk: nRisk, nEvent: nEvent, mcf: mcf, stdErr: se, lower: lower, upper: upper)
    }
}
