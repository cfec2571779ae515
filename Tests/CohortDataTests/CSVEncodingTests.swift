import Testing
@testable import CohortData

/// Reads raw bytes (not necessarily UTF-8).
func cohort(bytes: [UInt8], _ options: CSVOptions = CSVOptions(), file: String = "test.csv") throws -> Cohort {
    try CSVReader(options: options).read(bytes: bytes, fileName: file)
}

@Suite("CSV encodings, NUL bytes and UTF-16")
struct CSVEncodingTests {
    /// `time,status,city` with `Zürich`, `Zärich` (and `Z<byte>rich`) in Latin-1.
    static func latin1(_ extra: UInt8? = nil) -> [UInt8] {
        var bytes = Array("time,status,city\n5,1,Z".utf8) + [0xFC] + Array("rich\n6,0,Z".utf8) + [0xE4] + Array("rich\n".utf8)
        if let extra { bytes += Array("7,1,Z".utf8) + [extra] + Array("rich\n".utf8) }
        return bytes
    }

    @Test func latin1GivesTwoDistinctLevels() throws {
        let c = try cohort(bytes: Self.latin1(), CSVOptions(encoding: .latin1))
        let (levels, codes) = try #require(c.column(named: "city")?.levelsAndCodes)
        #expect(levels == ["Zärich", "Zürich"])
        #expect(codes == [1, 0])
        #expect(c.input.encoding == "latin1")
        #expect(c.column(named: "time")?.numbers == [5, 6])
    }

    @Test func windows1252MapsTheC1RangeToItsCharacters() throws {
        let c = try cohort(bytes: Self.latin1(0x80), CSVOptions(encoding: .windows1252))
        #expect(c.column(named: "city")?.levelsAndCodes?.0 == ["Zärich", "Zürich", "Z€rich"])
        #expect(c.input.encoding == "windows-1252")
        let quotes = try cohort(bytes: Array("q\n".utf8) + [0x93, 0x78, 0x94, 0x0A, 0x9A, 0x0A, 0x9F, 0x0A, 0x81, 0x0A], CSVOptions(encoding: .windows1252))
        #expect(quotes.column(named: "q")?.levelsAndCodes?.0 == ["\u{81}", "š", "Ÿ", "“x”"])
        // Latin-1 keeps 0x80-0x9F as the C1 control characters.
        let latin = try cohort(bytes: Self.latin1(0x80), CSVOptions(encoding: .latin1))
        #expect(latin.column(named: "city")?.levelsAndCodes?.0 == ["Z\u{80}rich", "Zärich", "Zürich"])
        #expect(TextEncoding(argument: "CP1252") == .windows1252 && TextEncoding(argument: "ISO-8859-1") == .latin1)
    }

    @Test func validUTF8IsReadAsIs() throws {
        let c = try cohort("city\nZürich\nZärich\ncittà\n")
        #expect(c.column(named: "city")?.levelsAndCodes?.0 == ["Zärich", "Zürich", "città"])
        #expect(c.input.encoding == nil)
        #expect(try cohort("city\nZürich\n", CSVOptions(encoding: .utf8)).input.encoding == "utf-8")
    }

