import CohortData
import Foundation
import SurvivalNumerics

/// A Cox model with penalised smoothing splines, `coxph(Surv(t, s) ~
/// pspline(x, df = 4) + z)`, fitted as R's `coxpenal.fit` with dense
/// penalty terms: an outer loop on each term's θ (``SplineThetaSearch``, at
/// most `outer.max` = 10 fits, done when every term is), each fit a penalised
/// Newton–Raphson (``FrailtyCoxData/fitDense(penalties:beta:maxIterations:eps:tolerCholesky:)``)
/// started from the earlier fit whose θs are nearest; then `var` = H⁻¹,
/// `var2` = H⁻¹ I H⁻¹ and the terms' effective df (``DensePenaltyDegreesOfFreedom``),
/// and the linear / non-linear tests R prints (``CoxSplineTest``).
public enum PenalizedSplineCoxModel {
    /// The `pspline()` terms of a formula, in model order.
    public static func terms(_ formula: Formula) -> [SplineTerm] {
        formula.terms.flatMap { $0.variables }.compactMap { v -> SplineTerm? in
            if case .spline(let s) = v, s.penalty != nil { return s }
            return nil
        }
    }

    /// Fits the model; `formula` is the frame's (its `pspline()` terms are penalised).
    public static func fit(_ frame: ModelFrame, formula: Formula, options: CoxOptions) throws -> CoxResult {
        let splines = terms(formula)
        guard !splines.isEmpty else { throw FrailtyFitError("the formula has no pspline() term") }
        for term in formula.terms where term.variables.count > 1 {
            if let s = splines.first(where: { s in term.variables.contains(.spline(s)) }) {
                throw FrailtyFitError("\(s.text) is used in an interaction (\(term.label)); a penalised spline is fitted as a main effect only")
            }
        }
        if formula.frailty != nil || frame.frailty != nil {
            throw FrailtyFitError("pspline() together with frailty() is not fitted; use ns(x, df = k) with the frailty, or leave the frailty out")
        }
        guard frame.count > 0 else { throw CoxError.noRows }
        guard frame.response.start == nil else {
            throw FrailtyFitError("pspline() is fitted for right-censored Surv(time, status) data only; (start, stop] data are not supported yet")
        }
        guard options.ties != .exact else {
            throw FrailtyFitError("pspline() is fitted with --ties efron or breslow (R's coxph refuses exact ties with penalised terms)")
        }
        guard options.robust != true else {
            throw FrailtyFitError("--robust is not available with pspline() (a penalised Cox model); leave it out")
        }
        if let w = frame.weights, let bad = w.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            throw CoxError.invalidWeights(row: frame.rowIndex[bad])
        }
        let data = FrailtyCoxData(frame: frame, group: [], efron: options.ties == .efron)
        guard data.status.contains(true) else { throw CoxError.noEvents }
        let p = data.nvar
        // Each spline's columns, penalty matrix and basis centres.
        var blocks: [(term: SplineTerm, columns: [Int], matrix: [[Double]], centres: [Double])] = []
        for s in splines {
            let name = Formula.Variable.spline(s).baseName
            let cols = (0..<p).filter { frame.termOfColumn[$0] == name }
            guard let basis = frame.splineBases[s.text], !cols.isEmpty, cols.count == basis.columns else {
                throw FrailtyFitError("\(s.text): its basis columns were not found in the design")
            }
            blocks.append((s, cols, SplinePenalty.differenceMatrix(width: cols.count + 1), basis.penalizedCentres))
        }
        let eps = options.epsilon, toler = options.tolerCholesky, iterMax = options.maxIterations
        let loglik0 = data.accumulate(beta: [Double](repeating: 0, count: p), frail: []).loglik

