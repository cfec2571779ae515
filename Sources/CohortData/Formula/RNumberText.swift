#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers written as R writes them in the two places formula labels need.
///
/// - `deparse(_:)`: as R's `deparse()` writes a number constant in a call
///   (15 significant digits, the fewest that give the same value; fixed
///   notation unless scientific is shorter, R's `formatReal` rule with
///   `scipen = 0`): `1000`, `0.5`, `1e+05`, `1e-05`, `123456`.
/// - `formatC(_:digits:)`: as R's `formatC(x, digits = d, width = 1)`, which is
///   C's `%.<d>g` — the form `cut()` uses for its interval labels: `100`,
///   `1e+03`, `0.00123`.
public enum RNumberText {
    /// C's `printf` with one double argument.
    static func printf(_ format: String, _ x: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let n = withVaList([x]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, format, args) }
        }
        guard n > 0 else { return "" }
        return String(decoding: buffer.prefix(Int(min(n, 63))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `formatC(x, digits = digits, width = 1)`: C's `%.<digits>g`.
    public static func formatC(_ x: Double, digits: Int) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        return printf("%.\(digits)g", x)
    }

    /// A number constant as R's `deparse()` writes it.
    public static func deparse(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        if x == 0 { return "0" }
        // The fewest significant digits (≤ 15) that give x to 15 digits.
        let target = Double(printf("%.14e", x)) ?? x
        var digits = 15
        for d in 1...15 where Double(printf("%.\(d - 1)e", x)) == target {
            digits = d
            break
        }
        let scientific = printf("%.\(digits - 1)e", x)
        guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...])
        else { return scientific }
        // Fixed notation needs max(1, exponent + 1) digits left of the point
        // and max(0, digits - exponent - 1) right of it.
        let right = max(0, digits - exponent - 1)
        let fixedWidth = (x < 0 ? 1 : 0) + max(1, exponent + 1) + (right > 0 ? right + 1 : 0)
        if fixedWidth <= scientific.count { return printf("%.\(right)f", x) }
        return scientific
    }
}
