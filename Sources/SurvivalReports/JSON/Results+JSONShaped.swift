import CohortData
import SurvivalModels

// The JSON shape of each result (docs/json-output.md): its `analysis` tag,
// the keys present only when asked for, and stored properties the output
// does not carry. Everything else follows from the stored properties
// (`JSONTreeEncoder`).

extension KaplanMeierResult: JSONShaped {
    var jsonAnalysis: String? { "kaplan-meier" }
    /// `input` only when the caller read a file.
    static var keysOmittedWhenAbsent: Set<String> { ["input"] }
}

extension TurnbullResult: JSONShaped {
    var jsonAnalysis: String? { "kaplan-meier" }
    /// `input` only when the caller read a file.
    static var keysOmittedWhenAbsent: Set<String> { ["input"] }
}

extension TurnbullCurve: JSONShaped {
    static var keysNotWritten: Set<String> { ["iterations"] }
}

extension KaplanMeierCurve: JSONShaped {
    /// `summary_at` only with `--times`, `bootstrap` only with `--bootstrap`.
    static var keysOmittedWhenAbsent: Set<String> { ["summary_at", "bootstrap"] }
}

extension KaplanMeierBootstrap: JSONShaped {
    /// `summary_at` only with `--times`.
    static var keysOmittedWhenAbsent: Set<String> { ["summary_at"] }
}

extension LogRankResult: JSONShaped {
    var jsonAnalysis: String? { "logrank" }
    /// `input` only when the caller read a file, `trend` only with `--trend`.
    static var keysOmittedWhenAbsent: Set<String> { ["input", "trend"] }
}

extension CoxResult: JSONShaped {
    var jsonAnalysis: String? { "cox" }
    /// Present only when asked for (`--zph`, `--residuals`, `--predict`,
    /// `--bootstrap`), or when they exist (`concordance`).
    static var keysOmittedWhenAbsent: Set<String> {
        ["input", "concordance", "zph", "residuals", "predictions", "bootstrap", "aic", "bic", "anova", "term_tests",
         "frailty", "loglik_integrated", "penalized_likelihood_ratio", "spline_tests"]
    }
    static var keysNotWritten: Set<String> { ["conf_level", "penalized_print"] }
}

extension CoxSplineTest: JSONShaped {
    /// R's printed θ (the df search's next guess) and the coefficient positions are text output only.
    static var keysNotWritten: Set<String> { ["printed_theta", "coefficient_indices"] }
}

extension CoxCoefficient: JSONShaped {
    /// `se2` only on a penalised (frailty, pspline) fit.
    static var keysOmittedWhenAbsent: Set<String> { ["se2"] }
}

extension CoxResiduals: JSONShaped {
    /// Only the kinds asked for.
    static var keysOmittedWhenAbsent: Set<String> {
        ["martingale", "deviance", "score", "schoenfeld", "scaled_schoenfeld", "dfbeta"]
    }
}

extension CoxPrediction: JSONShaped {
    static var keysOmittedWhenAbsent: Set<String> { ["covariates"] }
}

extension CoxNewDataPrediction: JSONShaped {
    static var keysOmittedWhenAbsent: Set<String> { ["curves"] }
}

/// `survkit recur`: the Cox keys, tagged `recurrent-events`, with `"model"`.
extension RecurrentEventsResult: Encodable, JSONShaped {
    var jsonAnalysis: String? { "recurrent-events" }
    static var keysOmittedWhenAbsent: Set<String> { CoxResult.keysOmittedWhenAbsent }
    static var keysNotWritten: Set<String> { CoxResult.keysNotWritten }

    private enum ModelKey: String, CodingKey { case model }

    public func encode(to encoder: any Encoder) throws {
        try cox.encode(to: encoder)
        var c = encoder.container(keyedBy: ModelKey.self)
        try c.encode(model, forKey: .model)
    }
}

extension CumulativeIncidenceResult: JSONShaped {
    var jsonAnalysis: String? { "cumulative-incidence" }
    /// `input` only when the caller read a file.
    static var keysOmittedWhenAbsent: Set<String> { ["input"] }
}

extension MeanCumulativeFunctionResult: JSONShaped {
    var jsonAnalysis: String? { "mcf" }
    /// `input` only when the caller read a file.
    static var keysOmittedWhenAbsent: Set<String> { ["input"] }
}

extension EventRatesResult: JSONShaped {
    var jsonAnalysis: String? { "rates" }
    /// `input` only when the caller read a file.
    static var keysOmittedWhenAbsent: Set<String> { ["input"] }
}

extension RateRegressionResult: JSONShaped {
    var jsonAnalysis: String? { family.rawValue }
    /// Negative binomial only: `theta`, `theta_se`; `aic` and `loglik` only
    /// where the likelihood is defined (integer counts).
    static var keysOmittedWhenAbsent: Set<String> {
        ["input", "aic", "bic", "loglik", "theta", "theta_se", "term_tests"]
    }
    static var keysNotWritten: Set<String> { ["family", "conf_level", "loglik_df"] }
}