        var searches = blocks.map { b in SplineThetaSearch(b.term.penalty ?? PenalizedSplineSettings(df: 4, theta: nil, nterm: 10, eps: 0.1)) }
        var initBeta = [Double](repeating: 0, count: p)
        var thetaSaved = [searches.map(\.theta)]
        var saved: [[Double]] = []
        var totalNR = 0, outer = 0
        var failed: [Int] = []
        var last: (fit: DensePenaltyInnerFit, df: DensePenaltyDegreesOfFreedom, thetas: [Double])?
        for iteration in 1...FrailtyCoxModel.outerMax {
            outer = iteration
            let thetas = searches.map(\.theta)
            let penalties = zip(blocks, thetas).map { SplinePenalty(columns: $0.columns, matrix: $0.matrix, theta: $1) }
            let inner = data.fitDense(penalties: penalties, beta: initBeta, maxIterations: iterMax, eps: eps, tolerCholesky: toler)
            totalNR += inner.iterations
            if inner.iterations >= iterMax { failed.append(iteration) }
            let df = DensePenaltyDegreesOfFreedom(inner, termOfColumn: frame.termOfColumn)
            last = (inner, df, thetas)
            var done = true
            for k in searches.indices {
                let name = Formula.Variable.spline(blocks[k].term).baseName
                let termDF = df.terms.firstIndex(of: name).map { df.termDF[$0] } ?? 0
                if !searches[k].record(iteration: iteration, df: termDF) { done = false }
            }
            if done { break }
            saved.append(inner.beta)
            let next = searches.map(\.theta)
            if iteration == 1 {
                initBeta = inner.beta
            } else {
                let distance = thetaSaved.map { old in zip(old, next).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
                let nearest = distance.firstIndex(of: distance.min() ?? 0) ?? 0
                initBeta = saved[nearest]
            }
            thetaSaved.append(next)
        }
        guard let (fit, df, usedThetas) = last else { throw FrailtyFitError("the pspline fit made no iteration") }

        var warnings = frame.warnings
        if iterMax > 1 && !failed.isEmpty {
            warnings.append("Inner loop failed to converge for iterations \(failed.map(String.init).joined(separator: " "))")
        }
        let loglik = fit.penalizedLoglik - fit.logPenalty
        let (table, chisqs) = PenalizedCoxSummary.coefficients(
            frame, beta: fit.beta, variance: df.variance, variance2: df.variance2, d2: df.d2, confLevel: options.confLevel)
        var tests: [CoxSplineTest] = []
        for (k, block) in blocks.enumerated() {
            let name = Formula.Variable.spline(block.term).baseName
            let termDF = df.terms.firstIndex(of: name).map { df.termDF[$0] } ?? 0
            tests.append(splineTest(
                block.term.text, columns: block.columns, centres: block.centres, beta: fit.beta, variance: df.variance,
                variance2: df.variance2, df: termDF, theta: usedThetas[k], printedTheta: searches[k].theta))
        }
        let (lrTest, coxTests) = PenalizedCoxSummary.tests(
            beta: fit.beta, variance: df.variance, d2: df.d2, loglikNull: loglik0, loglik: loglik, termDF: df.termDF)
        var result = CoxResult(
            ties: options.ties, n: frame.count, events: data.status.filter { $0 }.count,
            nDroppedMissing: frame.rows.droppedTotal, iterations: totalNR, converged: failed.isEmpty,
            coefficients: table, loglikNull: loglik0, loglik: loglik, tests: coxTests,
            concordance: frame.coxConcordance(FrailtyCoxModel.linearPredictors(
                frame, beta: fit.beta, frail: [], group: [Int](repeating: 0, count: frame.count))),
            variance: df.variance, warnings: warnings, rows: frame.rows, confLevel: options.confLevel)
        result.splineTests = tests
        result.penalizedLikelihoodRatio = lrTest
        result.penalizedPrint = CoxPenalizedPrint(
            frailtyTerm: "", outerIterations: outer, newtonRaphsonIterations: totalNR, termDF: df.termDF,
            coefficientChisq: chisqs)
        return result
    }

    /// R's pspline `printfun` on one term's coefficients b, var V and var2:
    /// the Wald test bᵀV⁻¹b, and the linear contrast c = row 2 of
    /// (XᵀV⁻¹X)⁻¹XᵀV⁻¹ with X = (1, centres) — all inverses generalised
    /// (Cholesky with tolerance 1e-9, as `coxph.wtest`).
    static func splineTest(
        _ term: String, columns: [Int], centres: [Double], beta: [Double], variance: [[Double]], variance2: [[Double]],
        df: Double, theta: Double, printedTheta: Double
    ) -> CoxSplineTest {
        let k = columns.count
        var V = Matrix(rows: k, columns: k)
        for (a, i) in columns.enumerated() { for (b, j) in columns.enumerated() { V[a, b] = variance[i][j] } }
        let b = columns.map { beta[$0] }
        let cv = Cholesky2(V, toler: 1e-9)
        let test1 = zip(b, cv.solve(b)).reduce(0) { $0 + $1.0 * $1.1 }
        let s0 = cv.solve([Double](repeating: 1, count: k)), s1 = cv.solve(centres)
        var M = Matrix(rows: 2, columns: 2)
        M[0, 0] = s0.reduce(0, +)
        M[0, 1] = s1.reduce(0, +)
        M[1, 0] = zip(centres, s0).reduce(0) { $0 + $1.0 * $1.1 }
        M[1, 1] = zip(centres, s1).reduce(0) { $0 + $1.0 * $1.1 }
        let cm = Cholesky2(M, toler: 1e-9)
        let c = (0..<k).map { cm.solve([s0[$0], s1[$0]])[1] }
        func quad(_ m: [[Double]]) -> Double {
            var s = 0.0
            for (a, i) in columns.enumerated() { for (bb, j) in columns.enumerated() { s += c[a] * m[i][j] * c[bb] } }
            return s
        }
        let linear = zip(c, b).reduce(0) { $0 + $1.0 * $1.1 }
        let lvar1 = quad(variance), lvar2 = quad(variance2)
        let test2 = linear * linear / lvar1
        let nl = test1 - test2
        return CoxSplineTest(
            term: term, theta: theta, df: df,
            linear: .init(coef: linear, se: lvar1.squareRoot(), se2: lvar2.squareRoot(), chisq: test2, df: 1,
                          p: ChiSquared.upperTail(test2, df: 1)),
            nonlinear: .init(chisq: nl, df: df - 1, p: ChiSquared.upperTail(nl, df: max(0.5, df - 1))),
            printedTheta: printedTheta, coefficientIndices: columns)
    }
}
