/// An arithmetic expression over columns, as written inside `Surv(...)`,
/// `offset(...)`, `log(...)` or `I(...)`: numbers, column names, `+ - * / ^`,
/// unary minus, comparisons (`status == 2` → 1/0, as R's logical), and the
/// functions `log`, `log2`, `log10`, `log1p`, `exp`, `sqrt`, `abs`, `I`.
public indirect enum FormulaExpression: Sendable, Equatable {
    case variable(String)
    case number(Double)
    case call(String, FormulaExpression)
    case negate(FormulaExpression)
    case binary(String, FormulaExpression, FormulaExpression)

    /// The functions an expression may call.
    public static let functions: Set<String> = ["log", "log2", "log10", "log1p", "exp", "sqrt", "abs", "I"]

    /// Operator precedence (higher binds tighter), as in R.
    static func precedence(_ op: String) -> Int {
        switch op {
        case "==", "!=", "<", ">", "<=", ">=": return 1
        case "+", "-": return 2
        case "*", "/": return 3
        case "^": return 5
        default: return 0
        }
    }

    /// The expression as R deparses it: `log(z)`, `stop - start`, `I(age^2)`.
    public var text: String {
        switch self {
        case .variable(let name):
            return FormulaLexer.isSyntacticName(name) ? name : "`\(name)`"
        case .number(let x):
            return NumberFormatting.label(x)
        case .call(let f, let argument):
            return "\(f)(\(argument.text))"
        case .negate(let inner):
            // Unary minus binds tighter than * and / but looser than ^ (as R).
            if case .binary(let op, _, _) = inner, Self.precedence(op) < 4 { return "-(\(inner.text))" }
            return "-\(inner.text)"
        case .binary(let op, let lhs, let rhs):
            let p = Self.precedence(op)
            func wrap(_ e: FormulaExpression, right: Bool) -> String {
                if case .binary(let inner, _, _) = e {
                    let q = Self.precedence(inner)
                    if q < p || (right && q == p && op != "^") { return "(\(e.text))" }
                }
                return e.text
            }
            let spaced = op == "^" ? op : " \(op) "
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
        case .number: break
        case .call(_, let e), .negate(let e): e.collect(into: &out)
        case .binary(_, let a, let b):
            a.collect(into: &out)
            b.collect(into: &out)
        }
    }

    /// Evaluates at one row; `value(name)` gives a column's value (NaN = missing).
    func evaluate(_ value: (String) -> Double) -> Double {
        switch self {
        case .variable(let name): return value(name)
        case .number(let x): return x
        case .negate(let e): return -e.evaluate(value)
        case .call(let f, let e):
            let x = e.evaluate(value)
            switch f {
            case "log": return x < 0 ? .nan : log(x)
            case "log2": return x < 0 ? .nan : log2(x)
            case "log10": return x < 0 ? .nan : log10(x)
            case "log1p": return x < -1 ? .nan : log1p(x)
            case "exp": return exp(x)
            case "sqrt": return x < 0 ? .nan : x.squareRoot()
            case "abs": return abs(x)
            default: return x  // I(...)
            }
        case .binary(let op, let a, let b):
            let x = a.evaluate(value)
            let y = b.evaluate(value)
            if x.isNaN || y.isNaN { return .nan }
            switch op {
            case "+": return x + y
            case "-": return x - y
            case "*": return x * y
            case "/": return x / y
            case "^": return pow(x, y)
            case "==": return x == y ? 1 : 0
            case "!=": return x != y ? 1 : 0
            case "<": return x < y ? 1 : 0
            case ">": return x > y ? 1 : 0
            case "<=": return x <= y ? 1 : 0
            case ">=": return x >= y ? 1 : 0
            default: return .nan
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
