#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal text → `Double`, exactly as `strtod` would round it, but fast.
///
/// Clinger's fast path (W. D. Clinger, "How to read floating point numbers
/// accurately", PLDI 1990): when the decimal mantissa `m` has at most 19
/// digits and is ≤ 2^53, and the power of ten `e` satisfies |e| ≤ 22, both
/// `m` and `10^|e|` are exact doubles, so the single IEEE multiply (or
/// divide) `m × 10^e` is correctly rounded — the same result `strtod` gives.
/// Other mantissas of at most 19 digits (the 17-digit doubles that R and
/// Python write) and larger exponents go through the Eisel–Lemire algorithm
/// (`NumberParser+EiselLemire.swift`), also correctly rounded. Only longer
/// mantissas, `Inf` and `NaN` fall back to `strtod` on a NUL-terminated stack
/// copy of the field, and the whole field must be consumed. Fields that are
/// not numbers return `nil`.
///
/// The decimal mark is a parameter (`.` by default, `,` for `--decimal ,`):
/// the fast path compares with it instead of `.`; the `strtod` fallback (C
/// locale) gets a copy with the comma replaced, and a field holding the
/// other mark is not a number.
///
/// The parser is a value holding its own power-of-ten table so that the hot
/// loop touches no global (global lets are lazily initialised and checked on
/// every access).
struct NumberParser {
    /// The byte that separates the integer and the fraction: `.` or `,`.
    let decimalMark: UInt8

    init(decimalMark: UInt8 = UInt8(ascii: ".")) {
        self.decimalMark = decimalMark
    }

    /// `PowersOfFive.table`, held by the value (see above).
    let powersOfFive: [UInt64] = PowersOfFive.table

