import Foundation
import SurvivalNumerics

/// What R's `plot(cox.zph(fit))` draws for one coefficient: the scaled
/// Schoenfeld residuals against transformed time, and their smooth with
/// ±2 standard-error limits.
public struct CoxZPHSmooth: Sendable, Equatable {
    /// Coefficient name (`age`).
    public var term: String
    /// The time transform (`km`, `identity`, `rank`, `log`).
    public var transform: String
    /// Transformed event times `cox.zph(fit)$x`, one per event (R's order: time).
    public var x: [Double]
    /// The event times themselves, `cox.zph(fit)$time`.
    public var time: [Double]
    /// Scaled Schoenfeld residuals `cox.zph(fit)$y[, term]`: `β̂ + d · (s V)`.
    public var y: [Double]
    /// The 40 grid points `seq(min(x), max(x), length = 40)` of the smooth.
    public var gridX: [Double]
    /// The fitted smooth at the grid: `lm(y ~ ns(x, df = 4))` predictions.
    public var fit: [Double]
    /// `fit − 2 se`, with `se² = var[i, i] · p(x)ᵀ (XᵀX)⁻¹ p(x)`, `var = d · V`.
    public var lower: [Double]
    /// `fit + 2 se`.
    public var upper: [Double]
}

/// Why a `zph-plot` cannot be drawn.
public struct CoxZPHSmoothError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension CoxFit {
    /// The curves of R's `plot(cox.zph(fit, transform), resid = TRUE, se = TRUE, df = 4, nsmo = 40)`,
    /// one per coefficient.
    ///
    /// `cox.zph` (survival ≥ 3.0) returns `y = schoen · vmean⁻¹ + β̂` with
    /// `vmean = imat / d` (the information over the number of events); without
    /// strata and with one column per term that is exactly the scaled
    /// Schoenfeld residual `β̂ + d · s · V` of `residuals(fit, "scaledsch")`,
    /// and `var = vmean⁻¹ = d · V`. (With strata R divides by per-stratum event
    /// counts, and a factor's columns are collapsed to one term: those models
    /// are refused here rather than drawn differently.)
    ///
    /// The smooth is plot.cox.zph's: natural cubic spline regression with
    /// `df = 4` and an intercept, `ns(c(grid, x), df = 4, intercept = TRUE)`,
    /// so the boundary knots are the range of x and the two interior knots the
    /// 1/3 and 2/3 quantiles (R's type 7) of the 40 grid points together with
    /// the x values. The fitted values and their variances do not depend on the
    /// basis of that 4-dimensional space, so instead of R's B-spline basis this
    /// uses the truncated-power basis of natural splines (Hastie, Tibshirani and
    /// Friedman, *Elements of Statistical Learning*, eq. 5.4–5.5) on x rescaled
    /// to [0, 1]: `1, u, d₁(u) − d₃(u), d₂(u) − d₃(u)` with
    /// `d_k(u) = ((u − ξ_k)³₊ − (u − ξ₄)³₊) / (ξ₄ − ξ_k)`. Least squares by the
    /// normal equations (a 4 × 4 system); the limits are `fit ± 2 √(var_ii · seval)`
    /// with `seval = p(x)ᵀ (XᵀX)⁻¹ p(x)`, as R's `backsolve` of the QR factor.
    public func zphSmooth(transform: ZPHTransform = .km) throws(CoxZPHSmoothError) -> [CoxZPHSmooth] {
        if frame.strata != nil {
            throw CoxZPHSmoothError(message: "zph-plot does not draw stratified models yet (cox.zph scales their residuals per stratum).")
        }
        var seen = Set<String>()
        for (j, term) in frame.termOfColumn.enumerated() where !state.aliased[j] {
            if !seen.insert(term).inserted {
                throw CoxZPHSmoothError(
                    message: "zph-plot draws one-column terms; \(term) has several columns (a factor): "
                        + "cox.zph collapses them into one term, which is not drawn yet.")
            }
        }
        let (rows, scaled) = scaledSchoenfeldResiduals()
        let d = Double(rows.count)
        guard rows.count >= 4 else { throw CoxZPHSmoothError(message: "zph-plot needs at least 4 events for the spline smooth.") }
        let allX = transform.values(start: frame.response.start, stop: frame.response.stop, status: frame.response.status)
        let x = rows.map { allX[$0] }
        let time = rows.map { frame.response.stop[$0] }
        guard let low = x.min(), let high = x.max(), high > low else {
            throw CoxZPHSmoothError(message: "zph-plot needs events at two or more distinct times.")
        }
        let grid = (0..<40).map { low + (high - low) * Double($0) / 39 }
        let knots = CoxFit.quantiles7(grid + x, [1.0 / 3, 2.0 / 3])
        let scale = { (v: Double) in (v - low) / (high - low) }
        let xi = [0, scale(knots[0]), scale(knots[1]), 1.0]
        func basis(_ v: Double) -> [Double] {
            let u = scale(v)
            func cube(_ z: Double) -> Double { z > 0 ? z * z * z : 0 }
            func dk(_ k: Int) -> Double { (cube(u - xi[k]) - cube(u - xi[3])) / (xi[3] - xi[k]) }
            return [1, u, dk(0) - dk(2), dk(1) - dk(2)]
        }
        let design = x.map(basis)
        var xtx = Matrix(rows: 4, columns: 4)
        for row in design { for a in 0..<4 { for b in 0..<4 { xtx[a, b] += row[a] * row[b] } } }
        let inverse: Matrix
        do { inverse = try xtx.solve(Matrix.identity(4)) } catch {
            throw CoxZPHSmoothError(message: "the spline fit is singular (too few distinct event times).")
        }
        let gridBasis = grid.map(basis)
        let seval = gridBasis.map { p in
            var s = 0.0
            for a in 0..<4 { for b in 0..<4 { s += p[a] * inverse[a, b] * p[b] } }
            return s
        }
        var out: [CoxZPHSmooth] = []
        for j in 0..<scaled.columns where !state.aliased[j] {
            let y = (0..<scaled.rows).map { scaled[$0, j] }
            var xty = [Double](repeating: 0, count: 4)
            for (row, v) in zip(design, y) { for a in 0..<4 { xty[a] += row[a] * v } }
            let coef = (0..<4).map { a in (0..<4).reduce(0.0) { $0 + inverse[a, $1] * xty[$1] } }
            let fit = gridBasis.map { p in zip(p, coef).reduce(0.0) { $0 + $1.0 * $1.1 } }
            let variance = d * state.naiveVariance[j, j]
            let half = seval.map { 2 * (variance * $0).squareRoot() }
            out.append(CoxZPHSmooth(
                term: frame.termNames[j], transform: transform.rawValue, x: x, time: time, y: y, gridX: grid,
                fit: fit, lower: zip(fit, half).map { $0 - $1 }, upper: zip(fit, half).map { $0 + $1 }))
        }
        return out
    }

    /// R's `quantile(v, probs)` (type 7: linear interpolation of order statistics).
    static func quantiles7(_ v: [Double], _ probs: [Double]) -> [Double] {
        let sorted = v.sorted()
        let n = sorted.count
        return probs.map { p in
            let h = Double(n - 1) * p
            let lo = Int(h.rounded(.down))
            let hi = min(lo + 1, n - 1)
            return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
        }
    }
}
