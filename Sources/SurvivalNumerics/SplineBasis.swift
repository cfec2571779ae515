/// A regression spline basis, as R's `splines::bs()` (B-splines) and
/// `splines::ns()` (natural cubic splines): the knots are fixed when the basis
/// is made from the data, and the same basis then evaluates new values (R's
/// `predict.bs` / `makepredictcall`).
///
/// **Knots.** Given `df` and no knots, R places `df − degree − intercept`
/// (bs; degree 3 by default) or `df − 1 − intercept` (ns) interior knots at
/// the type-7 sample quantiles of x at probabilities `i/(m+1)`, i = 1…m
/// (`seq(0, 1, length = m + 2)` without its ends); the boundary knots are
/// `range(x)`. Missing values of x are left out.
///
/// **bs.** `splineDesign` on the knots with the boundary knots repeated
/// `degree + 1` times, the first column dropped unless `intercept`. Outside
/// the boundary knots R continues each function by its Taylor polynomial at a
/// pivot a quarter of the way to the nearest interior knot.
///
/// **ns.** The cubic B-spline basis (boundary knots repeated 4 times, first
/// column dropped unless `intercept`) is projected on the complement of the
/// two constraints "second derivative 0 at each boundary knot": with
/// `C = splineDesign(knots, boundary, 4, derivs = c(2, 2))` (columns as the
/// basis), the basis is `(Qᵀ Bᵀ)ᵀ` without its first two columns, Q from the
/// Householder QR of `Cᵀ` as R's `qr()` (LINPACK `dqrdc2`; no pivoting on a
/// full-rank 2-column matrix). Outside the boundary knots the basis is
/// continued linearly (value and first derivative at the boundary).
public struct SplineBasis: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// `bs()`: B-splines of `degree`.
        case bSpline = "bs"
        /// `ns()`: natural cubic splines.
        case natural = "ns"
        /// `pspline()`: the evenly spaced B-spline basis of a penalised
        /// smoothing spline (``SplineBasis/penalized(x:nterm:degree:boundary:)``);
        /// its ``SplineBasis/knots`` are the whole knot sequence.
        case penalized = "ps"
    }

    public let kind: Kind
    /// Polynomial degree (3 for ns).
    public let degree: Int
    /// Interior knots, ascending (for ``Kind/penalized``: the whole knot sequence).
    public let knots: [Double]
    /// Lower and upper boundary knot.
    public let boundary: (Double, Double)
    /// Whether the basis includes the first function (R's `intercept = TRUE`).
    public let intercept: Bool

    public static func == (a: SplineBasis, b: SplineBasis) -> Bool {
        a.kind == b.kind && a.degree == b.degree && a.knots == b.knots && a.boundary == b.boundary
            && a.intercept == b.intercept
    }

    /// The number of basis columns.
    public var columns: Int {
        switch kind {
        case .bSpline: return knots.count + degree + (intercept ? 1 : 0)
        case .natural: return knots.count + 1 + (intercept ? 1 : 0)
        case .penalized: return knots.count - degree - 1 - (intercept ? 0 : 1)
        }
    }

    /// Why a basis cannot be made.
    public enum Failure: Error, Equatable, Sendable {
        /// Fewer than two distinct finite values.
        case tooFewValues
        /// A knot outside the open boundary interval, or boundary knots not increasing.
        case badKnots(String)
        case badDegree(Int)
    }

    /// Places the knots on the finite values of `x` as R does.
    ///
    /// - Parameters:
    ///   - df: degrees of freedom (columns); ignored when `knots` are given.
    ///     Too small a df is raised to the minimum, as R (which warns); the
    ///     minimum is returned in `raisedDF`.
    ///   - knots: interior knots, if given.
    ///   - boundary: boundary knots; default `range(x)`.
    public static func make(
        _ kind: Kind, x: [Double], df: Int?, knots: [Double]? = nil, degree: Int = 3, intercept: Bool = false,
        boundary: (Double, Double)? = nil
    ) throws(Failure) -> (basis: SplineBasis, raisedDF: Int?) {
        let degree = kind == .natural ? 3 : degree
        guard degree >= 1 else { throw .badDegree(degree) }
        let finite = x.filter(\.isFinite).sorted()
        let bounds: (Double, Double)
        if let boundary {
            guard boundary.0 < boundary.1 else { throw .badKnots("the boundary knots must be increasing") }
            bounds = boundary
        } else {
            guard let lo = finite.first, let hi = finite.last, lo < hi else { throw .tooFewValues }
            bounds = (lo, hi)
        }
        var raised: Int?
        var interior: [Double]
        if let knots {
            interior = knots.sorted()
        } else {
            let fixed = kind == .natural ? 1 : degree
            var m = (df ?? (fixed + (intercept ? 1 : 0))) - fixed - (intercept ? 1 : 0)
            if m < 0 {
                m = 0
                raised = fixed + (intercept ? 1 : 0)
            }
            // quantile(x[!outside], seq.int(0, 1, length.out = m + 2)[-c(1, m + 2)])
            let inside = finite.filter { $0 >= bounds.0 && $0 <= bounds.1 }
            guard !inside.isEmpty || m == 0 else { throw .tooFewValues }
            let by = 1 / Double(m + 1)
            interior = (0..<m).map { SampleQuantile.type7(sorted: inside, Double($0 + 1) * by) }
        }
        // R accepts knots on a boundary (tied data put quantiles there; the
        // basis then has functions that vanish, which the model aliases), not outside.
        guard interior.allSatisfy({ $0 >= bounds.0 && $0 <= bounds.1 }) else {
            throw .badKnots("interior knots must lie between the boundary knots")
        }
        return (SplineBasis(kind: kind, degree: degree, knots: interior, boundary: bounds, intercept: intercept), raised)
    }

    public init(kind: Kind, degree: Int, knots: [Double], boundary: (Double, Double), intercept: Bool) {
        self.kind = kind
        self.degree = degree
        self.knots = knots
        self.boundary = boundary
        self.intercept = intercept
    }

    /// The full knot sequence: boundary knots repeated `degree + 1` times around the interior knots.
    var allKnots: [Double] {
        if kind == .penalized { return knots }
        let order = degree + 1
        return Array(repeating: boundary.0, count: order) + knots + Array(repeating: boundary.1, count: order)
    }

    /// The basis at each value (one row per value, ``columns`` entries); a
    /// non-finite value gives a row of NaN (R's `NA` rows).
    public func evaluate(_ x: [Double]) -> [[Double]] {
        switch kind {
        case .bSpline: return bSplineRows(x)
        case .natural: return naturalRows(x)
        case .penalized: return penalizedRows(x)
        }
    }

    private func bSplineRows(_ x: [Double]) -> [[Double]] {
        let order = degree + 1
        let t = allKnots
        let width = t.count - order
        let drop = intercept ? 0 : 1
        // Taylor pivots outside the boundary (R: e = 1/4 of the way to the nearest inner knot of the sequence).
        let e = 0.25
        let leftPivot = (1 - e) * boundary.0 + e * t[order]
        let rightPivot = (1 - e) * boundary.1 + e * t[t.count - order - 1]
        let derivatives = Array(0...degree)
        let scale = (1...order).map { Self.factorial($0 - 1) }
        func taylor(at pivot: Double) -> [[Double]] {
            let d = BSplineDesign.design(knots: t, x: Array(repeating: pivot, count: order), order: order, derivatives: derivatives) ?? []
            return d.enumerated().map { k, row in row.map { $0 / scale[k] } }
        }
        let left = x.contains { $0 < boundary.0 } ? taylor(at: leftPivot) : []
        let right = x.contains { $0 > boundary.1 } ? taylor(at: rightPivot) : []
        let inside = Self.insideRows(knots: t, order: order, x: x, boundary: boundary)
        return zip(x, inside).map { xi, insideRow -> [Double] in
            guard xi.isFinite else { return Array(repeating: .nan, count: width - drop) }
            var row: [Double]
            if let insideRow {
                row = insideRow
            } else {
                let tt = xi < boundary.0 ? left : right
                let pivot = xi < boundary.0 ? leftPivot : rightPivot
                // xl %*% (tt / scalef), xl = (1, (x − pivot)^1 … ^degree)
                row = [Double](repeating: 0, count: width)
                for k in 0...degree {
                    let power = k == 0 ? 1 : Self.power(xi - pivot, k)
                    for j in 0..<width { row[j] += power * tt[k][j] }
                }
            }
            return Array(row.dropFirst(drop))
        }
    }

    private func naturalRows(_ x: [Double]) -> [[Double]] {
        let t = allKnots
        let drop = intercept ? 0 : 1
        let width = t.count - 4
        let boundaryRows = BSplineDesign.design(knots: t, x: [boundary.0, boundary.0, boundary.1, boundary.1], order: 4, derivatives: [0, 1, 0, 1]) ?? []
        let constraint = BSplineDesign.design(knots: t, x: [boundary.0, boundary.1], order: 4, derivatives: [2, 2]) ?? []
        // Cᵀ: (width − drop) × 2, the reflections of its QR applied to each basis row.
        let qr = HouseholderPair(constraint.map { Array($0.dropFirst(drop)) })
        let inside = Self.insideRows(knots: t, order: 4, x: x, boundary: boundary)
        return zip(x, inside).map { xi, insideRow -> [Double] in
            guard xi.isFinite else { return Array(repeating: .nan, count: width - drop - 2) }
            var row: [Double]
            if let insideRow {
                row = insideRow
            } else {
                // xl %*% tt with tt the value and slope at the boundary: linear continuation.
                let (value, slope) = xi < boundary.0 ? (boundaryRows[0], boundaryRows[1]) : (boundaryRows[2], boundaryRows[3])
                let pivot = xi < boundary.0 ? boundary.0 : boundary.1
                row = (0..<width).map { value[$0] + (xi - pivot) * slope[$0] }
            }
            let projected = qr.transposeTimes(Array(row.dropFirst(drop)))
            return Array(projected.dropFirst(2))
        }
    }

    /// The B-spline design rows at the finite values of `x` inside the
    /// boundary knots, made by one `splineDesign` call for all of them (the
    /// knots sorted once); `nil` at the other values. A value the design
    /// refuses gets a row of NaN, the others keep theirs.
    static func insideRows(knots t: [Double], order: Int, x: [Double], boundary: (Double, Double)) -> [[Double]?] {
        let inside = x.indices.filter { x[$0].isFinite && x[$0] >= boundary.0 && x[$0] <= boundary.1 }
        var out = [[Double]?](repeating: nil, count: x.count)
        if let rows = BSplineDesign.design(knots: t, x: inside.map { x[$0] }, order: order) {
            for (k, i) in inside.enumerated() { out[i] = rows[k] }
        } else {
            let nan = [Double](repeating: .nan, count: t.count - order)
            for i in inside { out[i] = BSplineDesign.design(knots: t, x: [x[i]], order: order)?[0] ?? nan }
        }
        return out
    }

    static func factorial(_ n: Int) -> Double { n <= 1 ? 1 : (2...n).reduce(1.0) { $0 * Double($1) } }

    /// `x^k` as R's `^` with an integer exponent (repeated multiplication by R_pow_di).
    static func power(_ x: Double, _ k: Int) -> Double {
        var result = 1.0, base = x, n = k
        while n > 0 {
            if n & 1 == 1 { result *= base }
            n >>= 1
            if n > 0 { base *= base }
        }
        return result
    }
}

