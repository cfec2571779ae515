/// The Eisel–Lemire algorithm: a decimal `w × 10^q` with `w < 2^64` (at most
/// 19 significant digits) converted to the nearest `Double`, ties to even —
/// the value `strtod` returns — with one or two 64 × 64-bit multiplications.
///
/// Method (D. Lemire, "Number parsing at a gigabyte per second", Software:
/// Practice and Experience 51, 2021; the exponent and rounding rules of the
/// fast_float library). `w` is normalised so that its top bit is set and
/// multiplied by a 128-bit approximation of `5^q` (`PowersOfFive`); the power
/// of two comes from `q·log2(10)` (`(217706·q) >> 16` is `⌊q·log2 10⌋` over the
/// range). The high 64 bits of the product hold the 53-bit significand plus
/// guard bits; when the guard bits are all ones the second table word refines
/// the product. N. Mushtak and D. Lemire ("Fast number parsing without
/// fallback", Software: Practice and Experience 53, 2023) proved that this
/// 128-bit product always decides the rounding for `w < 2^64`, so there is no
/// fallback; the exact-halfway case (only possible for −4 ≤ q ≤ 23) is
/// detected and rounded to even. Subnormal results are rounded the same way.
///
/// `NumberParser.parse` uses it for numbers that Clinger's fast path cannot
/// take (17-digit doubles as R's `write.csv` and Python write them, exponents
/// beyond ±22); the tests check it against `strtod` on millions of values.
extension NumberParser {
    @inline(__always)
    func eiselLemire(_ w: UInt64, _ q: Int, negative: Bool) -> Double {
        let sign: UInt64 = negative ? 1 << 63 : 0
        if w == 0 || q < PowersOfFive.smallestExponent { return Double(bitPattern: sign) }
        if q > PowersOfFive.largestExponent { return Double(bitPattern: sign | 0x7FF0_0000_0000_0000) }
        let leadingZeros = w.leadingZeroBitCount
        let normalised = w << UInt64(leadingZeros)
        let index = 2 * (q - PowersOfFive.smallestExponent)
        var (high, low) = normalised.multipliedFullWidth(by: powersOfFive[index])
        // 52 explicit significand bits + 3: the guard bits below them are all ones?
        let precisionMask: UInt64 = UInt64.max >> 55
        if high & precisionMask == precisionMask {
            let second = normalised.multipliedFullWidth(by: powersOfFive[index + 1]).high
            let (sum, carry) = low.addingReportingOverflow(second)
            low = sum
            if carry { high &+= 1 }
        }
        let upperBit = Int(high >> 63)
        let shift = upperBit + 64 - 52 - 3
        var mantissa = high >> UInt64(shift)
        // Biased binary exponent: ⌊q·log2 10⌋ + 63, corrected for the normalisation; bias 1023.
        var power2 = ((217_706 * q) >> 16) + 63 + upperBit - leadingZeros + 1023
        if power2 <= 0 {
            // Subnormal (or underflow to zero): shift into place, round half up
            // on the extra bit, and take the exponent field from the result.
            if -power2 + 1 >= 64 { return Double(bitPattern: sign) }
            mantissa >>= UInt64(-power2 + 1)
            mantissa += mantissa & 1
            mantissa >>= 1
            power2 = mantissa < (1 << 52) ? 0 : 1
            return Double(bitPattern: sign | mantissa | (UInt64(power2) << 52))
        }
        // Exactly halfway between two doubles: round to even instead of up.
        if low <= 1 && q >= -4 && q <= 23 && mantissa & 3 == 1 && (mantissa << UInt64(shift)) == high {
            mantissa &= ~1
        }
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >= (2 << 52) {
            mantissa = 1 << 52
            power2 += 1
        }
        mantissa &= ~(1 << 52)
        if power2 >= 0x7FF { return Double(bitPattern: sign | 0x7FF0_0000_0000_0000) }
        return Double(bitPattern: sign | mantissa | (UInt64(power2) << 52))
    }
}
