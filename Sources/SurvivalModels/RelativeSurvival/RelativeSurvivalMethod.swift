/// The estimator of relative (or net) survival, as relsurv `rs.surv(method =)`.
public enum RelativeSurvivalMethod: String, Sendable, Codable, CaseIterable {
    /// Pohar Perme's net survival: the excess hazard with each subject
    /// weighted by the inverse of its population survival (relsurv's default).
    case poharPerme = "pohar-perme"
    /// Ederer II: observed hazard less the mean population hazard of those at risk.
    case ederer2
    /// Hakulinen: observed survival over the expected survival of the cohort
    /// with its potential follow-up.
    case hakulinen
    /// Ederer I: observed survival over the mean population survival of the whole cohort.
    case ederer1
}
