/// Deterministic, locale-free formatting of numbers for SVG output.
///
/// SVG files are compared byte for byte in tests and diffed in version control,
/// so every coordinate goes through one formatter: the value is rounded to a
/// fixed number of decimals (half away from zero, on the scaled integer), and
/// trailing zeros are removed ("12.5", never "12.500" or "1.25e1"). Negative
/// zero prints as "0". Non-finite input prints as "0" so that "NaN" or "inf"
/// can never reach a file — renderers filter missing values before drawing,
/// this is only the last line of defence.
public enum SVGNumber {
    /// Formats `value` with at most `decimals` digits after the point, trailing zeros removed.
    public static func format(_ value: Double, decimals: Int = 2) -> String {
        fixed(value, decimals: decimals, trimTrailingZeros: true)
    }

    /// Formats `value` with exactly `decimals` digits after the point ("1.50"), as R `formatC(format = "f")`.
    public static func fixed(_ value: Double, decimals: Int, trimTrailingZeros: Bool = false) -> String {
        let places = max(0, min(decimals, 9))
        guard value.isFinite else { return "0" }
        var scale: Double = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 the scaled value is not an exact integer; SVG never needs such magnitudes.
        guard abs(scaled) < 9.0e15 else { return value < 0 ? "-9e15" : "9e15" }
        let integer = Int64(scaled)
        if integer == 0 {
            return places == 0 || trimTrailingZeros ? "0" : "0." + String(repeating: "0", count: places)
        }
        let magnitude = integer.magnitude
        let divisor = UInt64(scale)
        let whole = magnitude / divisor
        var fraction = ""
        if places > 0 {
            let digits = String(magnitude % divisor)
            fraction = String(repeating: "0", count: places - digits.count) + digits
            if trimTrailingZeros {
                while fraction.hasSuffix("0") { fraction.removeLast() }
            }
        }
        let sign = integer < 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