    private let powers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses bytes `[start, end)` of `base`. Leading/trailing blanks must already be trimmed.
    @inline(__always)
    func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        if start >= end { return nil }
        guard let (value, stop) = scan(base, start, end) else { return slowPath(base, start, end) }
        return stop == end ? value : nil
    }

    /// Scans the decimal number that starts at `start` (optional sign, digits
    /// with an optional decimal mark, optional exponent), reading no further
    /// than `limit`: its value and the offset just after it. `nil` when no
    /// digit starts there (`Inf`, `NaN`, text) or the mantissa has more than 19
    /// significant digits — cases for `strtod` (see `parse`). The reader calls
    /// it on a field's first byte and accepts the value when a delimiter or
    /// line end follows, so a number is read in one pass over its bytes.
    @inline(__always)
    func scan(_ base: UnsafePointer<UInt8>, _ start: Int, _ limit: Int) -> (Double, Int)? {
        var i = start
        var negative = false
        if i < limit {
            let first = base[i]
            if first == UInt8(ascii: "-") {
                negative = true
                i += 1
            } else if first == UInt8(ascii: "+") {
                i += 1
            }
        }
        var mantissa: UInt64 = 0
        var digits = 0          // significant digits accumulated (leading zeros skipped)
        var anyDigit = false
        var exponent = 0
        // Integer part: eight digits at a time while they fit the 19 kept, then byte by byte.
        while i + 8 <= limit && digits <= 11, let eight = Self.eightDigits(base, i) {
            Self.append(eight, to: &mantissa, digits: &digits)
            anyDigit = true
            i += 8
        }
        while i < limit {
            let d = base[i] &- UInt8(ascii: "0")
            if d > 9 { break }
            anyDigit = true
            if mantissa != 0 || d != 0 {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                } else {
                    exponent += 1  // digit beyond 19: remembered only as magnitude
                }
                digits += 1
            }
            i += 1
        }
        if i < limit && base[i] == decimalMark {
            i += 1
            while i + 8 <= limit && digits <= 11, let eight = Self.eightDigits(base, i) {
                // The byte loop below would skip the leading zeros (each one lowering
                // the exponent) and count the digits after them: the same in one step.
                Self.append(eight, to: &mantissa, digits: &digits)
                exponent -= 8
                anyDigit = true
                i += 8
            }
            while i < limit {
                let d = base[i] &- UInt8(ascii: "0")
                if d > 9 { break }
                anyDigit = true
                if mantissa != 0 || d != 0 {
                    if digits < 19 {
                        mantissa = mantissa &* 10 &+ UInt64(d)
                        exponent -= 1
                    }
                    digits += 1
                } else {
                    exponent -= 1
                }
                i += 1
            }
        }
        if !anyDigit || digits > 19 { return nil }
        if i < limit && (base[i] == UInt8(ascii: "e") || base[i] == UInt8(ascii: "E")) {
            // An exponent only when digits follow; else the number ends before the `e`.
            var j = i + 1
            var expNegative = false
            if j < limit && (base[j] == UInt8(ascii: "-") || base[j] == UInt8(ascii: "+")) {
                expNegative = base[j] == UInt8(ascii: "-")
                j += 1
            }
            var e = 0
            var expDigits = 0
            while j < limit {
                let d = base[j] &- UInt8(ascii: "0")
                if d > 9 { break }
                if e < 100_000 { e = e * 10 + Int(d) }
                expDigits += 1
                j += 1
            }
            if expDigits > 0 {
                exponent += expNegative ? -e : e
                i = j
            }
        }
        if mantissa > (1 << 53) || exponent < -22 || exponent > 22 {
            return (eiselLemire(mantissa, exponent, negative: negative), i)
        }
        var value = Double(mantissa)
        if exponent < 0 {
            value /= powers[-exponent]
        } else if exponent > 0 {
            value *= powers[exponent]
        }
        return (negative ? -value : value, i)
    }

    /// Eight digits appended to the mantissa as the byte loop would append them
    /// one by one: leading zeros of a mantissa still zero are not significant
    /// digits. The caller makes sure the 19 digits kept are not exceeded.
    @inline(__always)
    static func append(_ eight: (value: UInt64, leadingZeros: Int), to mantissa: inout UInt64, digits: inout Int) {
        if mantissa == 0 {
            if eight.value != 0 { digits = 8 - eight.leadingZeros }
            mantissa = eight.value
        } else {
            mantissa = mantissa &* 100_000_000 &+ eight.value
            digits += 8
        }
    }

    /// The value of the eight ASCII digits at `base + i`, and how many of them
    /// are leading zeros; `nil` unless all eight bytes are digits.
    ///
    /// SWAR ("SIMD within a register", as in Lemire's fast_float): the bytes
    /// are loaded as one little-endian word, so the first digit is the lowest
    /// byte. A byte is a digit when its high nibble is 3 and adding 6 keeps it
    /// so (0x30–0x39); then pairs, quadruples and the two halves are combined
    /// by three multiply-and-shift steps (digit pairs `10·a + b`, then
    /// `100·ab + cd`, then `10⁴·abcd + efgh`).
    @inline(__always)
    static func eightDigits(_ base: UnsafePointer<UInt8>, _ i: Int) -> (value: UInt64, leadingZeros: Int)? {
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let nibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        guard (word & nibbles) | (((word &+ 0x0606_0606_0606_0606) & nibbles) >> 4) == 0x3333_3333_3333_3333
        else { return nil }
        let digits = word &- 0x3030_3030_3030_3030
        // The first nonzero digit is the lowest nonzero byte.
        let leadingZeros = digits == 0 ? 8 : digits.trailingZeroBitCount / 8
        let pairs = (digits &* 10) &+ (digits >> 8)  // byte 2k: 10·d[2k] + d[2k+1]
        let pairMask: UInt64 = 0x0000_00FF_0000_00FF
        let low = (pairs & pairMask) &* (100 &+ (1_000_000 << 32))
        let high = ((pairs >> 16) & pairMask) &* (1 &+ (10_000 << 32))
        return ((low &+ high) >> 32, leadingZeros)
    }

    /// `strtod` on a NUL-terminated copy; accepts only decimal forms and
    /// `Inf`/`Infinity`/`NaN` (any case, optional sign) — no hexadecimal.
    private func slowPath(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let count = end - start
        if count > 400 { return nil }
        let comma = decimalMark == UInt8(ascii: ",")
        for k in start..<end {
            let c = base[k]
            if c == UInt8(ascii: "x") || c == UInt8(ascii: "X") || c == UInt8(ascii: "(") { return nil }
            if comma && c == UInt8(ascii: ".") { return nil }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer -> Double? in
            for k in 0..<count {
                let c = base[start + k]
                buffer[k] = CChar(bitPattern: comma && c == UInt8(ascii: ",") ? UInt8(ascii: ".") : c)
            }
            buffer[count] = 0
            guard let p = buffer.baseAddress else { return nil }
            var endPointer: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(p, &endPointer)
            guard let endPointer, endPointer - p == count else { return nil }
            return value
        }
    }
}

extension NumberParser {
    /// Convenience for tests and small inputs.
    func parse(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        return bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return parse(UnsafePointer(base), 0, buffer.count)
        }
    }
}
