import Foundation

/// Akaike's and Schwarz's information criteria of a fitted model, as R's
/// `AIC()` and `BIC()`:
///
///     AIC = −2 log L + 2 df,        BIC = −2 log L + log(n) df,
///
/// with `log L` and `df` as R's `logLik()` of the model and `n` as R's
/// `nobs()`. What `df` and `n` are depends on the model, and survkit follows
/// R's methods:
///
/// - `coxph`: `df` = the non-aliased coefficients, `n` = the number of events
///   (`fit$nevent`, unweighted, also with case weights). A model without
///   coefficients has AIC = BIC = −2 log L.
/// - `survreg`: `df` = the coefficients and the estimated log-scales, `n` = the rows.
/// - `glm(family = poisson)`: `df` = the rank, `n` = the rows.
/// - `MASS::glm.nb`: `df` = the rank + 1 (θ), `n` = the rows.
public enum InformationCriteria {
    /// `−2 loglik + 2 df`, as R's `AIC(fit)`.
    public static func aic(loglik: Double, df: Int) -> Double {
        -2 * loglik + 2 * Double(df)
    }

    /// `−2 loglik + log(n) df`, as R's `BIC(fit)`; with `df` = 0 it is
    /// `−2 loglik` whatever `n` (R's `log(n) * 0`, also for n = 0 where R
    /// would give NaN; a fit with no observations never gets here).
    public static func bic(loglik: Double, df: Int, observations n: Int) -> Double {
        guard df > 0 else { return -2 * loglik }
        return -2 * loglik + log(Double(max(n, 1))) * Double(df)
    }
}
