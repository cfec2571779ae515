/// A token of a formula, with its 1-based character position.
struct FormulaToken: Equatable {
    enum Kind: Equatable {
        case name(String)
        case number(Double)
        case symbol(String)
        /// A string literal in single or double quotes (escapes resolved).
        case string(String)
        case end
    }
    var kind: Kind
    var position: Int

    var shown: String {
        switch kind {
        case .name(let n): return "\"\(n)\""
        case .number(let x): return "\"\(NumberFormatting.label(x))\""
        case .symbol(let s): return "\"\(s)\""
        case .string(let s): return FormulaExpression.string(s).text
        case .end: return "the end of the formula"
        }
    }
}

/// Splits a formula into names (R syntactic names with dots and
/// underscores, or `backquoted` names), numbers, strings (`"a"` or `'a'`,
/// with R's backslash escapes) and symbols.
enum FormulaLexer {
    static let symbols = [
        "%in%", "==", "!=", "<=", ">=", "&&", "||", "(", ")", ",", "~", "+", "-", "*", "/", "^", ":", "<", ">",
        "&", "|", "!", "=",
    ]

    static func isSyntacticName(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter || first == "." else { return false }
        if first == ".", s.count > 1, s.dropFirst().first?.isNumber == true { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }
    }

    /// `context` names what is read in error messages (`formula`, `subset`).
    static func tokenize(_ text: String, context: String = "formula") throws -> [FormulaToken] {
        let chars = Array(text)
        var tokens: [FormulaToken] = []
        var i = 0
        func fail(_ message: String, at position: Int) -> CohortError {
            CohortError(.formulaSyntax, message: "in \(context) \"\(text)\": \(message) at position \(position)")
        }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            let start = i
            if c == "`" {
                var j = i + 1
                while j < chars.count && chars[j] != "`" { j += 1 }
                if j >= chars.count { throw fail("unterminated backquoted name", at: start + 1) }
                tokens.append(FormulaToken(kind: .name(String(chars[(i + 1)..<j])), position: start + 1))
                i = j + 1
                continue
            }
            if c == "\"" || c == "'" {
                var j = i + 1
                var value = ""
                while j < chars.count && chars[j] != c {
                    if chars[j] == "\\" && j + 1 < chars.count {
                        j += 1
                        switch chars[j] {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        default: value.append(chars[j])
                        }
                    } else {
                        value.append(chars[j])
                    }
                    j += 1
                }
                if j >= chars.count { throw fail("unterminated string", at: start + 1) }
                tokens.append(FormulaToken(kind: .string(value), position: start + 1))
                i = j + 1
                continue
            }
            let startsNumber = c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber)
            if startsNumber {
                var j = i
                while j < chars.count && (chars[j].isNumber || chars[j] == ".") { j += 1 }
                if j < chars.count && (chars[j] == "e" || chars[j] == "E") {
                    var k = j + 1
                    if k < chars.count && (chars[k] == "+" || chars[k] == "-") { k += 1 }
                    if k < chars.count && chars[k].isNumber {
                        j = k
                        while j < chars.count && chars[j].isNumber { j += 1 }
                    }
                }
                if j < chars.count && chars[j] == "L" { j += 1 }  // R integer literal 1L
                let literal = String(chars[i..<j].filter { $0 != "L" })
                guard let value = NumberParser().parse(literal) else {
                    throw fail("malformed number \"\(String(chars[i..<j]))\"", at: start + 1)
                }
                tokens.append(FormulaToken(kind: .number(value), position: start + 1))
                i = j
                continue
            }
            if c.isLetter || c == "." || c == "_" {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "." || chars[j] == "_") {
                    j += 1
                }
                tokens.append(FormulaToken(kind: .name(String(chars[i..<j])), position: start + 1))
                i = j
                continue
            }
            var matched = false
            for s in symbols {
                let sc = Array(s)
                if i + sc.count <= chars.count && Array(chars[i..<(i + sc.count)]) == sc {
                    tokens.append(FormulaToken(kind: .symbol(s), position: start + 1))
                    i += sc.count
                    matched = true
                    break
                }
            }
            if !matched { throw fail("unexpected character \"\(c)\"", at: start + 1) }
        }
        tokens.append(FormulaToken(kind: .end, position: chars.count + 1))
        return tokens
    }
}
