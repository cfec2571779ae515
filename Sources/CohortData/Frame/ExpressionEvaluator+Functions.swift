#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The functions of formula and subset expressions, each as R's:
/// `I`, `log(x[, base])`, `log2`, `log10`, `log1p`, `exp`, `sqrt`, `abs`,
/// `floor`, `ceiling`, `round(x, digits = 0)` (halves to even, R ≥ 4.0's
/// nearest representable rule), `pmin`/`pmax` (NA if any argument is NA),
/// `as.numeric` (a date's day number since 1970-01-01, a logical's 0/1, a
/// factor's code), `is.na`, `ifelse(test, yes, no)` (text branches give a
/// text variable, a factor in a model), `factor`/`as.factor`, `relevel(x, ref)`
/// and `cut` (see `CutIntervals`).
extension ExpressionEvaluator {
    func evaluateCall(_ e: FormulaExpression) throws -> ExpressionValue {
        guard let (name, arguments) = e.callParts else { return try evaluate(e) }
        switch name {
        case "tt":
            // Only a formula term parses tt(x) (FormulaParser); while the
            // frame is built it is x, as R's coxph assigns tt <- function(x) x.
            return .numbers(try numbers(arguments[0].value))
        case "I":
            let a = try match(arguments, ["x"], e)
            return try evaluate(a.required("x"))
        case "log":
            let a = try match(arguments, ["x", "base"], e)
            let x = try numbers(a.required("x"))
            guard let baseExpression = a["base"] else { return .numbers(x.map { log($0) }) }
            let base = try numbers(baseExpression)
            guard base.count == 1 else { throw error(e, "the base of log() must be one number") }
            return .numbers(x.map { log($0) / log(base[0]) })
        case "log2", "log10", "log1p", "exp", "sqrt", "abs", "floor", "ceiling":
            let a = try match(arguments, ["x"], e)
            let x = try numbers(a.required("x"))
            let f: (Double) -> Double
            switch name {
            case "log2": f = { log2($0) }
            case "log10": f = { log10($0) }
            case "log1p": f = { log1p($0) }
            case "exp": f = { exp($0) }
            case "sqrt": f = { $0.squareRoot() }
            case "abs": f = { abs($0) }
            case "floor": f = { $0.rounded(.down) }
            default: f = { $0.rounded(.up) }
            }
            return .numbers(x.map(f))
        case "round":
            let a = try match(arguments, ["x", "digits"], e)
            let x = try numbers(a.required("x"))
            var digits = 0
            if let d = a["digits"] {
                let v = try numbers(d)
                guard v.count == 1, v[0] == v[0].rounded() else { throw error(e, "digits must be one whole number") }
                // Beyond ±400 digits 10^digits is 0 or infinite as it is at ±400; clamping keeps
                // Int() from trapping on round(x, 1e300) (found by fuzzing).
                digits = Int(min(max(v[0], -400), 400))
            }
            return .numbers(x.map { Self.round($0, digits: digits) })
        case "pmin", "pmax":
            guard !arguments.isEmpty, arguments.allSatisfy({ $0.name == nil }) else {
                throw error(e, "\(name)() takes numbers, e.g. \(name)(a, b, 5)")
            }
            let values = try arguments.map { try numbers($0.value) }
            let n = values.map(\.count).max() ?? 0
            if values.contains(where: \.isEmpty) { return .numbers([]) }
            var out = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var m = values[0][values[0].count == 1 ? 0 : i]
                for v in values.dropFirst() {
                    let x = v[v.count == 1 ? 0 : i]
                    if x.isNaN || m.isNaN { m = .nan } else { m = name == "pmin" ? min(m, x) : max(m, x) }
                }
                out[i] = m
            }
            return .numbers(out)
        case "as.numeric":
            let a = try match(arguments, ["x"], e)
            let x = try a.required("x")
            if case .factor(let codes, _) = try evaluate(x) { return .numbers(codes.map { $0 < 0 ? .nan : Double($0 + 1) }) }
            return .numbers(try numbers(x))
        case "is.na":
            let a = try match(arguments, ["x"], e)
            let value = try evaluate(a.required("x"))
            return .logicals((0..<value.count).map { value.isNA($0) })
        case "ifelse":
            return try ifElse(arguments, e)
        case "factor", "as.factor":
            let a = try match(arguments, ["x"], e)
            return try factor(a.required("x"), e)
        case "relevel":
            return try relevel(arguments, e)
        case "cut":
            return try cut(arguments, e)
        case "c":
            throw error(e, "c(...) is a list of values for %in% or for cut()'s breaks and labels, not a variable")
        default:
            throw error(e, "unknown function \(name)()", kind: .formulaSyntax)
        }
    }

    /// Arguments matched to R's parameter names: named ones by name, the rest by position.
    struct Arguments {
        var values: [String: FormulaExpression]
        let call: FormulaExpression
        let evaluator: ExpressionEvaluator
        subscript(_ name: String) -> FormulaExpression? { values[name] }
        func required(_ name: String) throws -> FormulaExpression {
            guard let v = values[name] else { throw evaluator.error(call, "argument \(name) is missing") }
            return v
        }
    }

    func match(_ arguments: [FormulaArgument], _ parameters: [String], _ e: FormulaExpression) throws -> Arguments {
        var values: [String: FormulaExpression] = [:]
        for a in arguments {
            guard let name = a.name else { continue }
            guard parameters.contains(name) else {
                throw error(e, "unknown argument \(name) =; the arguments are \(parameters.joined(separator: ", "))")
            }
            values[name] = a.value
        }
        var free = parameters.filter { values[$0] == nil }.makeIterator()
        for a in arguments where a.name == nil {
            guard let name = free.next() else { throw error(e, "too many arguments") }
            values[name] = a.value
        }
        return Arguments(values: values, call: e, evaluator: self)
    }

    /// R's `round(x, digits)` (R ≥ 4.0): of the two candidates with `digits`
    /// decimals around x, the one nearer to x as a double; an exact tie goes
    /// to the even last digit.
    static func round(_ x: Double, digits: Int) -> Double {
        guard x.isFinite else { return x }
        if digits == 0 { return x.rounded(.toNearestOrEven) }
        let p = pow(10.0, Double(digits))
        let scaled = x * p
        let down = scaled.rounded(.down)
        let up = scaled.rounded(.up)
        if down == up { return x }
        let low = down / p
        let high = up / p
        let dl = x - low
        let dh = high - x
        if dl < dh { return low }
        if dh < dl { return high }
        return down.truncatingRemainder(dividingBy: 2) == 0 ? low : high
    }

    /// `ifelse(test, yes, no)`: NA where the test is NA; text if either branch is text.
    private func ifElse(_ arguments: [FormulaArgument], _ e: FormulaExpression) throws -> ExpressionValue {
        let a = try match(arguments, ["test", "yes", "no"], e)
        let test = try logicals(a.required("test"), in: e)
        let yes = try evaluate(a.required("yes"))
        let no = try evaluate(a.required("no"))
        let n = max(test.count, yes.count, no.count)
        if test.isEmpty { return .logicals([]) }
        let pick = { (i: Int) -> Bool? in test[test.count == 1 ? 0 : i] }
        switch (yes, no) {
        case let (.logicals(y), .logicals(z)):
            return .logicals((0..<n).map { i in pick(i).flatMap { $0 ? y[y.count == 1 ? 0 : i] : z[z.count == 1 ? 0 : i] } })
        case (.strings, _), (_, .strings):
            let y = try texts(yes, a.required("yes"))
            let z = try texts(no, a.required("no"))
            var pool: [String] = []
            var index: [String: Int32] = [:]
            var codes = [Int32](repeating: -1, count: n)
            for i in 0..<n {
                guard let t = pick(i), let s = t ? y[y.count == 1 ? 0 : i] : z[z.count == 1 ? 0 : i] else { continue }
                if let k = index[s] { codes[i] = k } else {
                    index[s] = Int32(pool.count)
                    codes[i] = Int32(pool.count)
                    pool.append(s)
                }
            }
            return .strings(codes: codes, pool: pool)
        default:
            let y = try numbers(of: yes, a.required("yes"))
            let z = try numbers(of: no, a.required("no"))
            return .numbers((0..<n).map { i in
                guard let t = pick(i) else { return .nan }
                return t ? y[y.count == 1 ? 0 : i] : z[z.count == 1 ? 0 : i]
            })
        }
    }

    /// A value as text entries, as R's `as.character` (numbers as R prints them).
    private func texts(_ value: ExpressionValue, _ e: FormulaExpression) throws -> [String?] {
        switch value {
        case .strings(let c, let p): return c.map { $0 < 0 ? nil : p[Int($0)] }
        case .numbers(let v): return v.map { $0.isNaN ? nil : RNumberText.deparse($0) }
        case .logicals(let v): return v.map { $0.map { $0 ? "TRUE" : "FALSE" } }
        case .dates(let v): return v.map { $0.isNaN ? nil : ISODate.format(dayNumber: Int($0)) }
        case .factor: throw error(e, "ifelse() of a factor gives its codes in R; use text values instead")
        }
    }

    /// `factor(x)`: the distinct values present, sorted as `FactorCoding` sorts levels.
    func factor(_ x: FormulaExpression, _ e: FormulaExpression) throws -> ExpressionValue {
        let value = try evaluate(x)
        let column: Column
        switch value {
        case .factor: return value
        case .numbers(let v): column = .numeric(v)
        case .dates(let v): column = .date(v)
        case .logicals(let v):
            column = .categorical(codes: v.map { $0.map { $0 ? 1 : 0 } ?? -1 }, levels: ["FALSE", "TRUE"])
        case .strings(let c, let p):
            // Levels in byte order, as the reader sorts a text column's levels.
            let order = p.indices.sorted { p[$0].utf8.lexicographicallyPrecedes(p[$1].utf8) }
            var rank = [Int32](repeating: 0, count: p.count)
            for (k, old) in order.enumerated() { rank[old] = Int32(k) }
            column = .categorical(codes: c.map { $0 < 0 ? -1 : rank[Int($0)] }, levels: order.map { p[$0] })
        }
        let present = (0..<column.count).filter { !column.isMissing($0) }
        let coding = FactorCoding(column: column, rows: present)
        var codes = [Int32](repeating: -1, count: column.count)
        for (k, row) in present.enumerated() { codes[row] = Int32(coding.codes[k]) }
        return .factor(codes: codes, levels: coding.labels)
    }

    /// `relevel(x, ref)`: the factor (or text, as a factor) with `ref` first;
    /// a number `ref` is a level position, as R.
    private func relevel(_ arguments: [FormulaArgument], _ e: FormulaExpression) throws -> ExpressionValue {
        let a = try match(arguments, ["x", "ref"], e)
        guard case .factor(let codes, let levels) = try factor(a.required("x"), e) else { return .numbers([]) }
        let refExpression = try a.required("ref")
        var position: Int?
        switch refExpression.unparenthesized {
        case .string(let s): position = levels.firstIndex(of: s)
        case .number(let k) where k >= 1 && k == k.rounded() && Int(k) <= levels.count: position = Int(k) - 1
        default: position = nil
        }
        guard let r = position else {
            throw error(
                e, "reference level \(refExpression.text) not found; levels are "
                    + levels.map { "\"\($0)\"" }.joined(separator: ", "), kind: .unknownLevel)
        }
        var order = Array(levels.indices)
        order.remove(at: r)
        order.insert(r, at: 0)
        var newCode = [Int32](repeating: -1, count: levels.count)
        for (k, old) in order.enumerated() { newCode[old] = Int32(k) }
        return .factor(codes: codes.map { $0 < 0 ? -1 : newCode[Int($0)] }, levels: order.map { levels[$0] })
    }

    /// `cut(x, breaks, labels = NULL, include.lowest = FALSE, right = TRUE, dig.lab = 3)`.
    private func cut(_ arguments: [FormulaArgument], _ e: FormulaExpression) throws -> ExpressionValue {
        let a = try match(arguments, ["x", "breaks", "labels", "include.lowest", "right", "dig.lab"], e)
        let x = try numbers(a.required("x"))
        func flag(_ name: String, _ value: Bool) throws -> Bool {
            guard let f = a[name] else { return value }
            guard case .logical(let b?) = f.unparenthesized else { throw error(e, "\(name) must be TRUE or FALSE") }
            return b
        }
        let breaks = try constants(a.required("breaks"), in: e).map { c -> Double in
            switch c {
            case .number(let v): return v
            case .negate(.number(let v)): return -v
            default: throw error(e, "breaks must be numbers, found \(c.text)")
            }
        }
        guard breaks.count >= 2 else {
            throw error(e, "give the breaks as c(b1, b2, ...); a number of intervals is not supported")
        }
        var digits = 3
        if let d = a["dig.lab"], case .number(let v) = d.unparenthesized {
            // Int() traps on dig.lab = 1e300 (found by fuzzing); R's formatC() allows at most 50 digits.
            guard v == v.rounded(), v >= 0, v <= 50 else { throw error(e, "dig.lab must be a whole number from 0 to 50") }
            digits = Int(v)
        }
        var labels: [String]? = nil
        var codesOnly = false
        if let l = a["labels"] {
            if case .logical(false) = l.unparenthesized { codesOnly = true } else {
                labels = try constants(l, in: e).map { c in
                    switch c {
                    case .string(let s): return s
                    case .number(let v): return RNumberText.deparse(v)
                    case .negate(.number(let v)): return RNumberText.deparse(-v)
                    default: throw error(e, "labels must be strings")
                    }
                }
            }
        }
        let intervals: CutIntervals
        do {
            intervals = try CutIntervals(
                breaks: breaks, right: flag("right", true), includeLowest: flag("include.lowest", false),
                labels: labels, digits: digits)
        } catch let problem as CutIntervals.Problem {
            throw error(e, problem.message)
        }
        let codes = x.map { intervals.interval(of: $0) }
        if codesOnly { return .numbers(codes.map { $0 < 0 ? .nan : Double($0 + 1) }) }
        return .factor(codes: codes, levels: intervals.labels)
    }
}
