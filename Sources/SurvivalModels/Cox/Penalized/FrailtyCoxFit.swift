import CohortData
import Foundation
import SurvivalNumerics

/// A frailty fit that cannot be made (R's coxph has no such model, or survkit does not fit it yet).
public struct FrailtyFitError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A Cox model with a shared frailty, `coxph(Surv(t, s) ~ x + frailty(g))`,
/// fitted as R's `coxpenal.fit` with a sparse frailty term: an outer loop on
/// the frailty variance θ (``FrailtyThetaSearch``, at most `outer.max` = 10
/// fits), each fit a penalised Newton–Raphson (``FrailtyCoxData/fit(penalty:beta:frail:maxIterations:eps:tolerCholesky:)``)
/// started from the earlier fit whose θ is nearest; then the variances
/// (`var` = the covariate block of H⁻¹, `var2` = H⁻¹ I H⁻¹ with I the
/// unpenalised information) and effective degrees of freedom of Gray (1992)
/// as `coxpenal.df`.
public enum FrailtyCoxModel {
    /// R's `coxph.control()` `outer.max`.
    public static let outerMax = 10

    /// Fits the model; `frame.frailty` holds the groups.
    public static func fit(_ frame: ModelFrame, frailty term: FrailtyTerm, options: CoxOptions) throws -> CoxResult {
        guard let group = frame.frailty else { throw FrailtyFitError("the formula has no frailty() term") }
        guard frame.count > 0 else { throw CoxError.noRows }
        guard frame.response.start == nil else {
            throw FrailtyFitError("frailty() is fitted for right-censored Surv(time, status) data only; (start, stop] data are not supported yet")
        }
        guard options.ties != .exact else {
            throw FrailtyFitError("frailty() is fitted with --ties efron or breslow (R's coxph refuses exact ties with penalised terms)")
        }
        guard options.robust != true else {
            throw FrailtyFitError("--robust is not defined for a frailty model (R ignores it with a warning); leave it out")
        }
        let nf = (group.max() ?? -1) + 1
        guard nf > 5 else {
            throw FrailtyFitError(
                "frailty(\(term.column)) has \(nf) groups; R fits 5 or fewer as a dense (non-sparse) penalised term, which survkit does not fit: use factor(\(term.column)) or strata(\(term.column))")
        }
        if let w = frame.weights, let bad = w.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            throw CoxError.invalidWeights(row: frame.rowIndex[bad])
        }
        let data = FrailtyCoxData(frame: frame, group: group, efron: options.ties == .efron)
        guard data.status.contains(true) else { throw CoxError.noEvents }
        let p = data.nvar
        let eps = options.epsilon, toler = options.tolerCholesky, iterMax = options.maxIterations
        let loglik0 = data.accumulate(beta: [Double](repeating: 0, count: p), frail: [Double](repeating: 0, count: nf)).loglik

        var search = FrailtyThetaSearch(distribution: term.distribution, coxEps: eps)
        var initBeta = [Double](repeating: 0, count: p), initFrail = [Double](repeating: 0, count: nf)
        var thetaSaved = [search.theta]
        var saved: [(beta: [Double], frail: [Double])] = []
        var totalNR = 0
        var outer = 0
        var failed: [Int] = []
        var last: FrailtyInnerFit?
        var lastDF: FrailtyDegreesOfFreedom?
        var integrated: Double?
        var usedTheta = search.theta
        for iteration in 1...outerMax {
            outer = iteration
            usedTheta = search.theta
            let inner = data.fit(
                penalty: FrailtyPenalty(distribution: term.distribution, theta: search.theta), beta: initBeta,
                frail: initFrail, maxIterations: iterMax, eps: eps, tolerCholesky: toler)
            totalNR += inner.iterations
            if inner.iterations >= iterMax { failed.append(iteration) }
            let df = FrailtyDegreesOfFreedom(inner, termOfColumn: frame.termOfColumn)
            last = inner
            lastDF = df
            let step = search.record(
                iteration: iteration, penalizedLoglik: inner.penalizedLoglik, groupEvents: data.groupEvents,
                frail: inner.frail, traceH: df.traceH)
            integrated = step.integrated
            if step.done { break }
            saved.append((inner.beta, inner.frail))
            if iteration == 1 {
                initBeta = inner.beta
                initFrail = inner.frail
                thetaSaved.append(search.theta)
            } else {
                let next = search.theta
                let distance = thetaSaved.map { ($0 - next) * ($0 - next) }
                let nearest = distance.firstIndex(of: distance.min() ?? 0) ?? 0
                initBeta = saved[nearest].beta
                initFrail = saved[nearest].frail
                thetaSaved.append(next)
            }
        }
        guard let fit = last, let df = lastDF else { throw FrailtyFitError("the frailty fit made no iteration") }

        var warnings = frame.warnings
        if iterMax > 1 && !failed.isEmpty {
            warnings.append("Inner loop failed to converge for iterations \(failed.map(String.init).joined(separator: " "))")
        }
        let loglik = fit.penalizedLoglik - fit.logPenalty
        let (table, chisqs) = PenalizedCoxSummary.coefficients(
            frame, beta: fit.beta, variance: df.variance, variance2: df.variance2, d2: df.d2, confLevel: options.confLevel)
        let frailDF = df.frailtyDF
        let frailVar = df.frailtyVariance
        let fchisq = zip(fit.frail, frailVar).reduce(0) { $1.1 > 0 ? $0 + $1.0 * $1.0 / $1.1 : $0 }
        let summary = CoxFrailtySummary(
            distribution: term.distribution.rawValue, variance: usedTheta, df: frailDF, chisq: fchisq,
            p: ChiSquared.upperTail(fchisq, df: max(frailDF, 0.5)))
        let termDF = df.termDF + [frailDF]
        let (lrTest, tests) = PenalizedCoxSummary.tests(
            beta: fit.beta, variance: df.variance, d2: df.d2, loglikNull: loglik0, loglik: loglik, termDF: termDF)
        var result = CoxResult(
            ties: options.ties, n: frame.count, events: data.status.filter { $0 }.count,
            nDroppedMissing: frame.rows.droppedTotal, iterations: totalNR, converged: failed.isEmpty,
            coefficients: table, loglikNull: loglik0, loglik: loglik, tests: tests,
            concordance: frame.coxConcordance(Self.linearPredictors(frame, beta: fit.beta, frail: fit.frail, group: group)),
            variance: df.variance, warnings: warnings, rows: frame.rows, confLevel: options.confLevel)
        result.frailty = summary
        result.loglikIntegrated = term.distribution == .gamma ? integrated : nil
        result.penalizedLikelihoodRatio = lrTest
        result.penalizedPrint = CoxPenalizedPrint(
            frailtyTerm: term.text, outerIterations: outer, newtonRaphsonIterations: totalNR, termDF: termDF,
            coefficientChisq: chisqs)
        return result
    }

    /// The linear predictor with the frailty effects, as `coxpenal.fit`'s
    /// `x %*% coef + offset + fcoef[fgrp]` (its constant `sum(means * coef)`
    /// left out: only the ordering matters to the concordance).
    static func linearPredictors(_ frame: ModelFrame, beta: [Double], frail: [Double], group: [Int]) -> [Double] {
        let n = frame.count
        var lp = frame.offset ?? [Double](repeating: 0, count: n)
        for (j, b) in beta.enumerated() where b != 0 {
            for i in 0..<n { lp[i] += b * frame.design[i, j] }
        }
        for i in 0..<n where group[i] < frail.count { lp[i] += frail[group[i]] }
        return lp
    }
}
