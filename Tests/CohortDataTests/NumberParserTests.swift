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