    @Test func invalidUTF8NamesLineColumnBytesAndTheEncodingOption() {
        let error = cohortError { try cohort(bytes: Self.latin1()) }
        #expect(error?.kind == .invalidEncoding)
        #expect(error?.description == "test.csv: line 2, column \"city\" (3): invalid UTF-8 byte 0xFC in \"Z\u{FFFD}rich\": "
            + "the file is not UTF-8; if it was saved as Latin-1 or Windows \"ANSI\", read it with --encoding latin1 "
            + "or --encoding windows-1252")
        // A lead byte with one good continuation and then a bad one; a sequence cut by the end of the file.
        let cut = cohortError { try cohort(bytes: Array("a,b\n1,x".utf8) + [0xE2, 0x82, 0x41]) }
        #expect(cut?.description.hasPrefix("test.csv: line 2, column \"b\" (2): invalid UTF-8 bytes 0xE2 0x82 in ") == true)
        let end = cohortError { try cohort(bytes: Array("a,b\n1,x".utf8) + [0xC3]) }
        #expect(end?.description.hasPrefix("test.csv: line 2, column \"b\" (2): invalid UTF-8 byte 0xC3 in ") == true)
        // Overlong forms and surrogates are not UTF-8 either.
        #expect(cohortError { try cohort(bytes: Array("a\n".utf8) + [0xC0, 0xAF]) }?.kind == .invalidEncoding)
        #expect(cohortError { try cohort(bytes: Array("a\n".utf8) + [0xED, 0xA0, 0x80]) }?.kind == .invalidEncoding)
    }

    @Test func nulByteIsLocated() {
        let error = cohortError { try cohort(bytes: Array("time,status,city\n5,1,a\n6,0,b".utf8) + [0] + Array("c\n".utf8)) }
        #expect(error?.kind == .invalidEncoding)
        #expect(error?.description == "test.csv: line 3, column \"city\" (3): found a NUL byte (0x00) in \"b\\0c\": this is "
            + "not a text file in UTF-8 — perhaps UTF-16 text or a binary file (such as .xlsx); re-save it as UTF-8 CSV")
        // In the header: the column by position; UTF-16 without a byte order mark shows NULs in line 1.
        let header = cohortError { try cohort(bytes: Array("a,b".utf8) + [0] + Array("\n1,2\n".utf8)) }
        #expect(header?.description.hasPrefix("test.csv: line 1, column 2: found a NUL byte (0x00) in \"b\\0\"") == true)
        // Also with a single-byte encoding.
        let latin = cohortError { try cohort(bytes: Self.latin1() + Array("7,1,x".utf8) + [0], CSVOptions(encoding: .latin1)) }
        #expect(latin?.line == 4)
        #expect(latin?.column == "city")
    }

    @Test func utf16ByteOrderMarksAreNamed() {
        let little = cohortError { try cohort(bytes: [0xFF, 0xFE] + Array("t\0,\0".utf8)) }
        #expect(little?.kind == .invalidEncoding)
        #expect(little?.description == "test.csv: line 1: the file is UTF-16 text (little-endian, byte order mark FF FE), "
            + "which survkit does not read: re-save it as UTF-8 CSV (in Excel: \"CSV UTF-8 (Comma delimited)\")")
        let big = cohortError { try cohort(bytes: [0xFE, 0xFF, 0, 0x74]) }
        #expect(big?.description.contains("UTF-16 text (big-endian, byte order mark FE FF)") == true)
    }

    @Test func utf8ByteOrderMarkContradictsASingleByteEncoding() {
        let error = cohortError { try cohort(bytes: [0xEF, 0xBB, 0xBF] + Array("a\n1\n".utf8), CSVOptions(encoding: .latin1)) }
        #expect(error?.description == "test.csv: line 1: the file starts with a UTF-8 byte order mark, so it is UTF-8 "
            + "text, not latin1: drop --encoding latin1")
    }

    @Test func asciiScanFindsTheFirstSpecialByteAtEveryAlignment() {
        for position in 0..<40 {
            for special: UInt8 in [0x00, 0x80, 0xFF] {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 40)
                bytes[position] = special
                let found = bytes.withUnsafeBufferPointer { b in
                    b.baseAddress.flatMap { ByteScan.firstNonASCIIOrNUL($0, count: b.count) }
                }
                #expect(found == position)
            }
        }
        let clean = [UInt8](repeating: 0x7F, count: 37)
        #expect(clean.withUnsafeBufferPointer { b in b.baseAddress.flatMap { ByteScan.firstNonASCIIOrNUL($0, count: b.count) } } == nil)
    }

    /// The encoding check's sweep counts as a byte-by-byte count does — LF,
    /// CR not followed by LF (looking past the range's end), quotes — and finds
    /// the first byte ≥ 0x80 or NUL, on random text and random ranges.
    @Test func surveyCountsLikeAByteLoop() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x22, 0x2C, 0x31, 0x41, 0x20]
        for round in 0..<300 {
            let n = 1 + next(9_000)
            var bytes = (0..<n).map { _ in alphabet[next(alphabet.count)] }
            if round % 3 == 0 { bytes[next(n)] = next(2) == 0 ? 0x00 : 0xC3 }
            let from = next(n), to = from + next(n - from + 1)
            var breaks = 0, quotes = 0
            var special: Int?
            for i in from..<to {
                let c = bytes[i]
                if c == 0x0A || (c == 0x0D && (i + 1 >= n || bytes[i + 1] != 0x0A)) { breaks += 1 }
                if c == 0x22 { quotes += 1 }
                if special == nil && (c == 0 || c >= 0x80) { special = i }
            }
            bytes.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress else { return }
                let survey = ByteScan.survey(base, count: n, from: from, to: to)
                #expect(survey.breaks == breaks && survey.quotes == quotes && survey.special == special,
                        "round \(round): \(from)..<\(to) of \(n)")
            }
        }
    }

    /// The scan checks 1 KB blocks of 64-byte steps: a special byte in any
    /// lane of any step, at a block's edges, in the tail after the last whole
    /// block, or two of them in one block — the first is found; a scan that
    /// starts after one finds the next.
    @Test func asciiScanFindsTheFirstSpecialByteAcrossBlocks() {
        let size = 3000
        let clean = [UInt8](repeating: UInt8(ascii: "7"), count: size)
        #expect(clean.withUnsafeBufferPointer { b in b.baseAddress.flatMap { ByteScan.firstNonASCIIOrNUL($0, count: b.count) } } == nil)
        let positions = [0, 15, 16, 63, 64, 1000, 1023, 1024, 1025, 2047, 2048, 2100, 2999]
        for position in positions {
            for special: UInt8 in [0x00, 0x80, 0xC3] {
                var bytes = clean
                bytes[position] = special
                if position + 5 < size { bytes[position + 5] = 0x00 }
                bytes.withUnsafeBufferPointer { b in
                    guard let base = b.baseAddress else { return }
                    #expect(ByteScan.firstNonASCIIOrNUL(base, count: size) == position)
                    #expect(ByteScan.firstNonASCIIOrNUL(base, count: size, from: position + 1)
                        == (position + 5 < size ? position + 5 : nil))
                    // A count that stops before the special byte does not see it.
                    #expect(ByteScan.firstNonASCIIOrNUL(base, count: position) == nil)
                }
            }
        }
    }
}
