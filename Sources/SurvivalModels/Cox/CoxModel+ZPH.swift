import Foundation
import SurvivalNumerics

/// The test of proportional hazards of R's `cox.zph` (survival ≥ 3.0).
///
/// Grambsch and Therneau's test asks whether β should vary as `β + θ·g(t)`
/// for a chosen time scale `g` (``ZPHTransform``). It is the score test of
/// `θ = 0` in that expanded model, evaluated at the fitted β (one step of
/// Newton–Raphson from the fit, as R's C routines `zph1`/`zph2`):
///
/// * the expanded covariate is `x·g(t)`, with `g` centred by its (unweighted)
///   mean over the event rows, `ḡ = mean(g(t_i) : δ_i = 1)`;
/// * at an event time t with risk-set variance `V_t` (the per-time piece of the
///   Cox information, Efron- or Breslow-weighted as the fit), the 2p×2p
///   information has blocks `Σ V_t`, `Σ g_t·V_t` and `Σ g_t²·V_t`;
/// * the score for θ is `u = Σ_events w·g_t·(x_i − x̄_t)` (x̄_t the risk-set mean,
///   Efron's sequence of means for ties), the score for β is taken as 0 (R sets
///   it to 0: the fit is at its maximum);
/// * a term's statistic is `uᵀ I⁻¹ u` over the rows and columns of all of β plus
///   the term's θ columns (a factor's dummies together, so `df` = its number
///   of columns), and the global test uses all θ, `df = p`.
///
/// Aliased coefficients are dropped first, as R does. Risk scores are
/// `exp(fit$linear.predictors)` times the case weights; the design is
/// re-centred by its unweighted column means, as the C code does for
/// numerical stability (the statistic does not depend on it).
extension CoxFit {
    /// R's `cox.zph(fit, transform, terms = TRUE, global = TRUE)$table`.
    public func zph(transform: ZPHTransform = .km) -> CoxZPH {
        let kept = (0..<state.beta.count).filter { !state.aliased[$0] }
        let q = kept.count
        guard q > 0 else {
            return CoxZPH(transform: transform.rawValue, terms: [],
                          global: CoxZPHTerm(term: "GLOBAL", chisq: 0, df: 0, p: 1))
        }
        let (u, imat) = zphScoreAndInformation(columns: kept, transform: transform)

        // Terms in order of first appearance, each with its kept columns.
        var termNames: [String] = []
        var termColumns: [[Int]] = []
        for (a, j) in kept.enumerated() {
            let name = j < frame.termOfColumn.count ? frame.termOfColumn[j] : frame.termNames[j]
            if let t = termNames.firstIndex(of: name) {
                termColumns[t].append(a)
            } else {
                termNames.append(name)
                termColumns.append([a])
            }
        }
        var terms: [CoxZPHTerm] = []
        for (name, cols) in zip(termNames, termColumns) {
            let chisq = quadraticForm(u: u, imat: imat, q: q, thetaColumns: cols)
            terms.append(CoxZPHTerm(term: name, chisq: chisq, df: cols.count,
                                    p: ChiSquared.upperTail(chisq, df: Double(cols.count))))
        }
        let g = quadraticForm(u: u, imat: imat, q: q, thetaColumns: Array(0..<q))
        return CoxZPH(transform: transform.rawValue, terms: terms,
                      global: CoxZPHTerm(term: "GLOBAL", chisq: g, df: q,
                                         p: ChiSquared.upperTail(g, df: Double(q))))
    }

