import Foundation
import Testing
@testable import SurvivalNumerics

/// One row of Tests/Fixtures/distributions.json, written by
/// Tests/Reference/distributions.R (values from R 4.2.2) and cross-checked
/// against mpmath by Tests/Reference/distributions_mpmath.py.
struct DistributionRow: Sendable, CustomStringConvertible {
    let fn: String
    let x: Double?
    let a: Double?
    let b: Double?
    let expected: Double
    let reference: String
    let mpmath: Double?

    var description: String {
        "\(fn)(x: \(x.map { "\($0)" } ?? "-"), a: \(a.map { "\($0)" } ?? "-"), b: \(b.map { "\($0)" } ?? "-"))"
    }

    /// The SurvivalNumerics function this row exercises, evaluated at its arguments.
    func evaluate() -> Double? {
        let x = self.x ?? .nan, a = self.a ?? .nan, b = self.b ?? .nan
        switch fn {
        case "pnorm": return Normal.cdf(x)
        case "pnorm_upper": return Normal.upperTail(x)
        case "qnorm": return Normal.quantile(x)
        case "qnorm_upper": return Normal.upperQuantile(x)
        case "pchisq": return ChiSquared.cdf(x, df: a)
        case "pchisq_upper": return ChiSquared.upperTail(x, df: a)
        case "qchisq": return ChiSquared.quantile(x, df: a)
        case "qchisq_upper": return ChiSquared.upperQuantile(x, df: a)
        case "lgamma": return Gamma.logGamma(x)
        case "pgamma": return Gamma.regularizedLower(a: a, x: x)
        case "pgamma_upper": return Gamma.regularizedUpper(a: a, x: x)
        case "lbeta": return Beta.logBeta(a, b)
        case "pbeta": return Beta.regularized(x: x, a: a, b: b)
        case "pbeta_upper": return Beta.regularizedComplement(x: x, a: a, b: b)
        case "pt": return StudentT.cdf(x, df: a)
        case "pt_upper": return StudentT.upperTail(x, df: a)
        case "qt": return StudentT.quantile(x, df: a)
        case "qt_upper": return StudentT.upperQuantile(x, df: a)
        case "pf": return FDistribution.cdf(x, df1: a, df2: b)
        case "pf_upper": return FDistribution.upperTail(x, df1: a, df2: b)
        case "poisson_lower": return PoissonLimits.exact(count: Int(x), confLevel: a).lower
        case "poisson_upper": return PoissonLimits.exact(count: Int(x), confLevel: a).upper
        default: return nil
        }
    }

    static func load() throws -> [DistributionRow] {
        let url = repositoryRoot().appendingPathComponent("Tests/Fixtures/distributions.json")
        let data = try Data(contentsOf: url)
        let array = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        func number(_ v: Any?) -> Double? {
            if let d = v as? Double { return d }
            if let n = v as? NSNumber { return n.doubleValue }
            if let s = v as? String { return s == "Inf" ? .infinity : s == "-Inf" ? -.infinity : nil }
            return nil
        }
        return array.compactMap { r in
            guard let fn = r["fn"] as? String, let e = number(r["expected"]) else { return nil }
            return DistributionRow(
                fn: fn, x: number(r["x"]), a: number(r["a"]), b: number(r["b"]), expected: e,
                reference: r["reference"] as? String ?? "R", mpmath: number(r["mpmath"]))
        }
    }
}

/// Relative error, treating an exact 0 (a value below the double range) as
/// requiring an exact 0.
func relativeError(_ got: Double, _ expected: Double) -> Double {
    if expected == 0 { return got == 0 ? 0 : .infinity }
    return abs(got - expected) / abs(expected)
}

struct DistributionReferenceTests {
    static let tolerance = 1e-12

    @Test func tableIsLargeAndCoversEveryFunction() throws {
        let rows = try DistributionRow.load()
        #expect(rows.count >= 80)
        #expect(rows.allSatisfy { $0.evaluate() != nil }, "unknown fn in fixture")
    }

