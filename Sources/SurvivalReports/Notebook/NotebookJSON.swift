/// A minimal JSON value with a deterministic writer, for notebooks: object
/// keys sorted, one-space indentation (as Python's `nbformat.write`), strings
/// escaped as JSON requires and nothing more (non-ASCII text stays UTF-8).
enum NotebookJSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case null
    case array([NotebookJSON])
    case object([String: NotebookJSON])

    /// The document text with a final newline.
    func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .string(let s): JSONStringLiteral.append(s, to: &out)
        case .int(let i): out += String(i)
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += k + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (k, key) in keys.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                JSONStringLiteral.append(key, to: &out)
                out += ": "
                members[key]?.write(into: &out, indent: indent + 1)
                out += k + 1 < keys.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// Text as nbformat's multi-line string: a list of lines, each but the last ending in `\n`.
    static func lines(_ text: String) -> NotebookJSON {
        var parts: [NotebookJSON] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if ch == "\n" {
                parts.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { parts.append(.string(current)) }
        return .array(parts)
    }
}