    /// `solve(imat[kk, kk], u[kk]) · u[kk]` with `kk` = all β rows plus the chosen θ
    /// rows, and `u` zero on the β part. R uses `solve` (LU); a singular block
    /// falls back to the generalised Cholesky solve that leaves redundant
    /// directions out.
    func quadraticForm(u: [Double], imat: Matrix, q: Int, thetaColumns: [Int]) -> Double {
        let kk = Array(0..<q) + thetaColumns.map { q + $0 }
        var sub = Matrix(rows: kk.count, columns: kk.count)
        for (a, i) in kk.enumerated() {
            for (b, j) in kk.enumerated() { sub[a, b] = imat[i, j] }
        }
        let v = kk.map { $0 < q ? 0 : u[$0] }
        let solved: [Double]
        if let s = try? sub.solve(v) {
            solved = s
        } else {
            solved = Cholesky2(sub, toler: options.tolerCholesky).solve(v)
        }
        return zip(solved, v).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The score vector (length 2q; the β half is what `zph1`/`zph2` return but
    /// R discards it) and the 2q×2q information of the time-expanded model.
    ///
    /// Event times are visited backwards within each stratum while rows join
    /// the running risk-set sums at the last event time they are at risk and
    /// leave below the first one (the ``RiskSetIndex`` positions), so memory is
    /// O(q²) and the work O(n·q² + events·q²).
    func zphScoreAndInformation(columns kept: [Int], transform: ZPHTransform) -> (u: [Double], imat: Matrix) {
        let n = frame.count, q = kept.count
        let status = frame.response.status
        let w = frame.weights ?? [Double](repeating: 1, count: n)
        let eta = linearPredictors
        let risk = (0..<n).map { exp(eta[$0]) * w[$0] }

        // Row-major n × q copy of the kept columns, centred by unweighted means.
        var x = [Double](repeating: 0, count: n * q)
        for (a, j) in kept.enumerated() {
            let col = frame.design.column(j)
            let mean = col.reduce(0, +) / Double(n)
            for i in 0..<n { x[i * q + a] = col[i] - mean }
        }

        // Centred time scale, one value per row (a function of time only).
        let t = transform.values(start: frame.response.start, stop: frame.response.stop, status: status)
        var tsum = 0.0, nev = 0
        for i in 0..<n where status[i] == 1 { tsum += t[i]; nev += 1 }
        let gbar = tsum / Double(nev)

        // Rows bucketed by the event time where they join / leave the risk set.
        let T = index.count
        var joins = [[Int]](repeating: [], count: T)
        var leaves = [[Int]](repeating: [], count: T)
        for i in 0..<n {
            let a = Int(index.entered[i]), b = Int(index.exited[i])
            guard a <= b, b >= 0 else { continue }
            joins[b].append(i)
            leaves[a].append(i)
        }

        var u = [Double](repeating: 0, count: 2 * q)
        var i11 = [Double](repeating: 0, count: q * q)
        var i12 = [Double](repeating: 0, count: q * q)
        var i22 = [Double](repeating: 0, count: q * q)
        var s0 = 0.0
        var s1 = [Double](repeating: 0, count: q)
        var s2 = [Double](repeating: 0, count: q * q)
        var d1 = [Double](repeating: 0, count: q)
        var d2 = [Double](repeating: 0, count: q * q)
        var a = [Double](repeating: 0, count: q)
        let efron = options.ties == .efron

        for s in 0..<(index.firstTime.count - 1) {
            let lo = index.firstTime[s], hi = index.firstTime[s + 1]
            guard lo < hi else { continue }
            s0 = 0
            for c in 0..<q { s1[c] = 0 }
            for c in 0..<(q * q) { s2[c] = 0 }
            for k in stride(from: hi - 1, through: lo, by: -1) {
                var d0 = 0.0, g = 0.0
                for c in 0..<q { d1[c] = 0 }
                for c in 0..<(q * q) { d2[c] = 0 }
                for i in joins[k] {
                    let r = risk[i]
                    s0 += r
                    let xi = i * q
                    for c in 0..<q {
                        s1[c] += r * x[xi + c]
                        for e in 0...c { s2[c * q + e] += r * x[xi + c] * x[xi + e] }
                    }
                    guard status[i] == 1 else { continue }
                    g = t[i] - gbar
                    d0 += r
                    for c in 0..<q {
                        d1[c] += r * x[xi + c]
                        for e in 0...c { d2[c * q + e] += r * x[xi + c] * x[xi + e] }
                        u[c] += w[i] * x[xi + c]
                        u[q + c] += g * w[i] * x[xi + c]
                    }
                }
                // Efron: the deaths are in the sums a fraction (1 − m/d) at a time.
                let nd = index.deathCount[k]
                let steps = efron ? nd : 1
                let wave = index.deathWeight[k] / Double(steps)
                for m in 0..<steps {
                    let f = Double(m) / Double(steps)
                    let den = s0 - f * d0
                    for c in 0..<q { a[c] = (s1[c] - f * d1[c]) / den }
                    for c in 0..<q {
                        u[c] -= wave * a[c]
                        u[q + c] -= g * wave * a[c]
                        for e in 0...c {
                            let v = wave * ((s2[c * q + e] - f * d2[c * q + e]) / den - a[c] * a[e])
                            i11[c * q + e] += v
                            i12[c * q + e] += g * v
                            i22[c * q + e] += g * g * v
                        }
                    }
                }
                for i in leaves[k] {
                    let r = risk[i]
                    s0 -= r
                    let xi = i * q
                    for c in 0..<q {
                        s1[c] -= r * x[xi + c]
                        for e in 0...c { s2[c * q + e] -= r * x[xi + c] * x[xi + e] }
                    }
                }
            }
        }
        var imat = Matrix(rows: 2 * q, columns: 2 * q)
        for c in 0..<q {
            for e in 0...c {
                imat[c, e] = i11[c * q + e]; imat[e, c] = i11[c * q + e]
                imat[q + c, q + e] = i22[c * q + e]; imat[q + e, q + c] = i22[c * q + e]
                imat[c, q + e] = i12[c * q + e]; imat[q + e, c] = i12[c * q + e]
                imat[e, q + c] = i12[c * q + e]; imat[q + c, e] = i12[c * q + e]
            }
        }
        return (u, imat)
    }
}
