/// Options for turning a `Formula` and a `Cohort` into a `ModelFrame`.
public struct ModelFrameOptions: Sendable, Equatable {
    /// Reference level per categorical variable (`--reference x=LEVEL`): the
    /// key is the column name, the value the level as labelled (`ph.ecog=1` → `"1"`).
    public var references: [String: String]
    /// Keep status codes 0, 1, 2, ... (0 = censored, k = cause k) for
    /// competing-risks analyses instead of requiring 0/1, 1/2 or FALSE/TRUE.
    public var allowCompetingRisks: Bool
    /// Require a `Surv(...)` response (survival analyses); when false a plain
    /// outcome (`events ~ x`) is accepted and put into `ModelFrame.outcome`.
    public var requireSurvivalResponse: Bool
    /// Column of case weights (`--weights COL`), each finite and > 0, as R's
    /// `weights =`; rows with a missing weight are dropped like any other
    /// missing value. `nil`: every row weighs 1.
    public var weights: String?
    /// Build `ModelFrame.groups` (the right-hand-side level combinations that
    /// `survfit`-style analyses use). Regression models don't need them, and
    /// with continuous covariates on a million rows they are costly, so Cox
    /// fits turn this off.
    public var buildGroups: Bool = true

    public init(
        references: [String: String] = [:], allowCompetingRisks: Bool = false,
        requireSurvivalResponse: Bool = true, weights: String? = nil
    ) {
        self.weights = weights
        self.references = references
        self.allowCompetingRisks = allowCompetingRisks
        self.requireSurvivalResponse = requireSurvivalResponse
    }
}
