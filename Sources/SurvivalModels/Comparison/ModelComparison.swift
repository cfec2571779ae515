import CohortData

/// Likelihood-ratio tests of nested models fitted to the same rows, as R's
/// `anova(fit1, fit2, ...)`, one test per consecutive pair of models.
///
/// Each kind of model follows the R function that compares it, because they
/// differ in how they sign the statistic and when they give a p-value:
///
/// - **Cox** (`survival:::anova.coxphlist`): `chisq = |2 Δ loglik|`,
///   `df = |Δ df|` (df = non-aliased coefficients), `p` the upper tail of
///   χ²(df). The order of the models does not change the numbers. Models with
///   a robust variance are refused, as R ("Can't do anova tables with robust
///   variances").
/// - **survreg** (`survival:::anova.survreglist`) and **Poisson**
///   (`anova.glmlist(test = "Chisq")`), both through `stats:::stat.anova`:
///   `chisq` is the signed drop in −2 loglik (for Poisson the drop in
///   deviance, which is the same and exists also where the likelihood does
///   not), `df` the signed drop in residual df; `p` is the upper tail at
///   `chisq·sign(df)` on `|df|` degrees of freedom, and missing (R's `NA`) when
///   `df` is 0 or `chisq·sign(df)` is negative. A larger model listed first
///   gives negative `chisq` and `df` and the same `p`.
/// - **negative binomial** (`MASS:::anova.negbin`): the models are first
///   sorted by residual df, largest (smallest model) first, keeping ties in
///   the order given; `chisq = Δ(2 loglik)`, `df` the drop in residual df,
///   `p = 1 − pchisq(chisq, df)` (R's arithmetic: exactly 0 when the lower
///   tail rounds to 1).
///
/// R does not check that the models are nested; neither does survkit. It does
/// require the same rows (``rowSetMismatch(_:)``), which R checks only by
/// their number for Cox models.
public enum ModelComparison {
    /// Cox models, as `anova.coxphlist`. `fits` are the formula as given and its result.
    public static func cox(_ fits: [(formula: String, result: CoxResult)]) throws(ModelError) -> ModelComparisonResult {
        if let k = fits.firstIndex(where: { $0.result.coefficients.contains { $0.robustSE != nil } }) {
            throw ModelError(
                "model \(k + 1) (\(fits[k].formula)) has a robust variance (cluster(...), --robust or non-integer"
                    + " case weights); likelihood-ratio tests of Cox models are made with the model-based variance,"
                    + " and R's anova refuses them too (\"Can't do anova tables with robust variances\")."
                    + " Drop cluster(...) / --robust to compare the models")
        }
        let models = fits.map { f in
            ComparedModel(
                formula: f.formula, loglik: f.result.loglik, df: f.result.tests.likelihoodRatio.df,
                aic: f.result.aic ?? InformationCriteria.aic(loglik: f.result.loglik, df: f.result.tests.likelihoodRatio.df))
        }
        let tests = zip(models, models.dropFirst()).map { a, b -> LikelihoodRatioTest in
            let chisq = abs(2 * ((b.loglik ?? 0) - (a.loglik ?? 0)))
            let df = abs(b.df - a.df)
            return LikelihoodRatioTest(chisq: chisq, df: df, p: LikelihoodRatioTest.upperTail(chisq, df: df))
        }
        return result(.cox, fits.map { ($0.result.n, $0.result.warnings, $0.result.rows) }, models, tests)
    }

    /// Parametric survival models, as `anova.survreglist` (residual df = rows − parameters).
    public static func survreg(_ fits: [(formula: String, result: SurvregResult)]) -> ModelComparisonResult {
        let models = fits.map { f in
            ComparedModel(formula: f.formula, loglik: f.result.loglik, df: f.result.loglikDF, aic: f.result.aic)
        }
        let tests = zip(fits, fits.dropFirst()).map { a, b in
            statAnova(
                deviance: 2 * (b.result.loglik - a.result.loglik),
                df: (a.result.n - a.result.loglikDF) - (b.result.n - b.result.loglikDF))
        }
        return result(.survreg, fits.map { ($0.result.n, $0.result.warnings, $0.result.rows) }, models, tests)
    }

