import SurvivalNumerics

/// The text a `CSVParse` runs over, prepared from the raw bytes of a file:
/// gzip data decompressed, UTF-16 and NUL bytes rejected, UTF-8 validated or
/// Latin-1 / Windows-1252 transcoded, and the delimiter chosen (given or
/// detected).
///
/// Clean ASCII input — the usual case — costs one vector sweep, which also
/// counts what the chunked reader needs, and no copy (see `ByteScan`).
struct CSVInput {
    /// UTF-8 text (possibly with a UTF-8 byte order mark, which the parser skips).
    var text: InputBytes
    var delimiter: CSVOptions.Delimiter
    /// The line breaks and quotes of `text` by block, counted by the encoding
    /// check's sweep; `nil` when the text was transcoded (other bytes).
    var breakCounts: BreakCounts?

    init(_ raw: InputBytes, fileName: String, options: CSVOptions) throws {
        let compressed = raw.withBytes { Gzip.isCompressed($0) }
        let source = compressed ? InputBytes(try Gzip.decompress(raw.array, fileName: fileName)) : raw
        let (delimiter, transcoded, counts) = try source.withBytes { buffer in
            try Self.prepare(buffer, fileName: fileName, options: options, source: source)
        }
        self.text = transcoded.map { InputBytes($0) } ?? source
        self.delimiter = delimiter
        self.breakCounts = transcoded == nil ? counts : nil
    }

    /// Checks the encoding and chooses the delimiter; returns the transcoded
    /// text when the input was Latin-1 / Windows-1252 with non-ASCII bytes,
    /// and the line breaks and quotes counted on the way.
    private static func prepare(
        _ bytes: UnsafeBufferPointer<UInt8>, fileName: String, options: CSVOptions,
        source: InputBytes
    ) throws -> (CSVOptions.Delimiter, [UInt8]?, BreakCounts?) {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            let order = bytes[0] == 0xFF ? "little-endian, byte order mark FF FE" : "big-endian, byte order mark FE FF"
            throw CohortError(
                .invalidEncoding, file: fileName, line: 1,
                message: "the file is UTF-16 text (\(order)), which survkit does not read: re-save it as "
                    + "UTF-8 CSV (in Excel: \"CSV UTF-8 (Comma delimited)\")")
        }
        let encoding = options.encoding ?? .utf8
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if hasBOM && encoding != .utf8 {
            throw CohortError(
                .invalidEncoding, file: fileName, line: 1,
                message: "the file starts with a UTF-8 byte order mark, so it is UTF-8 text, not "
                    + "\(encoding.rawValue): drop --encoding \(encoding.rawValue)")
        }
        let start = hasBOM ? 3 : 0
        var delimiter = options.delimiter ?? .comma
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (delimiter, nil, nil) }
        let n = bytes.count
        if options.delimiter == nil { delimiter = DelimiterDetection.detect(base, count: n, start: start, decimal: options.decimal) }
        // One sweep through the input in blocks (4 MB) on all cores finds the
        // first byte that is not ASCII and counts the line breaks and quotes
        // the chunked reader needs. A file above `keepMappedBytes` has each
        // block handed back once swept, so that it is never resident as a
        // whole; a smaller one stays mapped for the reader's pass, which then
        // finds its pages in place (and hands them back itself). The first
        // finding is the smallest offset found.
        let blockSize = Swift.max(1, options.surveyBlockBytes)
        let handBack = n > options.keepMappedBytes
        let blocks = (n - start + blockSize - 1) / blockSize
        var found = [Int](repeating: Int.max, count: Swift.max(blocks, 1))
        var breaks = [Int](repeating: 0, count: blocks)
        var quotes = breaks
        found.withUnsafeMutableBufferPointer { out in
        breaks.withUnsafeMutableBufferPointer { bp in
        quotes.withUnsafeMutableBufferPointer { qp in
            let shared = UncheckedSendable((out, bp, qp, base, source))
            ParallelLoop.run(blocks, threads: options.threads ?? ParallelLoop.coreCount) { b in
                let (out, bp, qp, base, source) = shared.value
                let blockStart = start + b * blockSize, blockEnd = Swift.min(n, blockStart + blockSize)
                let survey = ByteScan.survey(base, count: n, from: blockStart, to: blockEnd)
                out[b] = survey.special ?? Int.max
                bp[b] = survey.breaks
                qp[b] = survey.quotes
                if handBack { source.release(blockStart, blockEnd) }
            }
        }}}
        let counts = BreakCounts(start: start, blockSize: blockSize, breaks: breaks, quotes: quotes)
        guard let first = found.min(), first != Int.max else { return (delimiter, nil, counts) }
        let locator = CSVLocator(base: base, count: n, delimiter: delimiter.byte, start: start)
        if encoding == .utf8 {
            guard let problem = ByteScan.firstUTF8Problem(base, count: n, from: first) else {
                return (delimiter, nil, counts)
            }
            throw Self.error(problem, locator: locator, fileName: fileName)
        }
        let (text, nul) = Transcoding.toUTF8(base, count: n, from: first, encoding: encoding)
        if let nul { throw Self.error(.nul(offset: nul), locator: locator, fileName: fileName) }
        return (delimiter, text, nil)
    }

    /// The located error for a NUL byte or an invalid UTF-8 sequence.
    static func error(_ problem: ByteScan.Problem, locator: CSVLocator, fileName: String) -> CohortError {
        let at = locator.locate(problem.offset)
        let value = shown(at.field)
        let message: String
        switch problem {
        case .nul:
            message = "found a NUL byte (0x00) in \(value): this is not a text file in UTF-8 — perhaps "
                + "UTF-16 text or a binary file (such as .xlsx); re-save it as UTF-8 CSV"
        case .invalidUTF8(let offset, let length):
            let hex = (0..<length).map { k in hexByte(locator.base[offset + k]) }.joined(separator: " ")
            message = "invalid UTF-8 \(length == 1 ? "byte" : "bytes") \(hex) in \(value): the file is not "
                + "UTF-8; if it was saved as Latin-1 or Windows \"ANSI\", read it with --encoding latin1 or "
                + "--encoding windows-1252"
        }
        return CohortError(
            .invalidEncoding, file: fileName, line: at.line, column: at.column, columnPosition: at.position,
            message: message)
    }

    /// A field's bytes quoted for a message: invalid UTF-8 as U+FFFD, NUL as `\0`, at most 40 characters.
    static func shown(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes, as: UTF8.self).replacingNUL()
        if text.count > 40 { text = String(text.prefix(40)) + "…" }
        return "\"\(text)\""
    }

    static func hexByte(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0x0F)])
    }
}

extension String {
    /// NUL characters written as `\0`.
    fileprivate func replacingNUL() -> String {
        guard contains("\u{0}") else { return self }
        return String(unicodeScalars.map { $0 == "\u{0}" ? "\\0" : String($0) }.joined())
    }
}