    @Test func everyValueWithinOneInATrillionOfReference() throws {
        let rows = try DistributionRow.load()
        var worst = (error: 0.0, row: "")
        for row in rows {
            guard let got = row.evaluate() else { continue }
            let err = relativeError(got, row.expected)
            if err > worst.error { worst = (err, row.description) }
            #expect(err <= Self.tolerance, "\(row): got \(got), \(row.reference) \(row.expected), rel \(err)")
        }
        // Reported so the log shows the margin (see the helper report).
        print("distribution table: \(rows.count) rows, worst relative error \(worst.error) at \(worst.row)")
    }

    @Test func agreesWithHighPrecisionMpmathToo() throws {
        for row in try DistributionRow.load() {
            guard let got = row.evaluate(), let m = row.mpmath else { continue }
            #expect(relativeError(got, m) <= Self.tolerance, "\(row): got \(got), mpmath \(m)")
        }
    }
}

/// Identities that hold for any arguments (no reference values needed).
struct DistributionIdentityTests {
    @Test func tailsSumToOne() {
        for x in [0.01, 0.7, 3.0, 12.0] {
            for df in [0.5, 2.5, 30.0] {
                #expect(abs(ChiSquared.cdf(x, df: df) + ChiSquared.upperTail(x, df: df) - 1) < 1e-15)
                #expect(abs(StudentT.cdf(x, df: df) + StudentT.upperTail(x, df: df) - 1) < 1e-15)
                #expect(abs(FDistribution.cdf(x, df1: df, df2: 7) + FDistribution.upperTail(x, df1: df, df2: 7) - 1) < 1e-15)
            }
        }
    }

    @Test func quantilesInvertDistributionFunctions() {
        for p in [1e-200, 1e-8, 0.01, 0.3, 0.5, 0.9, 0.999] {
            for df in [0.5, 1.0, 2.5, 150.0] {
                let x = ChiSquared.quantile(p, df: df)
                // Quantiles below the normal range (e.g. (1e-200)^4 for df 0.5) are 0 or subnormal.
                if x > 1e-300 { #expect(relativeError(ChiSquared.cdf(x, df: df), p) < 1e-12) }
                let q = ChiSquared.upperQuantile(p, df: df)
                #expect(relativeError(ChiSquared.upperTail(q, df: df), p) < 1e-12)
                // For df ≤ 1 and p = 1e-200, t ≈ p^(−1/df) exceeds the double range: +∞.
                let t = StudentT.upperQuantile(p, df: df)
                if t.isFinite { #expect(relativeError(StudentT.upperTail(t, df: df), p) < 1e-12) }
                else { #expect(-200 * 2.302585 / df < -709) }
            }
            // d ln Φ / d ln x ≈ x² at x ≈ −30, so 1e−16 in x becomes ~1e−13 in p.
            #expect(relativeError(Normal.cdf(Normal.quantile(p)), p) < 1e-12)
        }
    }

    @Test func studentTailIsAccurateBeyondSquaredOverflow() {
        // For |t| > 1e154, t² overflows; P(T > t) ≈ ν^{(ν−1)/2} t^{−ν} / B(ν/2, ½)
        // (tail asymptote; relative error O(t⁻²), negligible here). For ν = 1
        // (Cauchy): P(T > t) = ½ − atan(t)/π ≈ 1/(π t).
        let t = 1e200
        #expect(relativeError(StudentT.upperTail(t, df: 1), 1 / (Double.pi * t)) < 1e-13)
        #expect(StudentT.quantile(1e-200, df: 0.5) == -.infinity)
        #expect(StudentT.upperQuantile(1e-200, df: 0.5) == .infinity)
    }

    @Test func edgeCasesReturnLimitsOrNaNWithoutCrashing() {
        #expect(ChiSquared.upperTail(0, df: 3) == 1)
        #expect(ChiSquared.upperTail(.infinity, df: 3) == 0)
        #expect(ChiSquared.cdf(1, df: -1).isNaN)
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1.5).isNaN)
        #expect(StudentT.quantile(0.5, df: 4) == 0)
        #expect(StudentT.upperTail(.infinity, df: 4) == 0)
        #expect(PoissonLimits.exact(count: -1).lower.isNaN)
        #expect(PoissonLimits.exact(count: 0).lower == 0)
    }
}
