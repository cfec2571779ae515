import Foundation

/// A linear axis: a data domain, the pixel interval it maps to, and "nice" ticks.
///
/// Tick selection (Heckbert, "Nice numbers for graph labels", Graphics Gems,
/// 1990, in the form R's `pretty()` uses): the raw step `span / targetCount` is
/// rounded to 1, 2 or 5 times a power of ten, whichever is closest on a log
/// scale, and the domain is widened outward to whole multiples of the step.
/// Ticks are computed as integer multiples of the step (not by repeated
/// addition), so they carry no accumulated rounding error.
public struct LinearAxis: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    /// Pixel coordinate of `lower`.
    public var pixelStart: Double
    /// Pixel coordinate of `upper` (may be smaller than `pixelStart`, as for y axes).
    public var pixelEnd: Double
    public var step: Double
    public var ticks: [Double]

    /// Axis whose domain is `[dataMin, dataMax]` widened to nice tick multiples.
    public init(
        dataMin: Double, dataMax: Double, pixelStart: Double, pixelEnd: Double, targetTickCount: Int = 6
    ) {
        var low = dataMin.isFinite ? dataMin : 0
        var high = dataMax.isFinite ? dataMax : 1
        if low > high { swap(&low, &high) }
        if high - low <= 0 {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= low == 0 ? 0 : pad
            high += pad
        }
        let step = LinearAxis.niceStep(span: high - low, targetCount: targetTickCount)
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        self.init(lower: first * step, upper: last * step, step: step, pixelStart: pixelStart, pixelEnd: pixelEnd)
    }

    /// Axis with an explicit domain and tick step; ticks are the multiples of `step` inside the domain.
    public init(lower: Double, upper: Double, step: Double, pixelStart: Double, pixelEnd: Double) {
        self.lower = lower
        self.upper = upper > lower ? upper : lower + 1
        self.pixelStart = pixelStart
        self.pixelEnd = pixelEnd
        self.step = step > 0 && step.isFinite ? step : (self.upper - lower)
        let tolerance = self.step * 1e-9
        let firstIndex = Int((lower / self.step - 1e-9).rounded(.up))
        var ticks: [Double] = []
        var index = firstIndex
        while ticks.count < 1000 {
            let tick = Double(index) * self.step
            if tick > self.upper + tolerance { break }
            ticks.append(abs(tick) < tolerance ? 0 : tick)
            index += 1
        }
        self.ticks = ticks
    }

    /// The 1-2-5 × 10^k step closest (on a log scale) to `span / targetCount`.
    public static func niceStep(span: Double, targetCount: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(1, targetCount))
        let power = log10(raw).rounded(.down)
        let base = pow(10, power)
        let fraction = raw / base
        // Thresholds are the geometric midpoints √2, √10, √50 between 1, 2, 5, 10.
        let nice: Double
        if fraction < 1.4142135623730951 { nice = 1 }
        else if fraction < 3.1622776601683795 { nice = 2 }
        else if fraction < 7.0710678118654755 { nice = 5 }
        else { nice = 10 }
        return nice * base
    }

    /// Pixel coordinate of a data value (linear interpolation; values outside the domain extrapolate).
    public func position(_ value: Double) -> Double {
        pixelStart + (value - lower) / (upper - lower) * (pixelEnd - pixelStart)
    }

    /// Tick label with as many decimals as the step needs ("0.2", "250", "1.25").
    public func label(_ value: Double) -> String {
        var decimals = 0
        var scaled = step
        while decimals < 6 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            scaled *= 10
            decimals += 1
        }
        return SVGNumber.fixed(value, decimals: decimals)
    }
}
