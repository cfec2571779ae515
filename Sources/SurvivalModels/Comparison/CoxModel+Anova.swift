import CohortData

extension CoxFit {
    /// The sequential analysis of deviance of this model, as R's
    /// `anova(fit)` (`survival:::anova.coxph`).
    ///
    /// The terms are added one at a time in the model's order (R's term
    /// order: main effects, then interactions); `strata(...)` is not a term
    /// and gets no row. The first row, `NULL`, is the log partial likelihood
    /// at the initial coefficients (`fit$loglik[1]`). Each intermediate model
    /// is refitted on the very rows of this one — the same response, strata,
    /// offset and case weights, only the design columns of the terms so far —
    /// with the same tie method and R's default controls; the last row is this
    /// fit's own log-likelihood. A row's `chisq` is twice the gain in log
    /// likelihood over the row above (R does not take its absolute value: a
    /// step that lowers it gives a negative statistic and p = 1), `df` the
    /// number of non-aliased coefficients it adds, `p` the upper tail of
    /// χ²(df).
    ///
    /// Two departures from survival 3.5-3, where its code is in error: with
    /// case weights R refits the intermediate models without the weights (its
    /// refitting call has no `weights =`), which mixes weighted and unweighted
    /// log-likelihoods; survkit keeps the weights, as R's
    /// `anova(fit1, fit2, ...)` of the nested weighted fits gives. With an
    /// offset and no strata R's call misspells `offset` and fails; survkit
    /// keeps the offset. A model without terms (`~ 1`), where R fails too,
    /// gives the `NULL` row alone.
    ///
    /// - Parameter termLabels: the R label of each term by the name the frame
    ///   gives it (`termOfColumn`: `grade` → `factor(grade)`); a name not
    ///   listed is its own label.
    /// - Throws: `ModelError` with a robust variance (`cluster(...)`,
    ///   `robust`, non-integer weights), as R ("Can't do anova tables with
    ///   robust variances"); a refit's `CoxError`.
    public func anova(termLabels: [String: String] = [:]) throws -> [CoxAnovaRow] {
        guard robustVariance == nil else {
            throw ModelError(
                "the analysis of deviance is not available with a robust variance (cluster(...), --robust, or"
                    + " non-integer case weights), as R's anova.coxph (\"Can't do anova tables with robust"
                    + " variances\"): the likelihood-ratio tests it makes assume the model-based variance;"
                    + " drop cluster(...) / --robust to get the table")
        }
        // The terms in order of their first design column, with the columns of each.
        var names: [String] = []
        var columnsOf: [String: [Int]] = [:]
        for (j, name) in frame.termOfColumn.enumerated() {
            if columnsOf[name] == nil { names.append(name) }
            columnsOf[name, default: []].append(j)
        }
        var rows = [CoxAnovaRow(term: "NULL", loglik: state.loglikInitial)]
        var previous = (loglik: state.loglikInitial, df: 0)
        var refitOptions = options
        refitOptions.initial = nil
        refitOptions.maxIterations = 20  // R's refits use coxph.control() defaults.
        var included: [Int] = []
        for (k, name) in names.enumerated() {
            included += columnsOf[name] ?? []
            let step: (loglik: Double, df: Int)
            if k == names.count - 1 {
                step = (state.loglik, state.aliased.filter { !$0 }.count)
            } else {
                let sub = try CoxModel.fit(frame.keepingColumns(included.sorted()), options: refitOptions)
                step = (sub.loglik.final, sub.coefficients.filter { $0 != nil }.count)
            }
            let chisq = 2 * (step.loglik - previous.loglik)
            let df = step.df - previous.df
            rows.append(CoxAnovaRow(
                term: termLabels[name] ?? name, loglik: step.loglik, chisq: chisq, df: df,
                p: LikelihoodRatioTest.upperTail(chisq, df: df)))
            previous = step
        }
        return rows
    }
}
