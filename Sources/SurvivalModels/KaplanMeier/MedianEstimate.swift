/// The median survival time and its confidence limits, by the rules of R's
/// `quantile.survfit` (survival 3.5).
///
/// The median is read off the curve `1 − S` as the first time it reaches 0.5;
/// the lower limit from `1 − lower`, the upper from `1 − upper`. When the curve
/// is flat at exactly 0.5 (within √ε) over an interval, the midpoint of that
/// interval is used; if it stays at 0.5 to the end, the midpoint between that
/// time and the last observed time. A curve (or limit) that never reaches 0.5
/// gives `nil`.
struct MedianEstimate {
    var median: Double?
    var lower: Double?
    var upper: Double?

    init(time: [Double], survival: [Double], lower: [Double?], upper: [Double?], start: Double = 0) {
        let x = [start] + time
        median = Self.findQuantile(x: x, y: [0] + survival.map { 1 - $0 }, p: 0.5)
        self.lower = Self.findQuantile(x: x, y: [0] + lower.map { $0.map { 1 - $0 } ?? .nan }, p: 0.5)
        self.upper = Self.findQuantile(x: x, y: [0] + upper.map { $0.map { 1 - $0 } ?? .nan }, p: 0.5)
    }

    /// R's `findq(x, y, p, tol)`: `y` is non-decreasing with NaN for missing.
    static func findQuantile(x: [Double], y: [Double], p: Double, tol: Double = Double.ulpOfOne.squareRoot()) -> Double? {
        let present = y.filter { !$0.isNaN }
        guard let maxY = present.max(), maxY >= p else { return nil }
        guard let xmax = x.last else { return nil }
        // Drop repeated y values (the censorings), keeping the first; NaN
        // repeats count as duplicates, as R's duplicated().
        var xs: [Double] = []
        var ys: [Double] = []
        var seen = Set<Double>()
        var seenNaN = false
        for (xi, yi) in zip(x, y) {
            if yi.isNaN {
                if seenNaN { continue }
                seenNaN = true
            } else {
                if seen.contains(yi) { continue }
                seen.insert(yi)
            }
            xs.append(xi)
            ys.append(yi)
        }
        // approx(y ± tol, 1:n, p, method = "constant", f = 1) with NA pairs removed.
        // approx sorts its knots by the shifted y, so when the curve is not
        // monotone (a confidence limit can rise again) the answer is the knot
        // with the smallest shifted y at or above p — not the first in time.
        // p outside the knots' range gives NA.
        func index(shift: Double) -> Int? {
            let knots = ys.indices.filter { !ys[$0].isNaN }
            guard let lo = knots.map({ ys[$0] + shift }).min(),
                let hi = knots.map({ ys[$0] + shift }).max(), p >= lo, p <= hi
            else { return nil }
            return knots.filter { ys[$0] + shift >= p }.min { ys[$0] < ys[$1] }
        }
        let i1 = index(shift: tol)
        let i2 = index(shift: -tol)
        var quant: Double? = nil
        if let i1, let i2 { quant = (xs[i1] + xs[i2]) / 2 }
        if p == 0 { quant = xs[0] }
        if let yn = ys.last, !yn.isNaN, abs(p - yn) < tol, let i1 {
            quant = (xs[i1] + xmax) / 2
        }
        return quant
    }
}
