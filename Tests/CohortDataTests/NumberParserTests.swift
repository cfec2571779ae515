import Foundation
import Testing
@testable import CohortData

@Suite("Number parsing")
struct NumberParserTests {
    /// The fast path must agree bit for bit with strtod (Clinger's theorem);
    /// checked on seeded pseudo-random decimals of varied length and exponent.
    @Test func agreesWithStrtodBitForBit() {
        let parser = NumberParser()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        for _ in 0..<20_000 {
            let digits = Int(next() % 20) + 1
            var text = next() % 2 == 0 ? "-" : ""
            var mantissa = ""
            for _ in 0..<digits { mantissa += String(next() % 10) }
            let point = Int(next() % UInt64(digits + 1))
            text += String(mantissa.prefix(point)) + "." + String(mantissa.dropFirst(point))
            if next() % 3 == 0 { text += "e\(Int(next() % 60) - 30)" }
            let expected = strtod(text, nil)
            let got = parser.parse(text)
            #expect(got?.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    /// The Eisel–Lemire path (mantissas above 2^53, exponents beyond ±22,
    /// subnormals, overflow) agrees with strtod bit for bit: seeded random
    /// 1–19-digit mantissas with exponents over the whole double range, and
    /// every double's shortest and 17-digit forms.
    @Test func eiselLemireAgreesWithStrtodOverTheWholeRange() {
        let parser = NumberParser()
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var checked = 0
        for _ in 0..<60_000 {
            let digits = Int(next() % 19) + 1
            var mantissa = String(next() % 9 + 1)
            for _ in 1..<digits { mantissa += String(next() % 10) }
            let exponent = Int(next() % 700) - 360
            let text = (next() % 2 == 0 ? "-" : "") + mantissa + "e\(exponent)"
            #expect(parser.parse(text)?.bitPattern == strtod(text, nil).bitPattern, "\(text)")
            checked += 1
        }
        for _ in 0..<60_000 {
            // A random finite double, printed shortest and with 17 digits.
            var bits = next()
            if (bits >> 52) & 0x7FF == 0x7FF { bits ^= 1 << 62 }
            let x = Double(bitPattern: bits)
            for text in ["\(x)", String(format: "%.17g", x), String(format: "%.16e", x)] {
                #expect(parser.parse(text)?.bitPattern == strtod(text, nil).bitPattern, "\(text)")
                checked += 1
            }
        }
        #expect(checked == 240_000)
    }

    /// Boundary cases: the largest and smallest doubles, subnormals, values
    /// that round up to the next power of two, exact halfway cases that must
    /// round to even, overflow to infinity and underflow to zero.
    @Test func eiselLemireBoundaryCases() {
        let parser = NumberParser()
        let cases = [
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "2e308",
            "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9406564584124654e-324",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "5e-324", "3e-324",
            "9007199254740993", "9007199254740995", "9007199254740992.5", "18014398509481985",
            "9223372036854775807", "9223372036854775808", "18446744073709551615", "1e23",
            "8.98846567431158e307", "0.1", "0.30000000000000004", "123456789012345678e-5",
            "7.2057594037927933e16", "1e-22", "1e22", "1e-23", "4503599627370497.5", "0e400",
            "-0.0", "1234567890123456789e-342", "1e308", "1e-308", "6.631236846766476e-316",
        ]
        for text in cases {
            #expect(parser.parse(text)?.bitPattern == strtod(text, nil).bitPattern, "\(text)")
        }
    }

    /// The eight-digits-at-a-time steps: runs of leading zeros of every length
    /// before and after the decimal mark (each group of eight may be all zeros,
    /// part zeros or none), integer and fraction runs of 1–30 digits (so that
    /// groups end exactly at, before and beyond the 19 digits kept), and a
    /// number followed by more text in the same eight bytes (a delimiter, an
    /// exponent, a second mark) — all as strtod, bit for bit.
    @Test func eightDigitStepsAgreeWithStrtod() {
        let parser = NumberParser()
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        func digits(_ k: Int) -> String { String((0..<k).map { _ in Character(String(next(10))) }) }
        var checked = 0
        for _ in 0..<40_000 {
            let zerosBefore = String(repeating: "0", count: next(12))
            let integer = next(4) == 0 ? "" : String(next(9) + 1) + digits(next(24))
            let zerosAfter = String(repeating: "0", count: next(20))
            let fraction = digits(next(26))
            var text = (next(3) == 0 ? "-" : "") + zerosBefore + integer
            if next(4) != 0 { text += "." + zerosAfter + fraction }
            guard text.contains(where: \.isNumber) else { continue }
            let hasExponent = next(5) == 0
            if hasExponent { text += "e\(next(40) - 20)" }
            let expected = strtod(text, nil)
            #expect(parser.parse(text)?.bitPattern == expected.bitPattern, "\(text)")
            // The same number with text after it: the scan stops at the number's end.
            for tail in [",", ",12345678", "\n", ".5", "x"] {
                let bytes = Array((text + tail).utf8)
                let scanned = bytes.withUnsafeBufferPointer { b in parser.scan(b.baseAddress!, 0, b.count) }
                // ".5" after a number without a mark or exponent continues it.
                let runsOn = tail == ".5" && !text.contains(".") && !hasExponent
                if let (value, stop) = scanned {
                    #expect(stop == text.utf8.count + (runsOn ? 2 : 0), "\(text + tail)")
                    if !runsOn { #expect(value.bitPattern == expected.bitPattern, "\(text + tail)") }
                } else {
                    // Only mantissas of more than 19 significant digits go to strtod.
                    let significant = (zerosBefore + integer + (text.contains(".") ? zerosAfter + fraction : "")
                        + (runsOn ? "5" : "")).drop { $0 == "0" }.count
                    #expect(significant > 19, "\(text + tail)")
                }
            }
            checked += 1
        }
        #expect(checked > 30_000)
    }

    @Test func rejectsNonNumbers() {
        let parser = NumberParser()
        for text in ["", "-", ".", "1e", "abc", "1.2.3", "0x10", "1,5", "12a"] {
            #expect(parser.parse(text) == nil, "\(text)")
        }
        #expect(parser.parse("+4") == 4)
        #expect(parser.parse("-Inf") == -.infinity)
        #expect(parser.parse("1E+2") == 100)
    }
}
