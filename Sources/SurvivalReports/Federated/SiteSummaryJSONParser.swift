/// A JSON document as the site-summary reader sees it: numbers kept as their
/// text (so `Double(text)` reads exactly the double that was written, and
/// integers can be told from fractions), objects with their keys in order.
enum SiteJSON: Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([SiteJSON])
    case object([(String, SiteJSON)])

    static func == (a: SiteJSON, b: SiteJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: return false
        }
    }

    /// The value under `key` of an object.
    subscript(key: String) -> SiteJSON? {
        guard case .object(let entries) = self else { return nil }
        return entries.first { $0.0 == key }?.1
    }

    /// The value as a short text for messages (`"km"`, `2`, `[…]`).
    var shown: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let t): return t
        case .string(let s): return SiteSummary.quoted(s.count > 60 ? String(s.prefix(60)) + "…" : s)
        case .array(let a): return "an array of \(a.count)"
        case .object: return "an object"
        }
    }
}

/// A strict JSON parser (RFC 8259) for site summaries: nesting at most 64
/// deep, errors located by line and column; never crashes on bad input.
struct SiteJSONParser {
    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses the whole document.
    static func parse(_ bytes: [UInt8]) throws(SiteSummaryError) -> SiteJSON {
        var p = SiteJSONParser(bytes)
        p.skipSpace()
        let value = try p.value()
        p.skipSpace()
        guard p.i == bytes.count else { throw p.error("unexpected text after the JSON document") }
        return value
    }

    private func error(_ what: String) -> SiteSummaryError {
        var line = 1, column = 1
        for b in bytes[..<min(i, bytes.count)] {
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        return SiteSummaryError("line \(line), column \(column): not valid JSON: \(what)")
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    private mutating func value() throws(SiteSummaryError) -> SiteJSON {
        guard i < bytes.count else { throw error("the document ends early") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func literal(_ word: String) throws(SiteSummaryError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw error("expected a value")
        }
        i += w.count
    }

    private mutating func enter() throws(SiteSummaryError) {
        depth += 1
        guard depth <= 64 else { throw error("nested more than 64 deep") }
    }

    private mutating func object() throws(SiteSummaryError) -> SiteJSON {
        try enter()
        defer { depth -= 1 }
        i += 1
        var entries: [(String, SiteJSON)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(entries) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
            let key = try string()
            if entries.contains(where: { $0.0 == key }) { throw error("duplicate key \(SiteSummary.quoted(key))") }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            i += 1
            skipSpace()
            entries.append((key, try value()))
            skipSpace()
            guard i < bytes.count else { throw error("the document ends inside an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(entries) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func array() throws(SiteSummaryError) -> SiteJSON {
        try enter()
        defer { depth -= 1 }
        i += 1
        var items: [SiteJSON] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw error("the document ends inside an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func number() throws(SiteSummaryError) -> String {
        let start = i
        func digits(_ p: inout SiteJSONParser) -> Int {
            let s = p.i
            while p.i < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.i]) { p.i += 1 }
            return p.i - s
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        guard digits(&self) > 0 else { throw error("expected a value") }
        if bytes[intStart] == UInt8(ascii: "0") && i - intStart > 1 { throw error("a number has a leading zero") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw error("expected digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw error("expected digits in the exponent") }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func string() throws(SiteSummaryError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw error("a string is not UTF-8") }
                return s
            }
            if b < 0x20 { throw error("a control character inside a string") }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        guard i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u")
                        else { throw error("an unpaired surrogate escape") }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("an unpaired surrogate escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("an invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw error("an invalid escape")
                }
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        throw error("the document ends inside a string")
    }

    /// Reads the 4 hex digits after `\u` (leaves `i` on the last one).
    private mutating func hex4() throws(SiteSummaryError) -> UInt32 {
        guard i + 4 < bytes.count else { throw error("a short \\u escape") }
        var v: UInt32 = 0
        for k in 1...4 {
            guard let d = UInt32(String(UnicodeScalar(bytes[i + k])), radix: 16) else { throw error("a bad \\u escape") }
            v = v * 16 + d
        }
        i += 4
        return v
    }
}
