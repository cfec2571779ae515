/// The value of a `FormulaExpression` over a set of rows, typed as R types
/// it: numbers (double), dates, logicals, character strings, or a factor.
///
/// A value has one entry per evaluated row, or a single entry for a
/// constant (`2`, `"a"`), which is recycled as R recycles a length-one vector.
/// Missing values (R's `NA`): `NaN` for numbers and dates, `nil` for
/// logicals, code `-1` for strings and factors.
enum ExpressionValue {
    /// Numbers; `NaN` = NA (R also drops NaN rows in `model.frame`).
    case numbers([Double])
    /// Day numbers since 1970-01-01, as R's `Date`.
    case dates([Double])
    /// `TRUE`/`FALSE`; `nil` = NA.
    case logicals([Bool?])
    /// A character vector: codes into `pool` (unordered; `-1` = NA).
    case strings(codes: [Int32], pool: [String])
    /// A factor: codes into `levels`, which are in model order (`-1` = NA).
    case factor(codes: [Int32], levels: [String])

    var count: Int {
        switch self {
        case .numbers(let v), .dates(let v): return v.count
        case .logicals(let v): return v.count
        case .strings(let c, _), .factor(let c, _): return c.count
        }
    }

    /// Whether entry `i` (recycled) is NA.
    func isNA(_ i: Int) -> Bool {
        let k = count == 1 ? 0 : i
        switch self {
        case .numbers(let v), .dates(let v): return v[k].isNaN
        case .logicals(let v): return v[k] == nil
        case .strings(let c, _), .factor(let c, _): return c[k] < 0
        }
    }

    /// R's name of the type, for messages.
    var typeName: String {
        switch self {
        case .numbers: return "numeric"
        case .dates: return "a date"
        case .logicals: return "logical"
        case .strings: return "text"
        case .factor: return "a factor"
        }
    }

    /// Whether the value is categorical in a model (factor, text, logical), as `model.matrix` treats it.
    var isCategorical: Bool {
        switch self {
        case .numbers, .dates: return false
        case .logicals, .strings, .factor: return true
        }
    }

    /// The value recycled to `n` entries.
    func recycled(to n: Int) -> ExpressionValue {
        guard count == 1, n != 1 else { return self }
        switch self {
        case .numbers(let v): return .numbers(Array(repeating: v[0], count: n))
        case .dates(let v): return .dates(Array(repeating: v[0], count: n))
        case .logicals(let v): return .logicals(Array(repeating: v[0], count: n))
        case .strings(let c, let p): return .strings(codes: Array(repeating: c[0], count: n), pool: p)
        case .factor(let c, let l): return .factor(codes: Array(repeating: c[0], count: n), levels: l)
        }
    }
}
