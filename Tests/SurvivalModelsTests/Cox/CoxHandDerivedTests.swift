import CohortData
import Foundation
import SurvivalNumerics
import Testing

@testable import SurvivalModels

/// The Cox partial likelihood worked by hand, with Breslow and Efron ties, on a
/// six-row data set in the manner of Therneau & Grambsch (2000), Appendix E,
/// "Computation of the Cox model: a worked example". The R fixture tests
/// (CoxReferenceTests) compare with `coxph` on real data; these compare with
/// formulas derived on paper, so every expected number below is computed here
/// from a fraction or a closed form, not copied from R.
///
/// Data (r = e^β is the risk weight e^{βx} of a row with x = 1; rows with x = 0
/// have weight 1):
///
///     row  time  status  x  weight
///      1     1     1     1    r
///      2     1     0     1    r
///      3     6     1     1    r
///      4     6     1     0    1
///      5     8     0     0    1
///      6     9     1     0    1
///
/// Risk sets, one per distinct death time (a row censored at a death time is
/// still at risk then: censoring is taken to follow the death):
///
/// * t = 1: rows 1–6 are at risk, weight sum S₀ = 3r + 3, weighted Σx S₁ = 3r.
///   One death, row 1 (x = 1). The mean of x over the risk set is
///   x̄ = S₁/S₀ = r/(r + 1) and its weighted variance x̄(1 − x̄) = r/(r + 1)².
///   Contribution to ℓ: β − log(3r + 3); to U: 1 − r/(r + 1); to I: r/(r + 1)².
///
/// * t = 6: rows 3–6 are at risk, S₀ = r + 3, S₁ = r. Two tied deaths (d = 2),
///   rows 3 (x = 1) and 4 (x = 0): their Σx is 1, their weights sum to
///   D₀ = r + 1 and their x-weighted weights to D₁ = r.
///
///   Breslow: each death sees the whole risk set, so the denominator is
///   (r + 3)² and every death has mean r/(r + 3), variance 3r/(r + 3)².
///   Contribution to ℓ: β − 2 log(r + 3); to U: 1 − 2r/(r + 3); to I: 6r/(r + 3)².
///
///   Efron: the deaths are taken one after the other, and since we do not know
///   which died first, the k-th (k = 0, 1) denominator removes the fraction k/d
///   of the tied deaths' weights — each tied death counts as half present at the
///   second factor. k = 0: S₀ = r + 3, S₁ = r (mean r/(r + 3), variance
///   3r/(r + 3)²); k = 1: S₀ − D₀/2 = (r + 5)/2, S₁ − D₁/2 = r/2, i.e. rows 3 and
///   4 with weights r/2 and 1/2 plus rows 5 and 6 with weight 1, mean
///   (r/2)/((r + 5)/2) = r/(r + 5), variance 5r/(r + 5)².
///   Contribution to ℓ: β − log(r + 3) − log((r + 5)/2);
///   to U: 1 − r/(r + 3) − r/(r + 5); to I: 3r/(r + 3)² + 5r/(r + 5)².
///   (In general a 0/1 covariate whose x = 1 rows weigh r against c for the
///   x = 0 rows has mean r/(r + c) and variance c·r/(r + c)² = d/dβ of the mean.)
///
/// * t = 8: a censoring, no factor.
/// * t = 9: row 6 is alone at risk and dies: factor 1/1, contributing 0 to ℓ, U and I.
///
/// Totals:
///
///     Breslow  ℓ(β) = 2β − log(3r + 3) − 2 log(r + 3)
///              U(β) = 2 − r/(r + 1) − 2r/(r + 3)
///              I(β) = r/(r + 1)² + 6r/(r + 3)²
///     Efron    ℓ(β) = 2β − log(3r + 3) − log(r + 3) − log((r + 5)/2)
///              U(β) = 2 − r/(r + 1) − r/(r + 3) − r/(r + 5)
///              I(β) = r/(r + 1)² + 3r/(r + 3)² + 5r/(r + 5)²
///
/// At β = 0 (r = 1):
///
///     Breslow  ℓ = −log 6 − 2 log 4 = −log 96,  U = 2 − 1/2 − 2/4 = 1,
///              I = 1/4 + 6/16 = 5/8,  score test U²/I = 8/5
///     Efron    ℓ = −log 6 − log 4 − log 3 = −log 72,  U = 2 − 1/2 − 1/4 − 1/6 = 13/12,
///              I = 1/4 + 3/16 + 5/36 = 83/144,  score test (169/144)/(83/144) = 169/83
///
/// The estimates (U is strictly decreasing in β since U′ = −I < 0, so each has
/// exactly one root; Descartes' rule also gives one positive root in r):
///
/// * Breslow: U·(r + 1)(r + 3) = 2(r² + 4r + 3) − (r² + 3r) − (2r² + 2r)
///   = −r² + 3r + 6, so r² − 3r − 6 = 0 and r̂ = (3 + √33)/2, β̂ = log r̂.
/// * Efron: U·(r + 1)(r + 3)(r + 5) = 2(r³ + 9r² + 23r + 15) − (r³ + 8r² + 15r)
///   − (r³ + 6r² + 5r) − (r³ + 4r² + 3r) = −r³ + 23r + 30, so r³ − 23r − 30 = 0.
///   This depressed cubic (p = −23, q = −30, 4p³ + 27q² < 0: three real roots)
///   has Viète's positive root r̂ = 2√(23/3) · cos(⅓ arccos((45/23)√(3/23))).
///
/// The tests also find β̂ by bisection on the hand-derived U (not by calling the
/// library) and check that it matches the closed form.
///
/// Cross-check with R 4.2.2, survival 3.5.3 (the expected values in the tests
/// come from the derivation above; R agrees with them to all 15 printed digits
/// at β = 0 and to at least 11 significant digits at β̂ — R stops Newton–Raphson
/// at |1 − ℓ_old/ℓ| ≤ 1e-9, leaving its β̂ about 5e-12 from the exact root):
///
///     d <- data.frame(time = c(1,1,6,6,8,9), status = c(1,0,1,1,0,1), x = c(1,1,1,0,0,0))
///     for (ties in c("breslow", "efron")) {
///       f  <- coxph(Surv(time, status) ~ x, data = d, ties = ties)
///       f0 <- coxph(Surv(time, status) ~ x, data = d, ties = ties, init = 0, iter.max = 0)
///       print(sprintf("%.15g", c(coef(f), f$loglik, f$var, f$score,
///                                f0$loglik[1], 1/f0$var, sum(residuals(f0, type = "score")))))
///     }
///
///                        R (printed)          hand (closed form)
///     Breslow  β̂         1.47528491482887     log((3 + √33)/2)   = 1.4752849148290008
///              ℓ(0)      -4.56434819146784    −log 96            = −4.564348191467836
///              ℓ(β̂)      -3.82474950500287                       = −3.8247495050028655
///              var       1.5768688657895      1/I(β̂)             = 1.5768688657895649
///              score     1.6                  8/5
///              I(0)      0.625                5/8
///              U(0)      1                    1
///     Efron    β̂         1.6768574855882      log r̂ (Viète)      = 1.676857485592897
///              ℓ(0)      -4.27666611901606    −log 72            = −4.276666119016055
///              ℓ(β̂)      -3.35897484026335                       = −3.3589748402633473
///              var       1.63230156074825     1/I(β̂)             = 1.6323015607502969
///              score     2.03614457831325     169/83             = 2.036144578313253
///              I(0)      0.576388888888889    83/144
///              U(0)      1.08333333333333     13/12
@Suite struct CoxHandDerivedTests {
    static let time: [Double] = [1, 1, 6, 6, 8, 9]
    static let status = [1, 0, 1, 1, 0, 1]
    static let x: [Double] = [1, 1, 1, 0, 0, 0]