/// The Householder QR of an m × 2 matrix given as its two columns' transposes
/// (`rows[c]` is column c), as LINPACK `dqrdc2` computes it without pivoting:
/// for column l, `u = x/‖x‖·sign(x_l)` with `u_l += 1`, applied to the later
/// column as `x_j += (−uᵀx_j/u_l)·u`. ``transposeTimes(_:)`` is `dqrsl`'s `Qᵀy`.
struct HouseholderPair {
    /// The Householder vectors (on rows l…m−1 of column l) and their `qraux`.
    private var u: [[Double]] = []
    private var qraux: [Double] = []

    init(_ columns: [[Double]]) {
        var x = columns
        guard let m = x.first?.count else { return }
        let p = x.count
        for l in 0..<min(p, m) {
            guard l < m - 1 else { qraux.append(0); u.append(x[l]); continue }
            var norm = Self.norm(x[l], from: l)
            guard norm != 0 else { qraux.append(0); u.append(x[l]); continue }
            if x[l][l] != 0 { norm = x[l][l] < 0 ? -abs(norm) : abs(norm) }
            let inv = 1 / norm
            for i in l..<m { x[l][i] *= inv }
            x[l][l] += 1
            for j in (l + 1)..<max(p, l + 1) {
                var dot = 0.0
                for i in l..<m { dot += x[l][i] * x[j][i] }
                let t = -dot / x[l][l]
                for i in l..<m { x[j][i] += t * x[l][i] }
            }
            qraux.append(x[l][l])
            u.append(x[l])
        }
    }

    /// `‖x[from...]‖` (reference BLAS `dnrm2`'s scaled sum of squares).
    private static func norm(_ x: [Double], from: Int) -> Double {
        var scale = 0.0, ssq = 1.0
        for i in from..<x.count where x[i] != 0 {
            let a = abs(x[i])
            if scale < a {
                ssq = 1 + ssq * (scale / a) * (scale / a)
                scale = a
            } else {
                ssq += (a / scale) * (a / scale)
            }
        }
        return scale * ssq.squareRoot()
    }

    /// `Qᵀy`: the reflections in order, `y += (−u_lᵀy / qraux_l)·u_l` on rows l….
    func transposeTimes(_ y: [Double]) -> [Double] {
        var y = y
        let m = y.count
        for l in 0..<qraux.count where qraux[l] != 0 && l < m - 1 {
            var v = u[l]
            v[l] = qraux[l]
            var dot = 0.0
            for i in l..<m { dot += v[i] * y[i] }
            let t = -dot / v[l]
            for i in l..<m { y[i] += t * v[i] }
        }
        return y
    }
}
