#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Evaluates a `FormulaExpression` over rows of a `Cohort`, vectorised, with
/// R's semantics: arithmetic on numbers (a logical counts 0/1, a date its day
/// number), comparisons of numbers, of text with quoted strings, and of a date
/// column with `"YYYY-MM-DD"` strings; `%in%` (never NA, as R's `match`);
/// three-valued `&`, `|`, `!` (`NA | TRUE` is TRUE, `NA & FALSE` is FALSE);
/// NA propagating through everything else. The functions are in
/// `ExpressionEvaluator+Functions.swift`.
///
/// Unlike R, which would quietly coerce, a text value compared with a number
/// (or used in arithmetic) is an error.
struct ExpressionEvaluator {
    let cohort: Cohort
    /// The rows evaluated, zero-based.
    let rows: [Int]
    /// A text column in a numeric context (the model builder's rule for text
    /// that holds numbers), over all rows of the cohort.
    let numericColumn: (String) throws -> [Double]

    /// The value of `e`, one entry per row (or one for a constant).
    func evaluate(_ e: FormulaExpression) throws -> ExpressionValue {
        switch e {
        case .variable(let name):
            guard let column = cohort.column(named: name) else { throw cohort.unknownColumnError(name) }
            switch column {
            case .numeric(let v): return .numbers(rows.map { v[$0] })
            case .date(let v): return .dates(rows.map { v[$0] })
            case .categorical(let codes, let levels): return .strings(codes: rows.map { codes[$0] }, pool: levels)
            }
        case .number(let x): return .numbers([x])
        case .string(let s): return .strings(codes: [0], pool: [s])
        case .logical(let b): return .logicals([b])
        case .parenthesized(let inner): return try evaluate(inner)
        case .negate(let inner): return .numbers(try numbers(inner).map { -$0 })
        case .not(let inner): return .logicals(try logicals(inner, in: e).map { $0.map { !$0 } })
        case .call, .function:
            return try evaluateCall(e)
        case .binary(let op, let a, let b):
            switch op {
            case "&", "|": return try logicalOperator(op, a, b, in: e)
            case "%in%": return try membership(a, b, in: e)
            case "==", "!=", "<", ">", "<=", ">=": return try comparison(op, a, b, in: e)
            default: return try arithmetic(op, a, b)
            }
        }
    }

    /// `e` as numbers: logicals 0/1, dates as day numbers; a text column goes
    /// through `numericColumn`, other text is an error.
    func numbers(_ e: FormulaExpression) throws -> [Double] {
        if case .variable(let name) = e.unparenthesized, case .categorical? = cohort.column(named: name) {
            let all = try numericColumn(name)
            return rows.map { all[$0] }
        }
        return try numbers(of: evaluate(e), e)
    }

    func numbers(of value: ExpressionValue, _ e: FormulaExpression) throws -> [Double] {
        switch value {
        case .numbers(let v), .dates(let v): return v
        case .logicals(let v): return v.map { $0.map { $0 ? 1 : 0 } ?? .nan }
        case .strings, .factor:
            throw error(e, "expected numbers, found \(value.typeName) (write comparisons of text with a quoted value, e.g. x == \"a\")")
        }
    }

    /// `e` as logicals (numbers: non-zero is TRUE, as R).
    func logicals(_ e: FormulaExpression, in whole: FormulaExpression) throws -> [Bool?] {
        let value = try evaluate(e)
        switch value {
        case .logicals(let v): return v
        case .numbers(let v): return v.map { $0.isNaN ? nil : $0 != 0 }
        default: throw error(whole, "\(e.text) is \(value.typeName), not logical")
        }
    }

    /// An error about expression `e`, located at its first column.
    func error(_ e: FormulaExpression, _ message: String, kind: CohortError.Kind = .invalidValue) -> CohortError {
        let column = e.variables.first
        return CohortError(
            kind, file: cohort.fileName, column: column,
            columnPosition: column.flatMap { cohort.position(of: $0) },
            message: "in \(e.text): \(message)")
    }

    // MARK: Operators

    private func arithmetic(_ op: String, _ a: FormulaExpression, _ b: FormulaExpression) throws -> ExpressionValue {
        let x = try numbers(a)
        let y = try numbers(b)
        let n = max(x.count, y.count)
        if x.isEmpty || y.isEmpty { return .numbers([]) }
        var out = [Double](repeating: 0, count: n)
        let f: (Double, Double) -> Double
        switch op {
        case "+": f = { $0 + $1 }
        case "-": f = { $0 - $1 }
        case "*": f = { $0 * $1 }
        case "/": f = { $0 / $1 }
        case "^": f = { pow($0, $1) }  // as R: 1^NA = 1, NA^0 = 1
        default: throw error(.binary(op, a, b), "unknown operator \(op)")
        }
        for i in 0..<n { out[i] = f(x[x.count == 1 ? 0 : i], y[y.count == 1 ? 0 : i]) }
        return .numbers(out)
    }

    private func logicalOperator(
        _ op: String, _ a: FormulaExpression, _ b: FormulaExpression, in whole: FormulaExpression
    ) throws -> ExpressionValue {
        let x = try logicals(a, in: whole)
        let y = try logicals(b, in: whole)
        if x.isEmpty || y.isEmpty { return .logicals([]) }
        let n = max(x.count, y.count)
        var out = [Bool?](repeating: nil, count: n)
        for i in 0..<n {
            let p = x[x.count == 1 ? 0 : i]
            let q = y[y.count == 1 ? 0 : i]
            if op == "&" {
                out[i] = p == false || q == false ? false : (p == nil || q == nil ? nil : true)
            } else {
                out[i] = p == true || q == true ? true : (p == nil || q == nil ? nil : false)
            }
        }
        return .logicals(out)
    }

