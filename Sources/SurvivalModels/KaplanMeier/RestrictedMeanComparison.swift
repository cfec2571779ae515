import CohortData
import SurvivalNumerics

/// Restricted mean survival time (RMST) up to a fixed tau per group, and its
/// difference and ratio against a reference group, as survRM2 `rmst2`
/// (unadjusted) on top of R `print(survfit(...), rmean = tau)`.
///
/// ## Estimate and standard error
/// Each group's RMST is the area under its Kaplan–Meier curve from 0 to tau
/// (``RestrictedMean`` — the same code `survkit km --tau` uses), and its
/// variance R's `survmean` sum `Σᵢ dᵢ/(nᵢ(nᵢ − dᵢ))·(area beyond tᵢ up to tau)²`,
/// which is the `se(rmean)` R prints. survRM2's `rmst1` computes exactly this
/// sum too (its `wk.var` is the same Greenwood increment, with no n/(n − 1)
/// factor), so the two agree. (Some texts and SAS multiply the variance by
/// m/(m − 1), m the number of events; neither R package does, nor we.)
/// When tau lies past a group's last observed time the curve is carried flat
/// from there, as `survmean` does; survRM2 refuses such a tau — the result
/// then carries a warning, since the area beyond the follow-up is an
/// extrapolation.
///
/// ## Contrasts
/// With the groups independent, for group B against the reference A:
/// - difference `μ_B − μ_A`, variance `v_B + v_A`, normal limits and p;
/// - ratio `μ_B / μ_A` on the log scale, `var(log μ) = v/μ²` (delta method),
///   so `var(log ratio) = v_B/μ_B² + v_A/μ_A²`, limits `exp(log ratio ∓ z·se)`.
public enum RestrictedMeanComparison {
    /// The restricted means up to `tau` of the right-hand-side groups of
    /// `frame` (the reference group is the first, the `--reference` level),
    /// and each other group against it.
    ///
    /// - Throws: `ModelError` for counting-process data, `strata(...)`, no
    ///   rows, a tau that is not finite and positive, or a bad level.
    public static func compare(_ frame: SurvivalGroupingFrame, tau: Double, confLevel: Double = 0.95)
        throws(ModelError) -> RestrictedMeanComparisonResult
    {
        guard tau.isFinite && tau > 0 else {
            throw ModelError("The upper limit tau must be a finite number > 0 (got \(tau)).")
        }
        guard frame.response.start == nil else {
            throw ModelError(
                "The restricted mean comparison takes right-censored data Surv(time, status) only, as survRM2 rmst2.")
        }
        guard frame.strata == nil else {
            throw ModelError(
                "strata(...) is not supported by rmst: compare the groups on the right of ~ (e.g. ~ arm), "
                    + "or subset the data (--subset) to compare within one stratum.")
        }
        let km = try KaplanMeier.fit(frame, options: KaplanMeierOptions(confLevel: confLevel, tau: tau))
        let z = Normal.quantile(1 - (1 - confLevel) / 2)
        var warnings = frame.warnings
        var groups: [RestrictedMeanGroup] = []
        for curve in km.strata {
            guard let rm = curve.rmst else { continue }
            let se = rm.stdErr ?? 0
            let last = curve.time.last ?? 0
            if tau > last {
                warnings.append(
                    "tau = \(NumberFormatting.label(tau)) is past the last observed time of \(curve.label) "
                        + "(\(NumberFormatting.label(last))): its curve is carried flat from there, as R's "
                        + "print(survfit, rmean =); survRM2 refuses such a tau. Choose tau within every group's follow-up.")
            }
            groups.append(
                RestrictedMeanGroup(
                    label: curve.label, n: curve.n, events: curve.events, lastTime: last, rmst: rm.estimate,
                    stdErr: se, lower: rm.estimate - z * se, upper: rm.estimate + z * se))
        }
        var contrasts: [RestrictedMeanContrast] = []
        if let reference = groups.first {
            for g in groups.dropFirst() {
                contrasts.append(contrast(g, against: reference, z: z))
            }
        }
        return RestrictedMeanComparisonResult(
            tau: tau, confLevel: confLevel, n: frame.count, nDroppedMissing: frame.rows.droppedTotal,
            groups: groups, contrasts: contrasts, rows: frame.rows, warnings: warnings)
    }

    /// Group `b` against the reference `a` (see the type's documentation).
    static func contrast(_ b: RestrictedMeanGroup, against a: RestrictedMeanGroup, z: Double) -> RestrictedMeanContrast {
        let difference = b.rmst - a.rmst
        let diffSE = (b.stdErr * b.stdErr + a.stdErr * a.stdErr).squareRoot()
        let logRatio = Foundation.log(b.rmst) - Foundation.log(a.rmst)
        let va = a.stdErr / a.rmst, vb = b.stdErr / b.rmst
        let logSE = (vb * vb + va * va).squareRoot()
        return RestrictedMeanContrast(
            label: "\(b.label) vs \(a.label)", difference: difference, diffStdErr: diffSE,
            diffLower: difference - z * diffSE, diffUpper: difference + z * diffSE,
            diffP: twoSidedP(difference, diffSE), ratio: Foundation.exp(logRatio), logRatioStdErr: logSE,
            ratioLower: Foundation.exp(logRatio - z * logSE), ratioUpper: Foundation.exp(logRatio + z * logSE),
            ratioP: twoSidedP(logRatio, logSE))
    }

    /// `2·Φ(−|x|/se)`, as R's `pnorm(-abs(x)/se) * 2`: 0 for a nonzero x with
    /// se = 0, and `nil` (R: NaN) for 0/0.
    static func twoSidedP(_ x: Double, _ se: Double) -> Double? {
        guard se > 0 else { return x == 0 ? nil : 0 }
        return 2 * Normal.upperTail(abs(x) / se)
    }
}

import Foundation
