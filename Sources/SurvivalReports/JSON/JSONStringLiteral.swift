/// A JSON string literal as RFC 8259 writes it: `"` and `\` escaped, the
/// control characters as `\n`, `\r`, `\t` or `\u00XX`, everything else as is
/// (UTF-8, slashes unescaped) — the spelling of Python's `json.dumps(...,
/// ensure_ascii=False)`, which nbformat uses, and of the site summaries.
enum JSONStringLiteral {
    /// Appends the literal of `s` (with its quotes) to `out`.
    static func append(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }

    /// The literal of `s`, with its quotes.
    static func of(_ s: String) -> String {
        var out = ""
        append(s, to: &out)
        return out
    }
}
