import CohortData
import Foundation

/// The choice of a `pspline()` term's θ, as R's `frailty.controldf` for its
/// default `method = "df"`: θ is calibrated until the term's effective df is
/// within `eps` of the target. The history starts with the two known points
/// (θ = 1, df = 1) and (θ = 0, df = nterm), the first guess is 1 − df/nterm;
/// then, among the points tried, the three closest around the target are fitted
/// by a power curve dy = a·dxᵖ anchored at the leftmost of them and solved for
/// the target, with a bisection instead when the last step did not gain
/// enough (the distance to the target shrank by less than 40%), at most twice
/// in a row. With a fixed θ (`theta = t`) there is one fit.
struct SplineThetaSearch: Sendable {
    let target: Double
    let eps: Double
    let fixed: Bool
    private(set) var thetas: [Double]
    private(set) var dfs: [Double]
    /// The θ of the next fit (after the last, R's printed `Theta=`).
    private(set) var theta: Double
    private var half: Int?

    init(_ settings: PenalizedSplineSettings) {
        target = settings.df
        eps = settings.eps
        if let t = settings.theta {
            fixed = true
            theta = t
        } else {
            fixed = false
            theta = 1 - settings.df / Double(settings.nterm)
        }
        thetas = [1, 0]
        dfs = [1, Double(settings.nterm)]
    }

    /// Records the df of the fit at the current θ (outer iteration `iter`,
    /// from 1), chooses the next θ; true when this term is done.
    mutating func record(iteration iter: Int, df: Double) -> Bool {
        if fixed { return true }
        thetas.append(theta)
        dfs.append(df)
        let nx = thetas.count
        if nx == 2 {
            var t = thetas[0] + (thetas[1] - thetas[0]) * (target - dfs[0]) / (dfs[1] - dfs[0])
            if target > df { t *= 1.5 }
            theta = t
            half = 0
            return false
        }
        let done = iter > 1 && abs(dfs[nx - 1] - target) < eps
        let doingWell = !(abs((dfs[nx - 1] - target) / (dfs[nx - 2] - target)) > 0.6)
        let ord = (0..<nx).sorted { thetas[$0] < thetas[$1] || (thetas[$0] == thetas[$1] && $0 < $1) }
        let up = (thetas[0] - thetas[1]) * (dfs[0] - dfs[1]) > 0
        let y = ord.map { up ? dfs[$0] : -dfs[$0] }
        let goal = up ? target : -target
        let x = ord.map { thetas[$0] }
        var b1: Int
        if y.allSatisfy({ $0 > goal }) {
            b1 = 0
        } else if y.allSatisfy({ $0 < goal }) {
            b1 = nx - 3
        } else {
            b1 = (0..<nx).last { y[$0] <= goal } ?? 0
            if !doingWell && (half ?? 0) < 2 {
                theta = (x[b1] + x[b1 + 1]) / 2
                half = max(half ?? 0, 0) + 1
                return done
            }
            if b1 + 2 == nx || (b1 > 0 && (goal - y[b1]) < (y[b1 + 1] - goal)) { b1 -= 1 }
        }
        let xx = [log(x[b1 + 1] - x[b1]), log(x[b1 + 2] - x[b1])]
        let yy = [log(y[b1 + 1] - y[b1]), log(y[b1 + 2] - y[b1])]
        let power = (yy[1] - yy[0]) / (xx[1] - xx[0])
        let a = yy[0] - power * xx[0]
        let newx = (log(goal - y[b1]) - a) / power
        theta = x[b1] + exp(newx)
        half = 0
        return done
    }
}
