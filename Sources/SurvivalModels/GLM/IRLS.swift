import Foundation
import SurvivalNumerics

/// Settings of the IRLS iteration, R's `glm.control()` defaults.
public struct GLMControl: Sendable, Equatable {
    /// Convergence: `|dev − dev_old| / (|dev| + 0.1) < epsilon`.
    public var epsilon: Double = 1e-8
    /// Maximum IRLS iterations (and, for `glm.nb`, alternations and θ Newton steps).
    public var maxIterations: Int = 25
    /// Rank tolerance of the QR, `min(1e-7, epsilon / 1000)` as `glm.fit`.
    public var qrTolerance: Double { min(1e-7, epsilon / 1000) }

    /// Creates settings; the defaults are `glm.control()`'s (`epsilon = 1e-8`, `maxit = 25`).
    public init(epsilon: Double = 1e-8, maxIterations: Int = 25) {
        self.epsilon = epsilon
        self.maxIterations = maxIterations
    }
}

/// The state at the end of one `glm.fit` run.
struct IRLSFit {
    /// Coefficients; `nil` for an aliased column (R's `NA`).
    var coefficients: [Double?]
    /// Unscaled covariance `(Xᵀ W X)⁻¹` with the weights of the last iteration,
    /// `p × p`, zero rows and columns for aliased columns (dispersion 1).
    var covariance: Matrix
    var mu: [Double]
    var eta: [Double]
    var deviance: Double
    var iterations: Int
    var converged: Bool
    var rank: Int
}

/// Iteratively reweighted least squares for a log-link count GLM, a port of
/// R's `glm.fit`.
///
/// Start: `eta = etastart` if given, else `log(initialMean(y))` (the offset is
/// not added at the start, as R). Each iteration forms the working response
/// `z = eta − offset + (y − μ)/μ` and weights `w = wt μ² / V(μ)`, solves the
/// weighted least squares by QR with limited pivoting (``LimitedPivotQR``),
/// updates `eta = Xb + offset`, and stops when the deviance changes by less
/// than `epsilon (|dev| + 0.1)`. The covariance is `(RᵀR)⁻¹` of the last
/// weighted QR, as `summary.glm`. (R's step-halving for a non-finite deviance
/// is not needed for log-link count models with finite data and is omitted.)
enum IRLS {
    static func fit(
        x: Matrix, y: [Double], weights: [Double], offset: [Double], family: CountFamily,
        etaStart: [Double]? = nil, control: GLMControl
    ) -> IRLSFit {
        let n = x.rows, p = x.columns
        var eta = etaStart ?? y.map { log(family.initialMean($0)) }
        var mu = eta.map(LogLink.inverse)
        var devOld = family.deviance(y: y, mu: mu, weights: weights)
        var coef = [Double?](repeating: nil, count: p)
        var cov = Matrix(rows: p, columns: p)
        var converged = false
        var iterations = 0
        var rank = 0
        var dev = devOld
        for iter in 1...max(1, control.maxIterations) {
            iterations = iter
            // Working response and sqrt-weights over the rows with positive weight.
            let good = (0..<n).filter { weights[$0] > 0 }
            var wx = Matrix(rows: good.count, columns: p)
            var wz = [Double](repeating: 0, count: good.count)
            for (r, i) in good.enumerated() {
                let muEta = mu[i]
                let z = eta[i] - offset[i] + (y[i] - mu[i]) / muEta
                let w = (weights[i] * muEta * muEta / family.variance(mu[i])).squareRoot()
                wz[r] = z * w
                for j in 0..<p { wx[r, j] = x[i, j] * w }
            }
            let qr = LimitedPivotQR(x: wx, y: wz, tolerance: control.qrTolerance)
            rank = qr.kept.count
            coef = [Double?](repeating: nil, count: p)
            for (k, j) in qr.kept.enumerated() { coef[j] = qr.coefficients[k] }
            cov = Matrix(rows: p, columns: p)
            for (a, i) in qr.kept.enumerated() {
                for (b, j) in qr.kept.enumerated() { cov[i, j] = qr.unscaledCovariance[a, b] }
            }
            for i in 0..<n {
                var e = offset[i]
                for j in 0..<p { if let b = coef[j] { e += x[i, j] * b } }
                eta[i] = e
            }
            mu = eta.map(LogLink.inverse)
            dev = family.deviance(y: y, mu: mu, weights: weights)
            if abs(dev - devOld) / (abs(dev) + 0.1) < control.epsilon {
                converged = true
                break
            }
            devOld = dev
        }
        return IRLSFit(
            coefficients: coef, covariance: cov, mu: mu, eta: eta, deviance: dev,
            iterations: iterations, converged: converged, rank: rank)
    }
}
