import Foundation
import SurvivalNumerics

extension SplineTerm {
    /// Reads the arguments of `pspline(x, df = 4, theta, nterm = 2.5·df,
    /// degree = 3, eps = 0.1, method, Boundary.knots)` with R's checks: θ in
    /// (0, 1), df above 1 and at most nterm, at least 3 intervals; `method`
    /// may be `"df"` or `"fixed"` (with θ). R's `df = 0` / `method = "aic"`,
    /// `intercept`, `penalty` and `combine` are not supported.
    init(pspline arguments: [FormulaArgument]) throws(SplineTermError) {
        let name = "pspline"
        var positional = arguments.filter { $0.name == nil }.map(\.value)
        guard !positional.isEmpty else { throw SplineTermError("pspline() needs a variable: pspline(age, df = 4)") }
        let argument = positional.removeFirst()
        var df = 4.0, theta: Double?, nterm: Double?, degree = 3, eps = 0.1, boundary: (Double, Double)?
        var method: String?
        if let second = positional.first {
            df = try Self.number(second, "df")
            positional.removeFirst()
        }
        guard positional.isEmpty else {
            throw SplineTermError("pspline() takes the variable and df by position; name the others (theta = 0.5, nterm = 10)")
        }
        for a in arguments {
            guard let key = a.name else { continue }
            switch key {
            case "df": df = try Self.number(a.value, "df")
            case "theta": theta = try Self.number(a.value, "theta")
            case "nterm": nterm = try Self.number(a.value, "nterm")
            case "degree": degree = try Self.whole(a.value, "degree", name)
            case "eps": eps = try Self.number(a.value, "eps")
            case "method":
                guard case .string(let m) = a.value else { throw SplineTermError("pspline(): method must be \"df\" or \"fixed\"") }
                method = m
            case "Boundary.knots":
                let b = try Self.numbers(a.value, "Boundary.knots", name)
                guard b.count == 2, b[0] < b[1] else {
                    throw SplineTermError("pspline(): Invalid values for Boundary.knots (two increasing numbers, c(lo, hi))")
                }
                boundary = (b[0], b[1])
            case "intercept", "penalty", "combine":
                throw SplineTermError("pspline(): \(key) is not supported; survkit fits R's default (intercept = FALSE, penalty = TRUE)")
            default:
                throw SplineTermError("pspline() has no argument \(key); it takes df, theta, nterm, degree, eps, method, Boundary.knots")
            }
        }
        if let method, method != "df", method != "fixed" {
            throw SplineTermError("pspline(): method \"\(method)\" is not supported; use df = k (method \"df\") or theta = t (\"fixed\")")
        }
        if method == "fixed" && theta == nil { throw SplineTermError("pspline(): method = \"fixed\" needs theta = t") }
        if let theta {
            guard theta > 0 && theta < 1 else { throw SplineTermError("pspline(): Invalid value for theta (it must be in (0, 1))") }
        } else {
            if df == 0 { throw SplineTermError("pspline(): df = 0 (R's AIC method) is not supported; give df > 1 or theta") }
            guard df > 1 else { throw SplineTermError("pspline(): Too few degrees of freedom (df must be above 1)") }
            if df > (nterm ?? 2.5 * df) {
                throw SplineTermError("pspline(): `nterm' too small for df=\(NumberFormatting.label(df))")
            }
        }
        // R's round(): half to even.
        let intervals = Int((nterm ?? 2.5 * df).rounded(.toNearestOrEven))
        guard intervals >= 3 else { throw SplineTermError("pspline(): Too few basis functions (nterm must be at least 3)") }
        guard intervals <= 500 else { throw SplineTermError("pspline(): nterm must be at most 500") }
        guard degree >= 1 && degree <= 10 else { throw SplineTermError("pspline(): degree must be between 1 and 10") }
        guard eps > 0 else { throw SplineTermError("pspline(): eps must be positive") }
        self.kind = .penalized
        self.argument = argument
        self.df = nil
        self.knots = nil
        self.degree = degree
        self.intercept = false
        self.boundary = boundary
        self.text = "pspline(\(arguments.map(\.text).joined(separator: ", ")))"
        self.penalty = PenalizedSplineSettings(df: df, theta: theta, nterm: intervals, eps: eps)
    }

    /// The number of the first basis column in its name: R names pspline's
    /// columns `ps(x)3` … (its first, dropped, column would be 2), the other
    /// bases from 1.
    public var firstColumnNumber: Int { kind == .penalized ? 3 : 1 }

    private static func number(_ e: FormulaExpression, _ what: String) throws(SplineTermError) -> Double {
        switch e {
        case .number(let x) where x.isFinite: return x
        case .negate(.number(let x)) where x.isFinite: return -x
        default: throw SplineTermError("pspline(): \(what) must be a number, found \(e.text)")
        }
    }
}
