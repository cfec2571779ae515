import SurvivalNumerics

/// A regression spline in a formula, `ns(x, df = 4)` or `bs(x, df = 4,
/// degree = 3)`, with R's arguments: `df` (also the second positional
/// argument), `knots = c(...)`, `intercept = TRUE/FALSE`, `Boundary.knots =
/// c(lo, hi)` and, for `bs`, `degree`. The knots are placed on the data when
/// the frame is built (``SplineBasis``); the term's columns are named
/// `ns(x)1` … `ns(x)k`, the call's arguments dropped.
public struct SplineTerm: Sendable, Equatable {
    public var kind: SplineBasis.Kind
    /// The spline's variable: a column or a numeric expression (`log(bili)`).
    public var argument: FormulaExpression
    public var df: Int?
    public var knots: [Double]?
    public var degree: Int
    public var intercept: Bool
    public var boundary: (Double, Double)?
    /// The call as R deparses it, `ns(age, df = 4)`: the variable's R label.
    public var text: String
    /// `pspline()`'s penalty (target df or fixed θ); `nil` for `ns()`/`bs()`.
    public var penalty: PenalizedSplineSettings? = nil

    public static func == (a: SplineTerm, b: SplineTerm) -> Bool { a.text == b.text }

    /// The name of the basis columns' stem: `ns(age)`.
    public var stem: String { "\(kind.rawValue)(\(argument.text))" }

    /// Reads the arguments of `ns(...)`/`bs(...)`; the error says which argument is wrong and how to write it.
    init(kind: SplineBasis.Kind, arguments: [FormulaArgument]) throws(SplineTermError) {
        self.kind = kind
        let name = kind.rawValue
        self.text = "\(name)(\(arguments.map(\.text).joined(separator: ", ")))"
        var positional = arguments.filter { $0.name == nil }.map(\.value)
        guard !positional.isEmpty else { throw SplineTermError("\(name)() needs a variable: \(name)(age, df = 4)") }
        argument = positional.removeFirst()
        var df: Int?, knots: [Double]?, degree = 3, intercept = false, boundary: (Double, Double)?
        if let second = positional.first {
            df = try Self.whole(second, "df", name)
            positional.removeFirst()
        }
        guard positional.isEmpty else {
            throw SplineTermError("\(name)() takes the variable and df by position; name the others (knots = c(...))")
        }
        for a in arguments {
            guard let key = a.name else { continue }
            switch key {
            case "df": df = try Self.whole(a.value, "df", name)
            case "knots": knots = try Self.numbers(a.value, "knots", name)
            case "degree" where kind == .bSpline: degree = try Self.whole(a.value, "degree", name)
            case "intercept":
                guard case .logical(let b?) = a.value else {
                    throw SplineTermError("\(name)(): intercept must be TRUE or FALSE")
                }
                intercept = b
            case "Boundary.knots":
                let b = try Self.numbers(a.value, "Boundary.knots", name)
                guard b.count == 2 else { throw SplineTermError("\(name)(): Boundary.knots needs two numbers, c(lo, hi)") }
                boundary = (min(b[0], b[1]), max(b[0], b[1]))
            default:
                let allowed = kind == .bSpline ? "df, knots, degree, intercept, Boundary.knots" : "df, knots, intercept, Boundary.knots"
                throw SplineTermError("\(name)() has no argument \(key); it takes \(allowed)")
            }
        }
        guard df != nil || knots != nil else {
            throw SplineTermError("\(name)() needs df or knots: \(name)(\(argument.text), df = 4)")
        }
        if let df, df < 1 { throw SplineTermError("\(name)(): df must be at least 1, found \(df)") }
        if degree < 1 { throw SplineTermError("bs(): degree must be at least 1, found \(degree)") }
        self.df = df
        self.knots = knots
        self.degree = kind == .natural ? 3 : degree
        self.intercept = intercept
        self.boundary = boundary
    }

    static func whole(_ e: FormulaExpression, _ what: String, _ f: String) throws(SplineTermError) -> Int {
        guard case .number(let x) = e, x == x.rounded(), abs(x) < 1000 else {
            throw SplineTermError("\(f)(): \(what) must be a whole number, found \(e.text)")
        }
        return Int(x)
    }

    static func numbers(_ e: FormulaExpression, _ what: String, _ f: String) throws(SplineTermError) -> [Double] {
        func number(_ e: FormulaExpression) -> Double? {
            switch e {
            case .number(let x): return x
            case .negate(.number(let x)): return -x
            default: return nil
            }
        }
        if let x = number(e) { return [x] }
        if case .function("c", let args) = e, case let values = args.compactMap({ $0.name == nil ? number($0.value) : nil }),
            values.count == args.count
        {
            return values
        }
        if case .call("c", let a) = e, let x = number(a) { return [x] }
        throw SplineTermError("\(f)(): \(what) must be numbers, c(1, 2, 3), found \(e.text)")
    }
}

/// A malformed `ns()`/`bs()`/`pspline()` call (the parser adds the position).
struct SplineTermError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension Formula {
    /// The names of the terms that contain an `ns()`/`bs()`/`pspline()` variable, in model order.
    public var splineTermNames: [String] {
        terms.filter { term in
            term.variables.contains { if case .spline = $0 { return true } else { return false } }
        }.map(\.name)
    }
}