    /// Poisson models, as `anova(fit1, fit2, ..., test = "Chisq")` (`anova.glmlist`).
    public static func poisson(_ fits: [(formula: String, result: RateRegressionResult)]) -> ModelComparisonResult {
        let models = fits.map { f in
            ComparedModel(formula: f.formula, loglik: f.result.loglik, df: f.result.loglikDF, aic: f.result.aic)
        }
        let tests = zip(fits, fits.dropFirst()).map { a, b in
            statAnova(deviance: a.result.deviance - b.result.deviance, df: a.result.dfResidual - b.result.dfResidual)
        }
        return result(.poisson, fits.map { ($0.result.n, $0.result.warnings, $0.result.rows) }, models, tests)
    }

    /// Negative-binomial models, as `MASS:::anova.negbin` (sorted by residual df first).
    public static func negativeBinomial(_ fits: [(formula: String, result: RateRegressionResult)]) -> ModelComparisonResult {
        // sort.list(-df.residual) is stable: ties keep the order given.
        let sorted = fits.enumerated().sorted { a, b in
            a.element.result.dfResidual != b.element.result.dfResidual
                ? a.element.result.dfResidual > b.element.result.dfResidual : a.offset < b.offset
        }.map(\.element)
        let models = sorted.map { f in
            ComparedModel(formula: f.formula, loglik: f.result.loglik, df: f.result.loglikDF, aic: f.result.aic)
        }
        let tests = zip(sorted, sorted.dropFirst()).map { a, b -> LikelihoodRatioTest in
            let chisq = 2 * ((b.result.loglik ?? 0) - (a.result.loglik ?? 0))
            let df = a.result.dfResidual - b.result.dfResidual
            return LikelihoodRatioTest(chisq: chisq, df: df, p: LikelihoodRatioTest.lowerTail(chisq, df: df).map { 1 - $0 })
        }
        return result(.negbin, sorted.map { ($0.result.n, $0.result.warnings, $0.result.rows) }, models, tests)
    }

    /// `stats:::stat.anova(test = "Chisq")` with dispersion 1 on one row.
    static func statAnova(deviance: Double, df: Int) -> LikelihoodRatioTest {
        let signed = df > 0 ? deviance : -deviance
        let p = df == 0 || signed < 0 ? nil : LikelihoodRatioTest.upperTail(signed, df: abs(df))
        return LikelihoodRatioTest(chisq: deviance, df: df, p: p)
    }

    static func result(
        _ kind: ComparedModelKind, _ fits: [(n: Int, warnings: [String], rows: RowAccounting)],
        _ models: [ComparedModel], _ tests: [LikelihoodRatioTest]
    ) -> ModelComparisonResult {
        var warnings: [String] = []
        for f in fits { for w in f.warnings where !warnings.contains(w) { warnings.append(w) } }
        return ModelComparisonResult(
            model: kind, n: fits.first?.n ?? 0, models: models, tests: tests, warnings: warnings,
            rows: fits.first?.rows ?? RowAccounting(read: 0, used: 0))
    }

    /// The first pair of models fitted to different rows, or `nil` when every
    /// model uses the same rows. Each frame is given by the input rows it
    /// uses (`rowIndex`) and its row accounting; the pair is the first model
    /// and the first that differs from it.
    public static func rowSetMismatch(_ frames: [(rowIndex: [Int], rows: RowAccounting)]) -> RowSetMismatch? {
        guard let base = frames.first else { return nil }
        guard let k = frames.indices.dropFirst().first(where: { frames[$0].rowIndex != base.rowIndex }) else { return nil }
        let a = Set(base.rowIndex), b = Set(frames[k].rowIndex)
        func differing(_ x: [String: Int], _ y: [String: Int]) -> [(String, Int)] {
            Set(x.keys).union(y.keys).sorted().compactMap { key in
                let u = x[key] ?? 0, v = y[key] ?? 0
                return u == v ? nil : (key, max(u, v))
            }
        }
        let missing = differing(base.rows.missingByColumn, frames[k].rows.missingByColumn)
        let other = differing(
            base.rows.dropped.filter { !$0.key.hasPrefix("missing: ") },
            frames[k].rows.dropped.filter { !$0.key.hasPrefix("missing: ") })
        return RowSetMismatch(
            first: 0, second: k, onlyInFirst: a.subtracting(b).count, onlyInSecond: b.subtracting(a).count,
            missingColumns: missing.map { (column: $0.0, rows: $0.1) }, otherReasons: other.map { (reason: $0.0, rows: $0.1) })
    }
}
