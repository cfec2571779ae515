/// One field located by `CSVTokenizer`: bytes `[start, end)` of the input
/// (inside the quotes for a quoted field).
struct CSVField {
    var start = 0
    var end = 0
    /// The field was quoted.
    var quoted = false
    /// The quoted field contains `""` escapes and must be unescaped.
    var escaped = false
    /// The field ended its record (newline or end of input).
    var endsRecord = false
}

/// A problem found while tokenizing, with the physical line it refers to.
enum CSVScanError: Error {
    case unterminatedQuote(line: Int)
    case characterAfterQuote(line: Int, byte: UInt8)
}

/// A byte-level RFC 4180 tokenizer over an in-memory buffer.
///
/// Fields are separated by the delimiter; records end at LF, CRLF or a lone
/// CR. A field that starts with `"` is quoted: it runs to the next `"` that
/// is not doubled, may contain delimiters and line breaks, and `""` stands
/// for one quote. A quote inside an unquoted field is kept literally
/// (lenient, as most readers). `line` counts physical lines (1-based) so
/// errors can point at the file as an editor shows it.
struct CSVTokenizer {
    let p: UnsafePointer<UInt8>
    let n: Int
    let delimiter: UInt8
    var pos: Int
    var line: Int

    init(_ p: UnsafePointer<UInt8>, count: Int, delimiter: UInt8, start: Int) {
        self.p = p
        self.n = count
        self.delimiter = delimiter
        self.pos = start
        self.line = 1
    }

    var atEnd: Bool { pos >= n }

    /// Skips empty lines at the current position (only at the start of a record).
    /// Returns true if a line was skipped.
    @inline(__always)
    mutating func skipBlankLine() -> Bool {
        let c = p[pos]
        if c == 0x0A {
            pos += 1
            line += 1
            return true
        }
        if c == 0x0D {
            pos += 1
            if pos < n && p[pos] == 0x0A { pos += 1 }
            line += 1
            return true
        }
        return false
    }

    /// Reads the next field into `f`.
    @inline(__always)
    mutating func next(_ f: inout CSVField) throws(CSVScanError) {
        let delimiter = self.delimiter
        if pos < n && p[pos] == 0x22 {
            try quoted(&f)
        } else {
            let start = pos
            let i = endOfUnquoted(from: pos)
            f.start = start
            f.end = i
            f.quoted = false
            f.escaped = false
            pos = i
        }
        terminate(&f)
    }

    /// The offset of the first delimiter, LF or CR at or after `from` (`n` if
    /// none), eight bytes at a time: a word has a byte equal to `b` when
    /// `(w ^ b·0x01…01)` has a zero byte, found by the classic
    /// `(x − 0x01…01) & ~x & 0x80…80` test (exact for the lowest zero byte,
    /// which is the one taken).
    @inline(__always)
    func endOfUnquoted(from: Int) -> Int {
        var i = from
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let d = UInt64(delimiter) &* ones
        let lf: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        let cr: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let a = w ^ d, b = w ^ lf, c = w ^ cr
            let hit = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & high
            if hit != 0 { return i + hit.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < n {
            let c = p[i]
            if c == delimiter || c == 0x0A || c == 0x0D { return i }
            i += 1
        }
        return n
    }

    @inline(__always)
    mutating func terminate(_ f: inout CSVField) {
        if pos >= n {
            f.endsRecord = true
            return
        }
        let c = p[pos]
        if c == delimiter {
            pos += 1
            f.endsRecord = false
        } else if c == 0x0A {
            pos += 1
            line += 1
            f.endsRecord = true
        } else {  // CR, alone or before LF
            pos += 1
            if pos < n && p[pos] == 0x0A { pos += 1 }
            line += 1
            f.endsRecord = true
        }
    }

    private mutating func quoted(_ f: inout CSVField) throws(CSVScanError) {
        let startLine = line
        var i = pos + 1
        let start = i
        var escaped = false
        while true {
            if i >= n { throw .unterminatedQuote(line: startLine) }
            let c = p[i]
            if c == 0x22 {
                if i + 1 < n && p[i + 1] == 0x22 {
                    escaped = true
                    i += 2
                    continue
                }
                break
            }
            if c == 0x0A || (c == 0x0D && (i + 1 >= n || p[i + 1] != 0x0A)) { line += 1 }
            i += 1
        }
        f.start = start
        f.end = i
        f.quoted = true
        f.escaped = escaped
        pos = i + 1
        if pos < n {
            let c = p[pos]
            if c != delimiter && c != 0x0A && c != 0x0D {
                throw .characterAfterQuote(line: line, byte: c)
            }
        }
    }

    /// The field's text with `""` unescaped.
    func text(_ f: CSVField) -> String {
        let bytes = UnsafeBufferPointer(start: p + f.start, count: f.end - f.start)
        if !f.escaped { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: Self.unescape(bytes), as: UTF8.self)
    }

    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            out.append(bytes[k])
            k += bytes[k] == 0x22 ? 2 : 1
        }
        return out
    }

    /// Trims blanks (space; tab unless it is the delimiter) around an unquoted field.
    @inline(__always)
    func trimmed(_ f: CSVField) -> (Int, Int) {
        var s = f.start
        var e = f.end
        if f.quoted { return (s, e) }
        let tabIsBlank = delimiter != 0x09
        while s < e && (p[s] == 0x20 || (tabIsBlank && p[s] == 0x09)) { s += 1 }
        while e > s && (p[e - 1] == 0x20 || (tabIsBlank && p[e - 1] == 0x09)) { e -= 1 }
        return (s, e)
    }
}
