import Foundation

/// A base-10 logarithmic axis (for hazard ratios), with ticks at 1-2-5 × 10^k:
/// …, 0.1, 0.2, 0.5, 1, 2, 5, 10, …
///
/// The domain is widened outward to the nearest 1-2-5 value on each side. When
/// the domain spans more than about three decades, only the powers of ten are
/// kept as ticks (1-2-5 ticks would crowd the axis).
public struct LogAxis: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var pixelStart: Double
    public var pixelEnd: Double
    public var ticks: [Double]

    /// Axis covering `[dataMin, dataMax]` (both must be > 0; invalid input falls back to 0.5–2).
    public init(dataMin: Double, dataMax: Double, pixelStart: Double, pixelEnd: Double) {
        var low = dataMin.isFinite && dataMin > 0 ? dataMin : 0.5
        var high = dataMax.isFinite && dataMax > 0 ? dataMax : 2
        if low > high { swap(&low, &high) }
        if high / low < 1.0001 {
            low /= 2
            high *= 2
        }
        let lowerNice = LogAxis.niceValue(atOrBelow: low)
        let upperNice = LogAxis.niceValue(atOrAbove: high)
        self.lower = lowerNice
        self.upper = upperNice
        self.pixelStart = pixelStart
        self.pixelEnd = pixelEnd
        let decades = log10(upperNice / lowerNice)
        let mantissas: [Double] = decades > 3.01 ? [1] : [1, 2, 5]
        var ticks: [Double] = []
        var exponent = Int(log10(lowerNice).rounded(.down)) - 1
        let lastExponent = Int(log10(upperNice).rounded(.up)) + 1
        while exponent <= lastExponent {
            for mantissa in mantissas {
                let tick = LogAxis.tickValue(mantissa: mantissa, exponent: exponent)
                if tick >= lowerNice * (1 - 1e-9) && tick <= upperNice * (1 + 1e-9) { ticks.append(tick) }
            }
            exponent += 1
        }
        self.ticks = ticks
    }

    /// `mantissa × 10^exponent`, computed by division for negative exponents so
    /// 0.1, 0.2, 0.5 are the closest doubles (not 2 × 0.1000…01).
    static func tickValue(mantissa: Double, exponent: Int) -> Double {
        exponent >= 0 ? mantissa * pow(10, Double(exponent)) : mantissa / pow(10, Double(-exponent))
    }

    /// The largest 1-2-5 × 10^k value ≤ `value`.
    static func niceValue(atOrBelow value: Double) -> Double {
        let exponent = Int(log10(value).rounded(.down))
        for mantissa in [5.0, 2, 1] {
            let candidate = tickValue(mantissa: mantissa, exponent: exponent)
            if candidate <= value * (1 + 1e-9) { return candidate }
        }
        return tickValue(mantissa: 5, exponent: exponent - 1)
    }

    /// The smallest 1-2-5 × 10^k value ≥ `value`.
    static func niceValue(atOrAbove value: Double) -> Double {
        let exponent = Int(log10(value).rounded(.down))
        for mantissa in [1.0, 2, 5, 10] {
            let candidate = tickValue(mantissa: mantissa, exponent: exponent)
            if candidate >= value * (1 - 1e-9) { return candidate }
        }
        return tickValue(mantissa: 1, exponent: exponent + 1)
    }

    /// Pixel coordinate of a positive value (non-positive values map to the lower end).
    public func position(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return value == .infinity ? pixelEnd : pixelStart }
        let fraction = (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        return pixelStart + fraction * (pixelEnd - pixelStart)
    }

    /// Tick label with no superfluous digits ("0.05", "0.2", "1", "20").
    public func label(_ value: Double) -> String {
        var decimals = 0
        var scaled = value
        while decimals < 6 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            scaled *= 10
            decimals += 1
        }
        return SVGNumber.fixed(value, decimals: decimals)
    }
}
