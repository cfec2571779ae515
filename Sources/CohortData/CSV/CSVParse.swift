/// One run of `CSVReader` over an in-memory buffer: header, pass 1
/// (structure + numbers), pass 2 (text and date columns). See `CSVReader`.
struct CSVParse {
    let base: UnsafePointer<UInt8>
    let count: Int
    let fileName: String
    let delimiter: UInt8
    let extraMissing: [[UInt8]]
    let options: CSVOptions
    /// The bytes `base` points into, when their parsed pages may be released
    /// (a memory-mapped file); `nil` for bytes the caller owns.
    let source: InputBytes?
    /// The `--date-format` pattern, when one was given.
    let datePattern: DatePattern?
    /// The text's line breaks and quotes by block, when the encoding check counted them.
    let breakCounts: BreakCounts?
    var names: [String] = []
    /// Offset just after the header record, and the line it starts on.
    var dataStart = 0
    var dataLine = 2

    init(
        base: UnsafePointer<UInt8>, count: Int, fileName: String, delimiter: CSVOptions.Delimiter,
        options: CSVOptions, source: InputBytes? = nil, breakCounts: BreakCounts? = nil
    ) {
        self.source = source
        self.breakCounts = breakCounts
        self.base = base
        self.count = count
        self.fileName = fileName
        self.delimiter = delimiter.byte
        self.extraMissing = options.extraMissingTokens.map { Array($0.utf8) }
        self.options = options
        if case .pattern(let p)? = options.dateFormat { datePattern = p } else { datePattern = nil }
    }

    mutating func run() throws -> Cohort {
        try readHeader()
        var cohort = try readColumns()
        cohort.input = InputDescription(
            format: .csv, delimiter: String(UnicodeScalar(delimiter)), decimal: options.decimal.rawValue,
            encoding: options.encoding?.rawValue, dateFormat: options.dateFormat?.description)
        return cohort
    }

    // MARK: Header

    private mutating func readHeader() throws {
        var start = 0
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { start = 3 }
        var tok = CSVTokenizer(base, count: count, delimiter: delimiter, start: start)
        // Leading empty lines are skipped; the first non-empty line is the header.
        while !tok.atEnd && tok.skipBlankLine() {}
        if tok.atEnd {
            throw CohortError(.emptyFile, file: fileName, message: "empty file: expected a header row")
        }
        let headerLine = tok.line
        var field = CSVField()
        var raw: [String] = []
        repeat {
            do {
                try tok.next(&field)
            } catch {
                throw scanError(error, column: raw.count)
            }
            var text = tok.text(field)
            if !field.quoted { text = Self.trimBlanks(text) }
            raw.append(text)
        } while !field.endsRecord
        var seen: [String: Int] = [:]
        for (k, name) in raw.enumerated() {
            var name = name
            if name.isEmpty { name = seen["X"] == nil && !raw.contains("X") ? "X" : "X\(k + 1)" }
            if let first = seen[name] {
                throw CohortError(
                    .duplicateHeader, file: fileName, line: headerLine, column: name, columnPosition: k + 1,
                    message: "duplicate column name (also column \(first + 1))")
            }
            seen[name] = k
            names.append(name)
        }
        dataStart = tok.pos
        dataLine = tok.line
    }

    static func trimBlanks(_ s: String) -> String {
        var sub = Substring(s)
        while let c = sub.first, c == " " || c == "\t" { sub.removeFirst() }
        while let c = sub.last, c == " " || c == "\t" { sub.removeLast() }
        return String(sub)
    }

    // MARK: Errors

    func scanError(_ error: CSVScanError, column k: Int?) -> CohortError {
        let (name, position) = k.flatMap { $0 < names.count ? ($0, $0 + 1) : nil }
            .map { (Optional(names[$0.0]), Optional($0.1)) } ?? (nil, nil)
        switch error {
        case .unterminatedQuote(let line):
            return CohortError(
                .unterminatedQuote, file: fileName, line: line, column: name, columnPosition: position,
                message: "unterminated quoted field: a field opened with \" is never closed")
        case .characterAfterQuote(let line, let byte):
            let shown = byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "byte \(byte)"
            return CohortError(
                .malformedQuote, file: fileName, line: line, column: name, columnPosition: position,
                message: "expected a delimiter or line end after the closing quote, found \"\(shown)\"")
        }
    }

    // MARK: Missing tokens

    /// Whether trimmed bytes `[s, e)` are a missing-value token.
    @inline(__always)
    func isMissing(_ s: Int, _ e: Int) -> Bool {
        let length = e - s
        if length == 0 { return true }
        if length == 1 && base[s] == UInt8(ascii: ".") { return true }
        if length == 2 && base[s] == UInt8(ascii: "N") && base[s + 1] == UInt8(ascii: "A") { return true }
        if extraMissing.isEmpty { return false }
        return isExtraMissing(s, e)
    }

    func isExtraMissing(_ s: Int, _ e: Int) -> Bool {
        outer: for token in extraMissing where token.count == e - s {
            for k in 0..<token.count where token[k] != base[s + k] { continue outer }
            return true
        }
        return false
    }
}