    static func frame() -> ModelFrame {
        let n = time.count
        return ModelFrame(
            response: SurvivalResponse(stop: time, status: status),
            design: Matrix(rows: n, columns: 1, columnMajor: x), termNames: ["x"], termOfColumn: ["x"],
            strata: nil, cluster: nil, offset: nil, weights: nil,
            rowIndex: Array(0..<n), rows: RowAccounting(read: n, used: n), warnings: [])
    }

    // MARK: The hand-derived formulas (see the derivation above), r = e^β.

    static func loglik(_ ties: CoxTies, _ beta: Double) -> Double {
        let r = exp(beta)
        switch ties {
        case .breslow: return 2 * beta - log(3 * r + 3) - 2 * log(r + 3)
        case .efron: return 2 * beta - log(3 * r + 3) - log(r + 3) - log((r + 5) / 2)
        case .exact: preconditionFailure("exact ties are not derived here")
        }
    }

    static func score(_ ties: CoxTies, _ beta: Double) -> Double {
        let r = exp(beta)
        switch ties {
        case .breslow: return 2 - r / (r + 1) - 2 * r / (r + 3)
        case .efron: return 2 - r / (r + 1) - r / (r + 3) - r / (r + 5)
        case .exact: preconditionFailure("exact ties are not derived here")
        }
    }

