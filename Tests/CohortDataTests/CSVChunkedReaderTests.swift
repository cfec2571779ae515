import Testing
@testable import CohortData

/// The chunked (multi-threaded) first pass reads exactly what one sequential
/// pass reads — the same columns bit for bit, the same lines, the same errors —
/// on inputs built to strain the split: CRLF and lone-CR line ends, blank
/// lines, quoted fields with delimiters and line breaks, stray quotes inside
/// unquoted fields, text and literal NaN values that appear only in late
/// chunks. Chunks of a few dozen bytes make every split point land somewhere
/// awkward.
@Suite("Chunked CSV reading equals sequential reading")
struct CSVChunkedReaderTests {
    private func options(threads: Int, chunk: Int? = nil, surveyBlock: Int? = nil) -> CSVOptions {
        var options = CSVOptions()
        options.threads = threads
        if let chunk {
            options.parallelThreshold = 0
            options.chunkBytes = chunk
        }
        if let surveyBlock {
            options.parallelThreshold = 0
            options.surveyBlockBytes = surveyBlock
        }
        return options
    }


    /// Reads `text` sequentially and in chunks of several sizes — counted by
    /// their own sweep (`chunkBytes`), or taken from the encoding check's
    /// block counts (`surveyBlockBytes`; blocks shorter than a line make the
    /// reader count its chunks anew) — which must all give the same cohort or
    /// the same error message. Returns how many of the reads with their own
    /// sweep really ran in chunks.
    @discardableResult
    private func expectSameRead(_ text: String, _ comment: Comment? = nil) -> Int {
        var chunkedReads = 0
        let sequential = Result { try CSVReader(options: options(threads: 1)).read(string: text, fileName: "t.csv") }
        let sizes: [(chunk: Int?, block: Int?)] = [1, 7, 23, 64, 500].map { ($0, nil) } + [16, 64, 100, 1000].map { (nil, $0) }
        for (chunk, block) in sizes {
            let chunked = Result {
                try CSVReader(options: options(threads: 2, chunk: chunk, surveyBlock: block)).read(string: text, fileName: "t.csv")
            }
            switch (sequential, chunked) {
            case (.success(let a), .success(let b)):
                #expect(a.readChunks == 0)
                if b.readChunks > 1 && chunk != nil { chunkedReads += 1 }
                #expect(a.names == b.names, comment)
                #expect(a.rowCount == b.rowCount, comment)
                for name in a.names { #expect(identicalColumns(a.column(named: name), b.column(named: name)), "\(name) \(String(describing: chunk)) \(String(describing: block))") }
                for row in 0..<a.rowCount where a.line(ofRow: row) != b.line(ofRow: row) {
                    Issue.record("row \(row): line \(a.line(ofRow: row)) vs \(b.line(ofRow: row)) (chunk \(String(describing: chunk)), block \(String(describing: block)))")
                    break
                }
                #expect(a.literalNaNRows == b.literalNaNRows, comment)
            case (.failure(let a), .failure(let b)):
                #expect("\(a)" == "\(b)", comment)
            default:
                Issue.record("sequential \(sequential) but chunked (\(String(describing: chunk)), \(String(describing: block))) \(chunked)")
            }
        }
        return chunkedReads
    }

    /// Blocks of the encoding check longer than a line give the chunks
    /// without a sweep of their own (the input here is far below the size at
    /// which the reader's own chunks would be more than one).
    @Test func blockCountsGiveTheChunks() throws {
        var lf = "time,status,x\n"
        for i in 0..<300 { lf += "\(i % 97 + 1),\(i % 2),\(Double(i) * 0.37 - 20)\n" }
        for text in [lf, lf.replacingOccurrences(of: "\n", with: "\r\n"), lf.replacingOccurrences(of: "\n", with: "\r")] {
            let cohort = try CSVReader(options: options(threads: 2, surveyBlock: 100)).read(string: text, fileName: "t.csv")
            #expect(cohort.readChunks > 10)
            #expect(cohort.rowCount == 300)
        }
        // A block shorter than a line: the reader counts its own chunks (one here: sequential).
        let long = "a,b\n" + String(repeating: "1,\(String(repeating: "2", count: 300))\n", count: 20)
        let cohort = try CSVReader(options: options(threads: 2, surveyBlock: 100)).read(string: long, fileName: "t.csv")
        #expect(cohort.readChunks == 0)
        #expect(cohort.rowCount == 20)
    }

    @Test func plainNumbersAndLineEnds() {
        var lf = "time,status,x\n"
        for i in 0..<300 { lf += "\(i % 97 + 1),\(i % 2),\(Double(i) * 0.37 - 20)\n" }
        #expect(expectSameRead(lf) == 5)
        #expect(expectSameRead(lf.replacingOccurrences(of: "\n", with: "\r\n"), "CRLF") == 5)
        #expect(expectSameRead(lf.replacingOccurrences(of: "\n", with: "\r"), "CR") == 5)
        expectSameRead(String(lf.dropLast()), "no final line break")
        expectSameRead(lf.replacingOccurrences(of: "1,", with: "1,\n\n"), "blank lines → ragged")
        expectSameRead(lf.replacingOccurrences(of: "\n5", with: "\n\n\n5"), "blank lines between records")
    }

    @Test func quotedFieldsWithDelimitersAndLineBreaks() {
        var text = "id,note,x\n"
        for i in 0..<200 {
            let note: String
            switch i % 5 {
            case 0: note = "\"a, b\""
            case 1: note = "\"two\nlines\""
            case 2: note = "\"say \"\"hi\"\"\""
            case 3: note = "plain"
            default: note = ""
            }
            text += "\(i),\(note),\(i * 3)\n"
        }
        // Quote parity holds at every line break outside the quoted fields, so
        // at least the coarser chunkings run in parallel.
        #expect(expectSameRead(text) >= 1)
        expectSameRead(text.replacingOccurrences(of: "\n", with: "\r\n"), "CRLF")
    }

    @Test func strayQuotesInUnquotedFieldsFallBackCorrectly() {
        var text = "id,height,x\n"
        for i in 0..<200 { text += "\(i),\(i % 3 == 0 ? "5'10\"" : "170"),\(i)\n" }
        expectSameRead(text)
    }

    @Test func valuesThatChangeAColumnsTypeLate() {
        var text = "time,status,x,d\n"
        for i in 0..<400 { text += "\(i + 1),\(i % 2),\(i),2020-01-\(String(format: "%02d", i % 28 + 1))\n" }
        #expect(expectSameRead(text + "401,1,abc,2021-02-03\n", "text in the last record") == 5)
        #expect(expectSameRead(text + "401,1,NaN,2021-02-03\n", "literal NaN late") == 5)
        #expect(expectSameRead(text + "401,1,2,not a date\n", "date column turns text") == 5)
        expectSameRead(text.replacingOccurrences(of: "\n200,", with: "\n200,x,"), "ragged row mid-file")
        expectSameRead(text + "401,1,\"unterminated\n", "unterminated quote at the end")
    }

    /// More than 64 columns read: the columns are filled in separate buffers
    /// and copied out, instead of in place; both ways give the same cohort.
    @Test func wideFilesAreReadAlikeBothWays() throws {
        let columns = 70
        var text = (1...columns).map { "c\($0)" }.joined(separator: ",") + "\n"
        for i in 0..<300 { text += (1...columns).map { j in j == 7 && i == 150 ? "NA" : "\(i * j % 97)" }.joined(separator: ",") + "\n" }
        #expect(expectSameRead(text) == 5)
        let all = try CSVReader().read(string: text, fileName: "t.csv")
        var few = CSVOptions()
        few.columns = ["c1", "c7", "c70"]
        let projected = try CSVReader(options: few).read(string: text, fileName: "t.csv")
        for name in ["c1", "c7", "c70"] { #expect(identicalColumns(all.column(named: name), projected.column(named: name))) }
    }

    /// Seeded random inputs mixing all of the above.
    @Test func randomInputs() {
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let pieces = ["1", "2.5", "-3e2", "", "NA", "\"q,x\"", "\"l\nm\"", "ab", "NaN", "\"\"", "7 ", " 8"]
        for _ in 0..<40 {
            let columns = next(4) + 1
            var text = (1...columns).map { "c\($0)" }.joined(separator: ",") + "\n"
            for _ in 0..<(next(60) + 1) {
                text += (0..<columns).map { _ in pieces[next(pieces.count)] }.joined(separator: ",")
                text += ["\n", "\r\n", "\n\n", "\r"][next(4)]
            }
            expectSameRead(text, "\(text.debugDescription)")
        }
    }
}
