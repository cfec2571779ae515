import Foundation

/// Number formatting for human-readable reports (never for JSON, which keeps
/// full precision).
public enum NumberFormat {
    /// `x` as C's `printf("%.<decimals><style>")` prints it in the C locale
    /// (`style` `f` or `e`) — what `String(format:)` gives, without its
    /// per-call locale machinery, which dominated the text rendering of long
    /// curves.
    static func printf(_ x: Double, decimals: Int, style: Character) -> String {
        let spec = "%.\(decimals)\(style)"
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer -> String in
            guard let base = buffer.baseAddress else { return String(format: spec, x) }
            let written = withVaList([x]) { vsnprintf(base, buffer.count, spec, $0) }
            guard written >= 0, Int(written) < buffer.count else { return String(format: spec, x) }
            return String(cString: base)
        }
    }

    /// R's column label of a confidence level, as `summary(coxph)` and
    /// `confint` print it: 0.95 → `.95`, 0.9 → `.90`, 0.975 → `.975`.
    static func confidenceLevelLabel(_ confLevel: Double) -> String {
        var digits = significant(confLevel * 100, 3).replacingOccurrences(of: ".", with: "")
        if digits.count < 2 { digits = "0" + digits }
        return "." + digits
    }

    /// `x` with `digits` significant digits, like R's `format(signif(x, digits))`:
    /// no exponent for moderate magnitudes, trailing zeros dropped.
    public static func significant(_ x: Double?, _ digits: Int = 4) -> String {
        guard let x else { return "NA" }
        // No NaN or Inf in any output: a value with no finite answer prints as R's NA.
        guard x.isFinite else { return "NA" }
        if x == 0 { return "0" }
        let magnitude = Int(Foundation.floor(Foundation.log10(Swift.abs(x))))
        if magnitude < -4 || magnitude >= 15 {
            return printf(x, decimals: max(digits - 1, 0), style: "e")
        }
        let decimals = max(digits - 1 - magnitude, 0)
        var s = printf(x, decimals: decimals, style: "f")
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// `x` with a fixed number of decimals.
    public static func fixed(_ x: Double?, _ decimals: Int) -> String {
        guard let x, x.isFinite else { return "NA" }
        return printf(x, decimals: decimals, style: "f")
    }

    /// A p-value as R's `format.pval`: `< 2e-16` below machine precision, else 3 significant digits.
    public static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "NA" }
        if p < 2.220446e-16 { return "< 2e-16" }
        return significant(p, 3)
    }
}