    static func information(_ ties: CoxTies, _ beta: Double) -> Double {
        let r = exp(beta)
        let t1 = r / ((r + 1) * (r + 1))
        switch ties {
        case .breslow: return t1 + 6 * r / ((r + 3) * (r + 3))
        case .efron: return t1 + 3 * r / ((r + 3) * (r + 3)) + 5 * r / ((r + 5) * (r + 5))
        case .exact: preconditionFailure("exact ties are not derived here")
        }
    }

    /// β̂ in closed form: the positive root of r² − 3r − 6 (Breslow) or of
    /// r³ − 23r − 30 (Efron, Viète's trigonometric solution).
    static func closedFormBeta(_ ties: CoxTies) -> Double {
        switch ties {
        case .breslow:
            return log((3 + 33.0.squareRoot()) / 2)
        case .efron:
            let r = 2 * (23.0 / 3).squareRoot() * cos(acos(45.0 / 23 * (3.0 / 23).squareRoot()) / 3)
            return log(r)
        case .exact:
            preconditionFailure("exact ties are not derived here")
        }
    }

    /// The root of the hand-derived U by bisection: U(0) > 0, U(β) → −1 as
    /// β → ∞ and U is strictly decreasing, so halve [0, 10] until the bracket
    /// cannot shrink any more (adjacent doubles).
    static func bisectedBeta(_ ties: CoxTies) -> Double {
        var lo = 0.0, hi = 10.0
        precondition(score(ties, lo) > 0 && score(ties, hi) < 0)
        while true {
            let mid = (lo + hi) / 2
            if mid <= lo || mid >= hi { return mid }
            if score(ties, mid) > 0 { lo = mid } else { hi = mid }
        }
    }

    static func isClose(_ a: Double, _ b: Double, relative tol: Double) -> Bool {
        abs(a - b) <= tol * abs(b)
    }

    /// The library at β = 0 without iterating: R's `coxph(init = 0, iter.max = 0)`.
    static func fitAtZero(_ ties: CoxTies) throws -> CoxFit {
        try CoxModel.fit(frame(), options: CoxOptions(ties: ties, maxIterations: 0, initial: [0]))
    }

    // MARK: Tests

    @Test("the hand-derived score and information are the derivatives of the hand-derived log-likelihood")
    func handFormulasAreConsistent() {
        // Central differences, step h: error O(h²) ≈ 1e-8, rounding ≈ 1e-16/h.
        let h = 1e-4
        for ties in [CoxTies.breslow, .efron] {
            for beta in [-1.0, 0, 0.5, 1.5, 3] {
                let dl = (Self.loglik(ties, beta + h) - Self.loglik(ties, beta - h)) / (2 * h)
                let du = (Self.score(ties, beta + h) - Self.score(ties, beta - h)) / (2 * h)
                #expect(abs(dl - Self.score(ties, beta)) < 1e-7)
                #expect(abs(-du - Self.information(ties, beta)) < 1e-7)
            }
        }
        // The β = 0 values of the closed forms are the fractions of the derivation.
        #expect(Self.isClose(Self.loglik(.breslow, 0), -log(96.0), relative: 1e-15))
        #expect(Self.isClose(Self.score(.breslow, 0), 1, relative: 1e-15))
        #expect(Self.isClose(Self.information(.breslow, 0), 5.0 / 8, relative: 1e-15))
        #expect(Self.isClose(Self.loglik(.efron, 0), -log(72.0), relative: 1e-15))
        #expect(Self.isClose(Self.score(.efron, 0), 13.0 / 12, relative: 1e-15))
        #expect(Self.isClose(Self.information(.efron, 0), 83.0 / 144, relative: 1e-15))
    }

