/// An R expression over columns, as written inside `Surv(...)`, `offset(...)`,
/// `I(...)`, a function term such as `log(age)` or `cut(age, breaks = c(...))`,
/// or a `--subset`: numbers, strings (`"a"` or `'a'`), `TRUE`/`FALSE`/`NA`,
/// column names, `+ - * / ^`, unary minus, comparisons, `%in%`, `&`, `|`, `!`,
/// parentheses and function calls with positional or named arguments.
///
/// What the functions compute is `ExpressionEvaluator`'s business; the list
/// of names the parser accepts is `functions`.
public indirect enum FormulaExpression: Sendable, Equatable {
    case variable(String)
    case number(Double)
    case string(String)
    /// `TRUE`, `FALSE` or `NA` (`nil`).
    case logical(Bool?)
    /// A call with one positional argument: `log(x)`, `I(x)`.
    case call(String, FormulaExpression)
    /// Any other call: `round(x, 2)`, `cut(x, breaks = c(0, 5))`, `c("a", "b")`.
    case function(String, [FormulaArgument])
    case negate(FormulaExpression)
    /// `!x`.
    case not(FormulaExpression)
    /// Parentheses as written, kept because R's deparse keeps them: `I((age - 50)^2)`.
    case parenthesized(FormulaExpression)
    case binary(String, FormulaExpression, FormulaExpression)

    /// The functions an expression may call.
    public static let functions: Set<String> = [
        "log", "log2", "log10", "log1p", "exp", "sqrt", "abs", "floor", "ceiling", "round", "I", "as.numeric",
        "ifelse", "cut", "relevel", "factor", "as.factor", "pmin", "pmax", "is.na", "c",
    ]

    /// Operator precedence (higher binds tighter), as in R: `|` < `&` < `!` <
    /// comparisons < `+ -` < `* /` < `%in%` < unary minus < `^`.
    static func precedence(_ op: String) -> Int {
        switch op {
        case "|": return 1
        case "&": return 2
        case "==", "!=", "<", ">", "<=", ">=": return 4
        case "+", "-": return 5
        case "*", "/": return 6
        case "%in%": return 7
        case "^": return 9
        default: return 0
        }
    }
    /// The precedence of the operand of `!` and of unary minus.
    static let notOperand = 3
    static let negateOperand = 8

    /// The expression as R deparses it: `log(z)`, `stop - start`, `I(age^2)`,
    /// `I(age/10)`, `cut(age, breaks = c(20, 45))`, `x == "a"`.
    public var text: String {
        switch self {
        case .variable(let name):
            return FormulaLexer.isSyntacticName(name) ? name : "`\(name)`"
        case .number(let x):
            return RNumberText.deparse(x)
        case .string(let s):
            var out = "\""
            for c in s {
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default: out.append(c)
                }
            }
            return out + "\""
        case .logical(let b):
            return b.map { $0 ? "TRUE" : "FALSE" } ?? "NA"
        case .call(let f, let argument):
            return "\(f)(\(argument.text))"
        case .function(let f, let arguments):
            return "\(f)(\(arguments.map(\.text).joined(separator: ", ")))"
        case .parenthesized(let inner):
            return "(\(inner.text))"
        case .negate(let inner):
            if case .binary(let op, _, _) = inner, Self.precedence(op) < Self.negateOperand { return "-(\(inner.text))" }
            return "-\(inner.text)"
        case .not(let inner):
            if case .binary(let op, _, _) = inner, Self.precedence(op) < Self.notOperand { return "!(\(inner.text))" }
            return "!\(inner.text)"
        case .binary(let op, let lhs, let rhs):
            let p = Self.precedence(op)
            func wrap(_ e: FormulaExpression, right: Bool) -> String {
                if case .binary(let inner, _, _) = e {
                    let q = Self.precedence(inner)
                    if q < p || (right && q == p && op != "^") { return "(\(e.text))" }
                }
                return e.text
            }
            // R's deparse writes ^ and / without spaces, every other binary operator with them.
            let spaced = op == "^" || op == "/" ? op : " \(op) "
            return wrap(lhs, right: false) + spaced + wrap(rhs, right: true)
        }
    }

    /// Column names used, in order of first appearance.
    public var variables: [String] {
        var out: [String] = []
        collect(into: &out)
        return out
    }

    private func collect(into out: inout [String]) {
        switch self {
        case .variable(let name): if !out.contains(name) { out.append(name) }
        case .number, .string, .logical: break
        case .call(_, let e), .negate(let e), .not(let e), .parenthesized(let e): e.collect(into: &out)
        case .function(_, let arguments): for a in arguments { a.value.collect(into: &out) }
        case .binary(_, let a, let b):
            a.collect(into: &out)
            b.collect(into: &out)
        }
    }

    /// Whether the expression can have a value where one of its columns is
    /// NA: it contains `is.na()`, `%in%`, `&`, `|` or `ifelse()`.
    var absorbsMissingValues: Bool {
        switch self {
        case .variable, .number, .string, .logical: return false
        case .negate(let e), .not(let e), .parenthesized(let e): return e.absorbsMissingValues
        case .call(let f, let e): return f == "is.na" || e.absorbsMissingValues
        case .function(let f, let arguments):
            return f == "ifelse" || f == "is.na" || arguments.contains { $0.value.absorbsMissingValues }
        case .binary(let op, let a, let b):
            return op == "%in%" || op == "&" || op == "|" || a.absorbsMissingValues || b.absorbsMissingValues
        }
    }

    /// The expression without outer parentheses.
    var unparenthesized: FormulaExpression {
        if case .parenthesized(let inner) = self { return inner.unparenthesized }
        return self
    }

    /// The function name and arguments of a call (either form), else `nil`.
    var callParts: (name: String, arguments: [FormulaArgument])? {
        switch self {
        case .call(let f, let e): return (f, [FormulaArgument(name: nil, value: e)])
        case .function(let f, let arguments): return (f, arguments)
        default: return nil
        }
    }
}

/// One argument of a call: `x`, or `breaks = c(0, 5)`.
public struct FormulaArgument: Sendable, Equatable {
    public var name: String?
    public var value: FormulaExpression

    public init(name: String?, value: FormulaExpression) {
        self.name = name
        self.value = value
    }

    /// As R deparses it: `x`, `breaks = c(0, 5)`.
    public var text: String { name.map { "\($0) = \(value.text)" } ?? value.text }
}
