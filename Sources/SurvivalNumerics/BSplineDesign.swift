/// B-spline basis functions and their derivatives at given points, as R's
/// `splines::splineDesign(knots, x, ord, derivs)` (without `outer.ok`).
///
/// For a non-decreasing knot sequence t₁ … t_K and order k (degree k − 1)
/// there are K − k basis functions; at a point x only the k of them whose
/// support contains x are non-zero. R's C routine `spline_basis` finds the
/// *cursor* — the first knot greater than x (for x equal to the last
/// interior-legit knot, the interval to its left, so the right boundary
/// belongs to the last interval) — and evaluates those k functions by
/// de Boor's triangular recurrence on the knot differences
/// `rdel[i] = t[c+i] − x`, `ldel[i] = x − t[c−1−i]`:
///
///     b₀ = 1;  for j = 1 … k−1:  saved = 0
///       for r = 0 ..< j:  term = b_r / (rdel_r + ldel_{j−1−r})
///                         b_r = saved + rdel_r·term;  saved = ldel_{j−1−r}·term
///       b_j = saved
///
/// (a zero denominator, from repeated knots, skips the term as R does).
/// Derivatives of order d > 0 use R's "slow" evaluation: for each of the k
/// functions, its unit coefficient vector is differenced d times
/// (`a_i ← m·(a_{i+1} − a_i)/(t_{i+m} − t_i)`) and the remaining degree is
/// evaluated by the same recurrence on the coefficients. At the right
/// boundary the derivative of order k − 1 is 0 (R: "value is arbitrary").
public enum BSplineDesign {
    /// The `x.count × (knots.count − order)` design, row-major as `[[Double]]`
    /// (one row per point), with `derivatives[i % derivatives.count]` the
    /// derivative order at point i (R recycles `derivs`).
    ///
    /// - Returns: `nil` when a point lies outside `[t_order, t_{K−order+1}]`
    ///   (R stops: "the 'x' data must be in the range ..."), when there are
    ///   fewer than `2·order − 1` knots, or a derivative order is ≥ `order`.
    public static func design(
        knots unsorted: [Double], x: [Double], order k: Int, derivatives: [Int] = [0]
    ) -> [[Double]]? {
        let knots = unsorted.sorted()
        let nk = knots.count
        guard k >= 1, nk >= k, nk >= 2 * k - 1, !derivatives.isEmpty else { return nil }
        guard derivatives.allSatisfy({ $0 >= 0 && $0 < k }) else { return nil }
        let lo = knots[k - 1], hi = knots[nk - k]
        guard x.allSatisfy({ $0 >= lo && $0 <= hi }) else { return nil }
        let columns = nk - k
        var out: [[Double]] = []
        out.reserveCapacity(x.count)
        var values = [Double](repeating: 0, count: k)
        for (i, xi) in x.enumerated() {
            let (cursor, boundary) = Self.cursor(knots, order: k, x: xi)
            var row = [Double](repeating: 0, count: columns)
            let offset = cursor - k
            guard offset >= 0 else { return nil }
            let d = derivatives[i % derivatives.count]
            if d > 0 {
                for f in 0..<k {
                    var a = [Double](repeating: 0, count: k)
                    a[f] = 1
                    values[f] = evaluate(knots, cursor: cursor, boundary: boundary, order: k, x: xi, derivative: d, coefficients: &a)
                }
            } else {
                basisValues(knots, cursor: cursor, order: k, x: xi, into: &values)
            }
            for f in 0..<k where offset + f < columns { row[offset + f] = values[f] }
            out.append(row)
        }
        return out
    }

    /// R's `set_cursor`: the index of the first knot greater than x (the last
    /// of a run of equal knots ≥ x), moved back to the last legitimate
    /// interval when x is the right boundary.
    static func cursor(_ knots: [Double], order k: Int, x: Double) -> (cursor: Int, boundary: Bool) {
        var cursor = -1
        for (i, t) in knots.enumerated() {
            if t >= x { cursor = i }
            if t > x { break }
        }
        let lastLegit = knots.count - k
        if cursor > lastLegit, x == knots[lastLegit] { return (lastLegit, true) }
        return (cursor, false)
    }

    /// de Boor's recurrence for the k non-zero functions at x (R's `basis_funcs`).
    static func basisValues(_ t: [Double], cursor c: Int, order k: Int, x: Double, into b: inout [Double]) {
        let m = k - 1
        var rdel = [Double](repeating: 0, count: max(m, 1)), ldel = rdel
        for i in 0..<m {
            rdel[i] = t[c + i] - x
            ldel[i] = x - t[c - (i + 1)]
        }
        b[0] = 1
        guard m > 0 else { return }
        for j in 1...m {
            var saved = 0.0
            for r in 0..<j {
                let den = rdel[r] + ldel[j - 1 - r]
                if den != 0 {
                    let term = b[r] / den
                    b[r] = saved + rdel[r] * term
                    saved = ldel[j - 1 - r] * term
                } else {
                    if r != 0 || rdel[r] != 0 { b[r] = saved }
                    saved = 0
                }
            }
            b[j] = saved
        }
    }

    /// R's `evaluate`: the `derivative`-th derivative at x of the spline with
    /// the k coefficients `a` on the functions non-zero at the cursor.
    static func evaluate(
        _ t: [Double], cursor c: Int, boundary: Bool, order k: Int, x: Double, derivative: Int,
        coefficients a: inout [Double]
    ) -> Double {
        var outer = k - 1
        if boundary && derivative == outer { return 0 }
        // Difference the coefficients `derivative` times (lpt starts at t[c − outer]).
        for _ in 0..<derivative {
            for i in 0..<outer {
                let l = c - outer + i
                a[i] = Double(outer) * (a[i + 1] - a[i]) / (t[l + outer] - t[l])
            }
            outer -= 1
        }
        var rdel = [Double](repeating: 0, count: max(outer, 1)), ldel = rdel
        for i in 0..<outer {
            rdel[i] = t[c + i] - x
            ldel[i] = x - t[c - (i + 1)]
        }
        // while (outer--): for inner = outer + 1 values, lpt from ldel[outer] down, rpt from rdel[0] up.
        while outer > 0 {
            outer -= 1
            for i in 0...outer {
                let l = ldel[outer - i], r = rdel[i]
                a[i] = (a[i + 1] * l + a[i] * r) / (r + l)
            }
        }
        return a[0]
    }
}