extension SurvregResult: JSONShaped {
    var jsonAnalysis: String? { "survreg" }
    /// `input` only when the caller read a file.
    static var keysOmittedWhenAbsent: Set<String> { ["input", "bic", "term_tests"] }
    static var keysNotWritten: Set<String> { ["loglik_df"] }
}

extension SurvregCoefficient: JSONShaped {
    /// The proportional-hazards metric only where it exists: non-intercept
    /// terms of Weibull (and exponential) fits.
    static var keysOmittedWhenAbsent: Set<String> { ["hr", "hr_lower", "hr_upper"] }
}

extension VariableDescription: JSONShaped {
    /// `label` only for files that have variable labels; the Table 1 test
    /// (`test`, `statistic`, `df`, `df2`, `p_value`) only with `--p-values`, `smd` only with `--smd`.
    static var keysOmittedWhenAbsent: Set<String> { ["label", "test", "statistic", "df", "df2", "p_value", "smd"] }
}

extension VariableSummary: JSONShaped {
    /// Numeric summaries for numbers, level counts for categories.
    static var keysOmittedWhenAbsent: Set<String> {
        ["mean", "sd", "median", "q1", "q3", "min", "max", "counts", "percents"]
    }
}

extension Report: JSONShaped {
    var jsonAnalysis: String? { "report" }
    /// `input` only when the caller read a file; the model sections added
    /// with issue 11 (`fine_gray`, `rmst`) and `notes` only where the report has them.
    static var keysOmittedWhenAbsent: Set<String> { ["input", "fine_gray", "rmst", "notes"] }
}

extension ReportFormulas: JSONShaped {
    /// The formulas of the model sections added with issue 11 only where the report has them.
    static var keysOmittedWhenAbsent: Set<String> { ["fine_gray", "rmst"] }
}

extension InputDescription: JSONShaped {
    /// The dialect keys only where they apply (text files), `date_format` and `counts` only when given,
    /// the database keys only for `--db`.
    static var keysOmittedWhenAbsent: Set<String> {
        ["delimiter", "decimal", "encoding", "date_format", "counts", "table", "database", "queries", "bytes_received"]
    }
}

extension DataDescription: JSONShaped {
    var jsonAnalysis: String? { "describe" }
}

extension ColumnDescription: JSONShaped {
    /// `min`/`max` for numbers and dates, `levels` for categorical columns,
    /// `label` and `note` only where they exist.
    static var keysOmittedWhenAbsent: Set<String> { ["min", "max", "levels", "label", "note"] }
}

extension ReportSpecification: JSONShaped {
    /// `subset` and `strict` (and `landmark`, `tdc`) are written only when the report has them, and
    /// so are the choices of the model sections added with issue 11.
    static var keysOmittedWhenAbsent: Set<String> {
        ["subset", "strict", "max_groups", "landmark", "tdc", "fine_gray", "fine_gray_covariates", "cif_times", "rmst",
         "rmst_tau", "rmst_group", "logrank_trend", "continuous", "p_values", "smd"]
    }
}

extension FineGrayResult: JSONShaped {
    var jsonAnalysis: String? { "fine-gray" }
    /// `predictions` only with `--predict`; `input` only when the caller read a file.
    static var keysOmittedWhenAbsent: Set<String> { ["input", "predictions", "term_tests"] }
}

// Model comparison (`cox --anova`, `survkit compare`).

extension CoxAnovaRow: JSONShaped {
    /// The `NULL` row has only `term` and `loglik`.
    static var keysOmittedWhenAbsent: Set<String> { ["chisq", "df", "p"] }
}

extension ModelComparisonResult: JSONShaped {
    var jsonAnalysis: String? { "model-comparison" }
    /// `input` only when the caller read a file.
    static var keysOmittedWhenAbsent: Set<String> { ["input"] }
}

extension CumulativeIncidenceCurve: JSONShaped {
    /// `summary_at` only with `--times`.
    static var keysOmittedWhenAbsent: Set<String> { ["summary_at"] }
}

extension RestrictedMeanComparisonResult: JSONShaped {
    var jsonAnalysis: String? { "rmst" }
    /// `input` only when the caller read a file.
    static var keysOmittedWhenAbsent: Set<String> { ["input"] }
}

extension RelativeSurvivalResult: JSONShaped {
    var jsonAnalysis: String? { "relative-survival" }
    /// `input` only when the caller read a file, `test` only with two or more groups.
    static var keysOmittedWhenAbsent: Set<String> { ["input", "test"] }
}

extension RelativeSurvivalCurve: JSONShaped {
    /// `summary_at` only with `--times`.
    static var keysOmittedWhenAbsent: Set<String> { ["summary_at"] }
}