    @Test("at beta = 0 Breslow's log-likelihood, score and information are -log 96, 1 and 5/8, score test 8/5")
    func breslowAtZero() throws {
        let fit = try Self.fitAtZero(.breslow)
        #expect(Self.isClose(fit.loglik.initial, -log(96.0), relative: 1e-12))
        #expect(Self.isClose(fit.loglik.final, -log(96.0), relative: 1e-12))
        #expect(Self.isClose(fit.state.finalScore[0], 1, relative: 1e-12))
        #expect(Self.isClose(1 / fit.naiveVariance[0, 0], 5.0 / 8, relative: 1e-12))
        #expect(Self.isClose((fit.result.tests.score?.statistic ?? .nan), 8.0 / 5, relative: 1e-12))
    }

    @Test("at beta = 0 Efron's log-likelihood, score and information are -log 72, 13/12 and 83/144, score test 169/83")
    func efronAtZero() throws {
        let fit = try Self.fitAtZero(.efron)
        #expect(Self.isClose(fit.loglik.initial, -log(72.0), relative: 1e-12))
        #expect(Self.isClose(fit.loglik.final, -log(72.0), relative: 1e-12))
        #expect(Self.isClose(fit.state.finalScore[0], 13.0 / 12, relative: 1e-12))
        #expect(Self.isClose(1 / fit.naiveVariance[0, 0], 83.0 / 144, relative: 1e-12))
        #expect(Self.isClose((fit.result.tests.score?.statistic ?? .nan), 169.0 / 83, relative: 1e-12))
    }

    @Test("Breslow's estimate is log((3 + sqrt 33)/2), the root of r^2 - 3r - 6, and the library's fit matches it")
    func breslowEstimate() throws {
        try checkEstimate(.breslow)
    }

    @Test("Efron's estimate is log of the positive root of r^3 - 23r - 30, and the library's fit matches it")
    func efronEstimate() throws {
        try checkEstimate(.efron)
    }

    /// β̂ by bisection agrees with the closed form; the library's β̂, ℓ(β̂) and
    /// variance agree with β̂, ℓ(β̂) and 1/I(β̂) of the hand formulas, and its
    /// default fit starts from ℓ(0) and the score test U(0)²/I(0).
    func checkEstimate(_ ties: CoxTies) throws {
        let beta = Self.closedFormBeta(ties)
        let bisected = Self.bisectedBeta(ties)
        #expect(Self.isClose(bisected, beta, relative: 1e-13))
        #expect(abs(Self.score(ties, beta)) < 1e-14)
        // The closed-form r̂ is a root of its polynomial.
        let r = exp(beta)
        let residual = ties == .breslow ? r * r - 3 * r - 6 : r * r * r - 23 * r - 30
        #expect(abs(residual) < 1e-12)

        let fit = try CoxModel.fit(Self.frame(), options: CoxOptions(ties: ties))
        #expect(fit.result.converged)
        #expect(fit.warnings.isEmpty)
        let b = try #require(fit.coefficients[0])
        #expect(Self.isClose(b, beta, relative: 1e-8))
        #expect(Self.isClose(fit.loglik.final, Self.loglik(ties, beta), relative: 1e-8))
        #expect(Self.isClose(fit.naiveVariance[0, 0], 1 / Self.information(ties, beta), relative: 1e-8))
        #expect(Self.isClose(fit.loglik.initial, Self.loglik(ties, 0), relative: 1e-12))
        let u0 = Self.score(ties, 0), i0 = Self.information(ties, 0)
        #expect(Self.isClose((fit.result.tests.score?.statistic ?? .nan), u0 * u0 / i0, relative: 1e-12))
    }
}
