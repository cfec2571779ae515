// INTERIM: replaced by the numerics branch's distributions at merge. Delete then.
import Foundation

public enum Normal {
    public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
    public static func upperTail(_ x: Double) -> Double { 0.5 * erfc(x / 2.0.squareRoot()) }
    public static func quantile(_ p: Double) -> Double {
        var x = 0.0
        for _ in 0..<100 {
            let f = cdf(x) - p
            let d = exp(-x * x / 2) / (2 * Double.pi).squareRoot()
            let step = f / d
            x -= step
            if abs(step) < 1e-15 { break }
        }
        return x
    }
}

public enum ChiSquared {
    public static func upperTail(_ x: Double, df: Double) -> Double {
        // Q(df/2, x/2) by series for P then 1 - P (interim only).
        let a = df / 2, y = x / 2
        if y <= 0 { return 1 }
        var sum = 1.0 / a, term = 1.0 / a, n = a
        for _ in 0..<10000 { n += 1; term *= y / n; sum += term; if term < sum * 1e-17 { break } }
        let p = exp(-y + a * log(y) - lgamma(a)) * sum
        return max(0, 1 - p)
    }
}
