import SurvivalNumerics

/// Schoenfeld residuals in R's order, and scaled Schoenfeld residuals.
///
/// `residuals.coxph(type = "schoenfeld")` sorts the data by stratum, then time
/// (events before censorings at a tie, otherwise the input order, since R's
/// `order` is stable) and returns one row per event in that order, so the
/// rows run forward in time within each stratum. The scaled residuals
/// (`type = "scaledsch"`, Grambsch and Therneau 1994) are
/// `β̂ + d·V·s_k` for each event's residual row `s_k`, with `d` the number of
/// events and V the model-based variance (`fit$naive.var` when a robust
/// variance was computed); their smoothed plot against time estimates β(t).
/// Aliased coefficients count as 0, as R's `ifelse(is.na(coef), 0, coef)`.
extension CoxFit {
    /// The event rows (indices of the frame's used rows) in R's order.
    public var schoenfeldRowOrder: [Int] {
        let stop = frame.response.stop
        let codes = frame.strata?.codes
        return (0..<frame.count).filter { frame.response.status[$0] == 1 }.sorted { a, b in
            let sa = codes?[a] ?? 0, sb = codes?[b] ?? 0
            if sa != sb { return sa < sb }
            if stop[a] != stop[b] { return stop[a] < stop[b] }
            return a < b
        }
    }

    /// Schoenfeld residuals (events × p) in R's order: stratum, then time, as
    /// `residuals(fit, "schoenfeld")`; `rows` are the event rows in that order.
    public func schoenfeldResidualsInTimeOrder() -> (rows: [Int], residuals: Matrix) {
        let (inputRows, res) = schoenfeldResiduals()
        var position = [Int: Int]()
        for (k, r) in inputRows.enumerated() { position[r] = k }
        let order = schoenfeldRowOrder
        var out = Matrix(rows: order.count, columns: res.columns)
        for (k, r) in order.enumerated() {
            guard let from = position[r] else { continue }
            for j in 0..<res.columns { out[k, j] = res[from, j] }
        }
        return (order, out)
    }

    /// Scaled Schoenfeld residuals (events × p) in R's order, as
    /// `residuals(fit, "scaledsch")`: `β̂ + d · s_k · V`.
    public func scaledSchoenfeldResiduals() -> (rows: [Int], residuals: Matrix) {
        let (rows, s) = schoenfeldResidualsInTimeOrder()
        let p = s.columns
        let d = Double(rows.count)
        var out = multiply(s, state.naiveVariance)
        for j in 0..<p {
            let b = state.aliased[j] ? 0 : state.beta[j]
            for i in 0..<out.rows { out[i, j] = out[i, j] * d + b }
        }
        return (rows, out)
    }
}
