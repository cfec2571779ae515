import CohortData
import Foundation

/// The penalty a shared frailty puts on its random effects at variance θ, as
/// R's `frailty.gamma` / `frailty.gaussian` penalty functions: the effects are
/// first recentred (gamma: so that mean(exp(b)) = 1; gaussian: mean 0), then the
/// penalty's first and second derivatives (the second diagonal) and its value.
struct FrailtyPenalty: Sendable {
    var distribution: FrailtyTerm.Distribution
    /// The variance θ of the random effect; 0 forces every effect to zero.
    var theta: Double

    /// One evaluation at the effects `b`: the recentred effects, the score
    /// contribution (added to the likelihood's score), the information diagonal
    /// (added to the likelihood's), and the log-penalty added to the likelihood.
    struct Evaluation {
        var recentred: [Double]
        var score: [Double]
        var information: [Double]
        var logPenalty: Double
        /// θ = 0: the effects are held at zero.
        var forcedZero: Bool
    }

    func evaluate(_ b: [Double]) -> Evaluation {
        let n = b.count
        guard theta != 0, n > 0 else {
            return Evaluation(recentred: b, score: [Double](repeating: 0, count: n),
                              information: [Double](repeating: 0, count: n), logPenalty: 0, forcedZero: true)
        }
        switch distribution {
        case .gamma:
            let centre = log(b.reduce(0) { $0 + exp($1) } / Double(n))
            let c = b.map { $0 - centre }
            let nu = 1 / theta
            return Evaluation(
                recentred: c, score: c.map { -(exp($0) - 1) * nu }, information: c.map { exp($0) * nu },
                logPenalty: c.reduce(0, +) * nu, forcedZero: false)
        case .gaussian:
            let centre = b.reduce(0, +) / Double(n)
            let c = b.map { $0 - centre }
            let pen = 0.5 * c.reduce(0) { $0 + $1 * $1 / theta + log(2 * Double.pi * theta) }
            return Evaluation(
                recentred: c, score: c.map { -$0 / theta }, information: [Double](repeating: 1 / theta, count: n),
                logPenalty: -pen, forcedZero: false)
        }
    }
}
