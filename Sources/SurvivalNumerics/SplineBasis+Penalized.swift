extension SplineBasis {
    /// The basis of R's `pspline(x, nterm = m, degree = d)` (survival): `m`
    /// equal intervals of width `dx = (hi − lo)/m` over the boundary knots
    /// (`range(x)` by default), the knots `lo + dx·(−d … m−1)` followed by
    /// `hi + dx·(0 … d)` (as R writes them, so that the rounding is R's),
    /// the `m + d` B-splines of order `d + 1` on them, the first dropped
    /// (R's `intercept = FALSE`). Outside the boundary knots a function is
    /// continued linearly from its value and slope at the boundary, as R.
    ///
    /// - Throws: ``Failure/tooFewValues`` without two distinct finite values
    ///   (and no boundary given), ``Failure/badKnots(_:)`` for boundary knots
    ///   that do not increase, ``Failure/badDegree(_:)`` for a degree below 1.
    public static func penalized(x: [Double], nterm: Int, degree: Int = 3, boundary: (Double, Double)? = nil)
        throws(Failure) -> SplineBasis
    {
        guard degree >= 1 else { throw .badDegree(degree) }
        let bounds: (Double, Double)
        if let boundary {
            guard boundary.0 < boundary.1 else { throw .badKnots("the boundary knots must be increasing") }
            bounds = boundary
        } else {
            let finite = x.filter(\.isFinite)
            guard let lo = finite.min(), let hi = finite.max(), lo < hi else { throw .tooFewValues }
            bounds = (lo, hi)
        }
        let dx = (bounds.1 - bounds.0) / Double(nterm)
        let knots = (-degree..<nterm).map { bounds.0 + dx * Double($0) } + (0...degree).map { bounds.1 + dx * Double($0) }
        return SplineBasis(kind: .penalized, degree: degree, knots: knots, boundary: bounds, intercept: false)
    }

    /// The centres R's pspline `printfun` regresses the coefficients on for
    /// the linear test (`cbase`): the knots 2 … (columns + 1) shifted by
    /// `lo − knots[1]`, one per basis column.
    public var penalizedCentres: [Double] {
        let shift = boundary.0 - knots[0]
        let width = knots.count - degree - 1
        return (1..<width).map { knots[$0] + shift }
    }

    func penalizedRows(_ x: [Double]) -> [[Double]] {
        let order = degree + 1
        let t = knots
        let width = t.count - order
        let drop = intercept ? 0 : 1
        func edge(_ b: Double) -> [[Double]] {
            BSplineDesign.design(knots: t, x: [b, b], order: order, derivatives: [0, 1]) ?? []
        }
        let left = x.contains { $0 < boundary.0 } ? edge(boundary.0) : []
        let right = x.contains { $0 > boundary.1 } ? edge(boundary.1) : []
        let inside = Self.insideRows(knots: t, order: order, x: x, boundary: boundary)
        return zip(x, inside).map { xi, insideRow -> [Double] in
            guard xi.isFinite else { return Array(repeating: .nan, count: width - drop) }
            var row: [Double]
            if let insideRow {
                row = insideRow
            } else if case let tt = xi < boundary.0 ? left : right, tt.count == 2 {
                let pivot = xi < boundary.0 ? boundary.0 : boundary.1
                row = (0..<width).map { tt[0][$0] + (xi - pivot) * tt[1][$0] }
            } else {
                row = BSplineDesign.design(knots: t, x: [xi], order: order)?[0] ?? Array(repeating: .nan, count: width)
            }
            return Array(row.dropFirst(drop))
        }
    }
}
