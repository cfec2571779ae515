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