    /// Text entries of a value (strings or factor labels) with `nil` for NA.
    private static func texts(_ value: ExpressionValue) -> (codes: [Int32], pool: [String])? {
        switch value {
        case .strings(let c, let p), .factor(let c, let p): return (c, p)
        default: return nil
        }
    }

    /// Day numbers of ISO date strings; an error names a string that is not a date.
    private func dayNumbers(_ pool: [String], _ e: FormulaExpression) throws -> [Double] {
        try pool.map { s in
            guard let d = ISODate.parse(s) else {
                throw error(e, "\"\(s)\" is not a date YYYY-MM-DD (compared with a date column)")
            }
            return Double(d)
        }
    }

    private func comparison(
        _ op: String, _ a: FormulaExpression, _ b: FormulaExpression, in whole: FormulaExpression
    ) throws -> ExpressionValue {
        var x = try evaluate(a)
        var y = try evaluate(b)
        // A date compared with text compares the text as dates.
        if case .dates = x, let t = Self.texts(y) {
            let days = try dayNumbers(t.pool, whole)
            y = .dates(t.codes.map { $0 < 0 ? .nan : days[Int($0)] })
        } else if case .dates = y, let t = Self.texts(x) {
            let days = try dayNumbers(t.pool, whole)
            x = .dates(t.codes.map { $0 < 0 ? .nan : days[Int($0)] })
        }
        let n = max(x.count, y.count)
        if x.count == 0 || y.count == 0 { return .logicals([]) }
        var out = [Bool?](repeating: nil, count: n)
        switch (Self.texts(x), Self.texts(y)) {
        case let (s?, t?):
            // Compare each pair of pool entries once.
            for i in 0..<n {
                let p = s.codes[s.codes.count == 1 ? 0 : i]
                let q = t.codes[t.codes.count == 1 ? 0 : i]
                if p < 0 || q < 0 { continue }
                out[i] = Self.compare(op, s.pool[Int(p)], t.pool[Int(q)])
            }
        case (nil, nil):
            let u = try numbers(of: x, a)
            let v = try numbers(of: y, b)
            for i in 0..<n {
                let p = u[u.count == 1 ? 0 : i]
                let q = v[v.count == 1 ? 0 : i]
                if p.isNaN || q.isNaN { continue }
                out[i] = Self.compare(op, p, q)
            }
        default:
            let (text, other) = Self.texts(x) != nil ? (a, b) : (b, a)
            let otherType = (Self.texts(x) != nil ? y : x).typeName
            throw error(
                whole, "cannot compare \(other.text) (\(otherType)) with the text \(text.text);"
                    + " quote values only for text columns (R would silently compare them as text)")
        }
        return .logicals(out)
    }

    private static func compare<T: Comparable>(_ op: String, _ p: T, _ q: T) -> Bool {
        switch op {
        case "==": return p == q
        case "!=": return p != q
        case "<": return p < q
        case ">": return p > q
        case "<=": return p <= q
        default: return p >= q
        }
    }

    /// `x %in% c(...)`: TRUE/FALSE, never NA (NA is in the set only if NA is listed).
    private func membership(_ a: FormulaExpression, _ b: FormulaExpression, in whole: FormulaExpression) throws
        -> ExpressionValue
    {
        let x = try evaluate(a)
        let set = try constants(b, in: whole)
        let listsNA = set.contains { if case .logical(nil) = $0 { return true } else { return false } }
        if let t = Self.texts(x) {
            var wanted = Set<String>()
            for c in set {
                switch c {
                case .string(let s): wanted.insert(s)
                case .logical(nil): break
                default: throw error(whole, "a text value is matched against quoted strings, found \(c.text)")
                }
            }
            let hit = t.pool.map { wanted.contains($0) }
            return .logicals(t.codes.map { $0 < 0 ? listsNA : hit[Int($0)] })
        }
        var values = Set<Double>()
        let isDate: Bool = { if case .dates = x { return true } else { return false } }()
        for c in set {
            switch c {
            case .number(let v): values.insert(v)
            case .negate(.number(let v)): values.insert(-v)
            case .logical(let b?): values.insert(b ? 1 : 0)
            case .logical(nil): break
            case .string(let s) where isDate:
                guard let d = ISODate.parse(s) else { throw error(whole, "\"\(s)\" is not a date YYYY-MM-DD") }
                values.insert(Double(d))
            default:
                throw error(whole, "cannot match \(x.typeName) values against \(c.text); quote values only for text columns")
            }
        }
        let u = try numbers(of: x, a)
        return .logicals(u.map { $0.isNaN ? listsNA : values.contains($0) })
    }

    /// The constants of `c(...)` (or a single constant): numbers, strings, TRUE/FALSE/NA.
    func constants(_ e: FormulaExpression, in whole: FormulaExpression) throws -> [FormulaExpression] {
        let items: [FormulaExpression]
        if let call = e.unparenthesized.callParts, call.name == "c" {
            items = call.arguments.map(\.value)
        } else {
            items = [e]
        }
        for item in items {
            switch item.unparenthesized {
            case .number, .string, .logical, .negate(.number): continue
            default: throw error(whole, "expected constants such as c(1, 2) or c(\"a\", \"b\"), found \(item.text)")
            }
        }
        return items.map(\.unparenthesized)
    }
}
