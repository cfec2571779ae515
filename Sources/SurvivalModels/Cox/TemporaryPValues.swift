import Foundation

// TEMPORARY: stand-ins for SurvivalNumerics' `ChiSquared` and `Normal`, which
// another helper is writing. Delete this file once they are merged from main;
// the call sites already use the final names.

enum ChiSquared {
    /// P(X > x) for X ~ χ²(df): the regularised upper incomplete gamma Q(df/2, x/2).
    static func upperTail(_ x: Double, df: Int) -> Double {
        guard df > 0 else { return .nan }
        if x <= 0 { return 1 }
        return regularizedGammaQ(Double(df) / 2, x / 2)
    }

    private static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        let lnPrefix = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            // Series for P(a, x).
            var sum = 1 / a, term = 1 / a, ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return 1 - sum * exp(lnPrefix)
        }
        // Lentz continued fraction for Q(a, x).
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let del = d * c
            h *= del
            if abs(del - 1) < 1e-17 { break }
        }
        return exp(lnPrefix) * h
    }
}

enum Normal {
    /// P(Z > z) for a standard normal Z.
    static func upperTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// The p-quantile of the standard normal distribution.
    static func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
        let q = min(p, 1 - p)
        let t = (-2 * log(q)).squareRoot()
        var x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
            / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
        // Newton steps on P(Z > x) = q, with the upper tail from erfc.
        for _ in 0..<6 {
            let f = upperTail(x) - q
            let dens = exp(-x * x / 2) / (2 * Double.pi).squareRoot()
            x += f / dens
        }
        return p < 0.5 ? -x : x
    }
}
