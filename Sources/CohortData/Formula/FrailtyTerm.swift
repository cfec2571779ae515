/// A shared frailty in a Cox formula, `frailty(g)`, `frailty(g, distribution =
/// "gaussian")`, `frailty.gamma(g)` or `frailty.gaussian(g)`, with R's default
/// method for each distribution (gamma: EM on the integrated likelihood;
/// gaussian: REML). Only `cox` fits it; the group column is coded like
/// `cluster()` (one random effect per distinct value).
public struct FrailtyTerm: Sendable, Equatable {
    /// The frailty's distribution, as R's `frailty.gamma` / `frailty.gaussian`.
    public enum Distribution: String, Sendable, Equatable {
        case gamma, gaussian
    }

    /// The grouping column.
    public var column: String
    public var distribution: Distribution
    /// The call as written (`frailty(litter)`), R's name for the term's row.
    public var text: String

    /// Reads the arguments of `frailty(...)`; `function` is the name written
    /// (`frailty`, `frailty.gamma`, `frailty.gaussian`).
    init(function: String, arguments: [FormulaArgument]) throws(FrailtyTermError) {
        text = "\(function)(\(arguments.map(\.text).joined(separator: ", ")))"
        let positional = arguments.filter { $0.name == nil }.map(\.value)
        guard let first = positional.first, case .variable(let name) = first else {
            throw FrailtyTermError("\(function)() needs a grouping column: \(function)(id)")
        }
        column = name
        var distribution: Distribution = function == "frailty.gaussian" ? .gaussian : .gamma
        var rest = Array(positional.dropFirst())
        if function == "frailty", let d = rest.first {
            distribution = try Self.distribution(d, function)
            rest.removeFirst()
        }
        guard rest.isEmpty else {
            throw FrailtyTermError("\(function)() takes the grouping column by position; name the others (distribution = \"gaussian\")")
        }
        for a in arguments {
            guard let key = a.name else { continue }
            switch key {
            case "distribution" where function == "frailty", "dist" where function == "frailty":
                distribution = try Self.distribution(a.value, function)
            default:
                let allowed = function == "frailty" ? "; it takes distribution = \"gamma\" or \"gaussian\"" : ""
                throw FrailtyTermError(
                    "\(function)() has no argument \(key) here (only R's default method is fitted: no theta, df, method or sparse)\(allowed)")
            }
        }
        self.distribution = distribution
    }

    /// R's `pmatch` of the distribution against `gamma`, `gaussian`, `t`.
    private static func distribution(_ e: FormulaExpression, _ f: String) throws(FrailtyTermError) -> Distribution {
        guard case .string(let s) = e, !s.isEmpty else {
            throw FrailtyTermError("\(f)(): distribution must be a string, \"gamma\" or \"gaussian\", found \(e.text)")
        }
        if "gamma".hasPrefix(s) && !"gaussian".hasPrefix(s) { return .gamma }
        if "gaussian".hasPrefix(s) && !"gamma".hasPrefix(s) { return .gaussian }
        if s == "t" { throw FrailtyTermError("\(f)(): the t frailty distribution is not supported; use \"gamma\" or \"gaussian\"") }
        throw FrailtyTermError("\(f)(): distribution must be \"gamma\" or \"gaussian\", found \"\(s)\"")
    }
}

/// A malformed `frailty()` call (the parser adds the position).
struct FrailtyTermError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
