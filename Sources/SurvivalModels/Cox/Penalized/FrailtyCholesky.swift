/// The LDLᵀ factorisation of a shared-frailty information matrix whose
/// frailty block is diagonal (R's `cholesky3`, `chsolve3`, `chinv3`): the
/// frailty pivots are the diagonal itself, the covariate block is factored
/// after them. A pivot below the tolerance (or not finite) marks a redundant
/// column: its multipliers are zeroed and its solution and variance are 0.
struct FrailtyCholesky: Sendable {
    let m: Int
    let p: Int
    /// The frailty diagonal (unchanged by the factorisation).
    var diag: [Double]
    /// Row i (covariate i): multipliers on the frailties, `0..<m`, then on the
    /// covariates `m..<m+i`, and the pivot at `m + i`.
    var rows: [[Double]]

    init(diagonal: [Double], cross: [[Double]], dense: [[Double]], toler: Double) {
        m = diagonal.count
        p = dense.count
        diag = diagonal
        rows = (0..<p).map { i in cross[i] + dense[i] }
        let n2 = p, m = self.m
        var eps = 0.0
        for i in 0..<m where diag[i] < eps { eps = diag[i] }
        for i in 0..<n2 where rows[i][i + m] < eps { eps = rows[i][i + m] }
        eps = eps == 0 ? toler : eps * toler
        for i in 0..<m {
            let pivot = diag[i]
            if !pivot.isFinite || pivot < eps {
                for j in 0..<n2 { rows[j][i] = 0 }
            } else {
                for j in 0..<n2 {
                    let t = rows[j][i] / pivot
                    rows[j][i] = t
                    rows[j][j + m] -= t * t * pivot
                    for k in (j + 1)..<max(j + 1, n2) { rows[k][j + m] -= t * rows[k][i] }
                }
            }
        }
        for i in 0..<n2 {
            let pivot = rows[i][i + m]
            if !pivot.isFinite || pivot < eps {
                for j in i..<n2 { rows[j][i + m] = 0 }
            } else {
                for j in (i + 1)..<max(i + 1, n2) {
                    let t = rows[j][i + m] / pivot
                    rows[j][i + m] = t
                    rows[j][j + m] -= t * t * pivot
                    for k in (j + 1)..<max(j + 1, n2) { rows[k][j + m] -= t * rows[k][i + m] }
                }
            }
        }
    }

    /// Solves H b = y (frailties first).
    func solve(_ y0: [Double]) -> [Double] {
        var y = y0
        for i in 0..<p {
            var t = y[i + m]
            for j in 0..<m { t -= y[j] * rows[i][j] }
            for j in 0..<i { t -= y[j + m] * rows[i][j + m] }
            y[i + m] = t
        }
        for i in stride(from: p - 1, through: 0, by: -1) {
            if rows[i][i + m] == 0 {
                y[i + m] = 0
            } else {
                var t = y[i + m] / rows[i][i + m]
                for j in (i + 1)..<max(i + 1, p) { t -= y[j + m] * rows[j][i + m] }
                y[i + m] = t
            }
        }
        for i in stride(from: m - 1, through: 0, by: -1) {
            if diag[i] == 0 {
                y[i] = 0
            } else {
                var t = y[i] / diag[i]
                for j in 0..<p { t -= y[j + m] * rows[j][i] }
                y[i] = t
            }
        }
        return y
    }

    /// H⁻¹ as R's `coxpenal.df` reads it: `d1` = the inverted frailty
    /// pivots, `d2` = the inverted covariate pivots (0 where redundant), and
    /// `hinv[i]` = row i of the inverse of the unit triangular factor over the
    /// covariates (length m + p, 1 on the diagonal, 0 after), so that
    /// H⁻¹ = Σ_i d2[i] hinv[i] hinv[i]ᵀ + diag(d1, 0).
    struct Inverse: Sendable {
        var d1: [Double]
        var d2: [Double]
        var hinv: [[Double]]
    }

    func inverse() -> Inverse {
        var f = diag
        var r = rows
        for i in 0..<m where f[i] > 0 {
            f[i] = 1 / f[i]
            for j in 0..<p { r[j][i] = -r[j][i] }
        }
        for i in 0..<p {
            let ii = i + m
            if r[i][ii] > 0 {
                r[i][ii] = 1 / r[i][ii]
                for j in (i + 1)..<max(i + 1, p) {
                    r[j][ii] = -r[j][ii]
                    for k in 0..<ii { r[j][k] += r[j][ii] * r[i][k] }
                }
            }
        }
        var d2 = [Double](repeating: 0, count: p)
        for i in 0..<p {
            d2[i] = r[i][i + m]
            r[i][i + m] = 1
        }
        return Inverse(d1: f, d2: d2, hinv: r)
    }
}
