/// One row of the sequential analysis-of-deviance table of a Cox model, as a
/// row of R's `anova(coxph fit)`: the first row is `NULL` (no terms: only
/// `term` and `loglik`), then one row per term added.
public struct CoxAnovaRow: Sendable, Codable, Equatable {
    /// `NULL`, or the term's R label (`age`, `factor(grade)`, `trt:karno`).
    public var term: String
    /// Log partial likelihood with the terms up to this one.
    public var loglik: Double
    /// `2·(loglik − loglik of the row above)`; `nil` on the `NULL` row.
    public var chisq: Double?
    /// Coefficients the term adds (non-aliased); `nil` on the `NULL` row.
    public var df: Int?
    /// `pchisq(chisq, df, lower.tail = FALSE)`; `nil` on the `NULL` row.
    public var p: Double?

    /// Creates a row from its parts.
    public init(term: String, loglik: Double, chisq: Double? = nil, df: Int? = nil, p: Double? = nil) {
        self.term = term
        self.loglik = loglik
        self.chisq = chisq
        self.df = df
        self.p = p
    }
}
