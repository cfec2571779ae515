import CohortData

/// The kind of model a comparison fits: the command each formula is fitted with.
public enum ComparedModelKind: String, Sendable, Codable, Equatable, CaseIterable {
    /// Cox proportional hazards, as `coxph`.
    case cox
    /// Parametric survival, as `survreg`.
    case survreg
    /// Poisson regression, as `glm(family = poisson)`.
    case poisson
    /// Negative-binomial regression, as `MASS::glm.nb`.
    case negbin
}

/// One fitted model of a comparison, as R's `logLik()` and `AIC()` give it.
public struct ComparedModel: Sendable, Codable, Equatable {
    /// The formula as given.
    public var formula: String
    /// `logLik(fit)`; `nil` for a Poisson model of non-integer counts (no likelihood).
    public var loglik: Double?
    /// The parameters `logLik(fit)` counts (its `df` attribute).
    public var df: Int
    /// `AIC(fit)`; `nil` as `loglik`.
    public var aic: Double?

    /// Creates a model entry from its parts.
    public init(formula: String, loglik: Double?, df: Int, aic: Double?) {
        self.formula = formula
        self.loglik = loglik
        self.df = df
        self.aic = aic
    }
}

/// Likelihood-ratio comparison of nested models fitted to the same rows, as
/// R's `anova(fit1, fit2, ...)` (``ModelComparison``).
public struct ModelComparisonResult: Sendable, Codable, Equatable {
    /// The kind of model compared.
    public var model: ComparedModelKind
    /// Rows used (the same for every model).
    public var n: Int
    /// The models, in the order R's table lists them (as given; negative
    /// binomial models sorted by residual df, as `MASS::anova.negbin`).
    public var models: [ComparedModel]
    /// One test per consecutive pair: `tests[k]` compares `models[k]` with `models[k + 1]`.
    public var tests: [LikelihoodRatioTest]
    /// Warnings of the fits (each once), also printed on stderr.
    public var warnings: [String]
    /// Rows read, used and dropped (with reasons), the same for every model.
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil

    /// Creates a result from its parts.
    public init(
        model: ComparedModelKind, n: Int, models: [ComparedModel], tests: [LikelihoodRatioTest],
        warnings: [String], rows: RowAccounting
    ) {
        self.model = model
        self.n = n
        self.models = models
        self.tests = tests
        self.warnings = warnings
        self.rows = rows
    }
}

/// Why the models of a comparison cannot be compared: they were fitted to
/// different rows (``ModelComparison/rowSetMismatch(_:)``).
public struct RowSetMismatch: Sendable, Equatable {
    /// The two models (0-based positions in the order given) whose rows differ.
    public var first: Int
    public var second: Int
    /// Rows `first` uses and `second` does not, and the other way round.
    public var onlyInFirst: Int
    public var onlyInSecond: Int
    /// Columns with missing values in a different number of rows for the
    /// two models (a column only one model uses), with the larger count,
    /// sorted by column name.
    public var missingColumns: [(column: String, rows: Int)]
    /// Other reasons for dropping rows (`invalid: log(x)`) that differ between the two, with the larger count.
    public var otherReasons: [(reason: String, rows: Int)]

    public static func == (a: RowSetMismatch, b: RowSetMismatch) -> Bool {
        a.first == b.first && a.second == b.second && a.onlyInFirst == b.onlyInFirst
            && a.onlyInSecond == b.onlyInSecond && a.missingColumns.map(\.column) == b.missingColumns.map(\.column)
            && a.missingColumns.map(\.rows) == b.missingColumns.map(\.rows)
            && a.otherReasons.map(\.reason) == b.otherReasons.map(\.reason)
            && a.otherReasons.map(\.rows) == b.otherReasons.map(\.rows)
    }
}
