import CohortData
import Foundation
import SurvivalNumerics

/// Fine–Gray proportional subdistribution hazards regression, as
/// `cmprsk::crr(ftime, fstatus, cov1 = model matrix, failcode, cencode)` at
/// R's default controls.
///
/// The subdistribution hazard of cause 1 is the hazard of the improper
/// variable that is infinite for a competing event: rows that failed of
/// another cause stay in the risk set after their event, with the
/// inverse-probability-of-censoring weight `G(t−)/G(T_i−)` (see
/// ``FineGrayData``). β maximises the weighted partial ("pseudo")
/// log-likelihood, crr's `loglik`; crr's Newton iteration and stopping rule
/// are followed step for step (`FineGrayModel+NewtonRaphson.swift`), the
/// variance is crr's sandwich, which accounts for the estimated weights
/// (`FineGrayModel+Variance.swift`), and the baseline cumulative
/// subdistribution hazard jumps `d_k/S0_k` at each event time of the cause
/// (Fortran `crrfit`) give `predict.crr`'s incidence curves.
///
/// crr has no case weights, strata, clusters, offsets or delayed entry; the
/// fit refuses frames that have them.
public enum FineGrayModel {
    /// Fits the model to `frame` (status codes as read with
    /// `allowCompetingRisks`: 0, 1, 2, ...).
    ///
    /// - Throws: `ModelError` when the frame has `(start, stop]` data,
    ///   weights, strata, clusters or offsets, no covariates, no row of the
    ///   cause, the cause equal to the censoring code, or a singular information.
    public static func fit(_ frame: ModelFrame, options: FineGrayOptions = .init()) throws -> FineGrayFit {
        let response = frame.response
        guard frame.count > 0 else {
            throw ModelError("The Fine–Gray model has no rows to fit (every row was dropped or the data are empty).")
        }
        if response.start != nil {
            throw ModelError(
                "Fine–Gray regression takes Surv(time, status) data; crr has no (start, stop] form (delayed entry).")
        }
        if frame.weights != nil {
            throw ModelError("Fine–Gray regression has no case weights (cmprsk::crr has none); leave out --weights.")
        }
        if frame.strata != nil {
            throw ModelError("Fine–Gray regression has no strata (cmprsk::crr has none); leave out strata(...) or add the variable as a term.")
        }
        if frame.cluster != nil {
            throw ModelError("Fine–Gray regression has no cluster(...) (cmprsk::crr has none); its variance is already a sandwich.")
        }
        if frame.offset != nil {
            throw ModelError("Fine–Gray regression has no offset(...) (cmprsk::crr has none).")
        }
        guard frame.design.columns > 0 else {
            throw ModelError("Fine–Gray regression needs at least one covariate right of ~ (cmprsk::crr needs cov1).")
        }
        guard options.cause != options.censoringCode else {
            throw ModelError(
                "The cause (\(options.cause)) is also the censoring code; give the event of interest with --cause"
                    + " and the code of censored rows with --cencode.")
        }
        let codes = Set(response.status.map { Int($0) }).sorted()
        let codeList = codes.map(String.init).joined(separator: ", ")
        let events = response.status.reduce(0) { $0 + ($1 == options.cause ? 1 : 0) }
        let statusName = frame.statusColumn.map { "status column \"\($0)\"" } ?? "status"
        guard events > 0 else {
            if codes == [options.censoringCode] {
                throw ModelError(
                    "Every one of the \(frame.count) rows is censored (\(statusName) = \(options.censoringCode)), so there"
                        + " is no event of cause \(options.cause) to model; check the status column and --cencode.",
                    column: frame.statusColumn)
            }
            throw ModelError(
                "No row has the cause to model, \(statusName) = \(options.cause) (the codes present are"
                    + " \(codeList)); choose one of them with --cause.",
                column: frame.statusColumn)
        }
        var warnings = frame.warnings
        if !codes.contains(options.censoringCode) {
            warnings.append(
                "No row has the censoring code \(options.censoringCode) in the \(statusName) (the codes are \(codeList)):"
                    + " every row not of cause \(options.cause) counts as a competing event; set --cencode if"
                    + " censored rows are coded otherwise.")
        }
        let data = FineGrayData(
            time: response.stop, status: response.status, design: frame.design,
            cause: options.cause, censoringCode: options.censoringCode)
        let iteration = try iterate(data, options: options, termNames: frame.termNames)
        if !iteration.converged {
            warnings.append(
                "crr did not converge in \(options.maxIterations) Newton steps (as R's crr at its defaults):"
                    + " a coefficient may be infinite (a level of a factor with no event of the cause?);"
                    + " the estimates are those of the last step.")
        }
        let sandwich = try sandwich(data, at: iteration.evaluation, termNames: frame.termNames)
        let null = evaluate(data, beta: [Double](repeating: 0, count: data.p), derivatives: false).loglik
        let ev = iteration.evaluation
        let jumps = (0..<data.eventTimeCount).map { Double(data.eventCount[$0]) / ev.s0[$0] }
        let competing = data.end.reduce(0) { $0 + ($1 == .competing ? 1 : 0) }
        return FineGrayFit(
            frame: frame, options: options, coefficients: iteration.beta, loglik: ev.loglik, loglikNull: null,
            score: ev.score, information: sandwich.information, variance: sandwich.variance,
            iterations: iteration.iterations, converged: iteration.converged,
            events: events, competingEvents: competing, eventTimes: data.eventTimes,
            baselineJumps: jumps, centre: data.centre, warnings: warnings)
    }
}
