/// Recursive-descent parser for `Formula` (grammar below, R's precedence).
///
///     formula  := [response] "~" sum
///     response := "Surv" "(" expr "," expr ["," expr] ["," "type" "=" string] ")" | expr
///     sum      := ["-"] product (("+" | "-") product)*
///     product  := inter ("*" inter)*              a*b = a + b + a:b
///     inter    := atom (":" atom)*
///     atom     := "(" sum ")" | "1" | "0" | name | factor(name) | ns(expr, ...) | bs(expr, ...)
///               | strata(name, ...) | cluster(name) | offset(expr) | call
///     expr     := R operators by R's precedence (| & ! comparisons + - * /
///                 %in% unary- ^), numbers, strings, TRUE/FALSE/NA, names,
///                 "(" expr ")", call
///     call     := fn "(" [arg ("," arg)*] ")"     arg := [name "="] expr
///
/// A bare `x %in% c(...)` term is R's nesting operator, which is not
/// supported: the error says to wrap it in `I()`.
struct FormulaParser {
    private let text: String
    /// What is parsed, for error messages: `formula` or `subset`.
    private let context: String
    private let tokens: [FormulaToken]
    private var index = 0
    private var strata: [String] = []
    private var cluster: String?
    private var frailty: FrailtyTerm?
    private var offsets: [FormulaExpression] = []
    private var hasIntercept = true
    private var order: [Formula.Variable] = []
    private var columns: [String] = []
    /// How deeply the parse is nested now (parentheses, calls, unary
    /// operators, operator chains), against `maximumDepth`.
    private var depth = 0

    /// The deepest nesting a formula or subset may have. Deeper expressions
    /// (5,000 nested parentheses, 100,000 unary minus signs, a chain of
    /// 10,000 additions inside `I()`) are a usage error rather than a stack
    /// overflow here or in the recursive evaluation; R itself stops nested
    /// parentheses at 50 ("contextstack overflow").
    static let maximumDepth = 200

    /// A piece of the right-hand side: model terms (each a list of variables),
    /// or an intercept marker, or a special (strata/cluster/offset) already recorded.
    private enum Piece {
        case terms([[Formula.Variable]])
        case intercept(Bool)
        case special(String)
    }

    init(_ text: String, context: String = "formula") throws {
        self.text = text
        self.context = context
        self.tokens = try FormulaLexer.tokenize(text, context: context)
    }

    /// Parses the whole text as one expression (a `--subset`).
    mutating func parseWholeExpression() throws -> FormulaExpression {
        let e = try parseExpression()
        guard current.kind == .end else { throw fail("unexpected text after the expression") }
        return e
    }

    private var current: FormulaToken { tokens[index] }

    private func fail(_ message: String, at token: FormulaToken? = nil) -> CohortError {
        let t = token ?? current
        let shown = t.kind == .end ? "the end of the \(context)" : t.shown
        // A hostile 100,000-character formula is not echoed whole.
        let quoted = text.abbreviated()
        return CohortError(
            .formulaSyntax,
            message: "in \(context) \"\(quoted)\": \(message) at position \(t.position), found \(shown)")
    }

    private func isSymbol(_ s: String) -> Bool { current.kind == .symbol(s) }

    /// Enters one level of nesting; an error past `maximumDepth`.
    private mutating func descend(_ extra: Int = 0) throws {
        depth += 1
        if depth + extra > Self.maximumDepth {
            throw fail("the \(context) is nested more than \(Self.maximumDepth) levels deep; write it more simply")
        }
    }

    private mutating func expect(_ s: String, _ what: String) throws {
        guard isSymbol(s) else { throw fail("expected \"\(s)\" \(what)") }
        index += 1
    }

    private mutating func noteColumns(_ names: [String]) {
        for n in names where !columns.contains(n) { columns.append(n) }
    }

    // MARK: Formula

    mutating func parseFormula() throws -> Formula {
        var response: Formula.Response?
        if !isSymbol("~") {
            if case .name("Surv") = current.kind, tokens[index + 1].kind == .symbol("(") {
                response = try parseSurv()
            } else {
                let e = try parseExpression()
                noteColumns(e.variables)
                response = .outcome(e)
            }
        }
        try expect("~", "between the response and the terms")
        let rhs = try parseSum()
        guard current.kind == .end else { throw fail("unexpected text after the formula") }
        var terms: [[Formula.Variable]] = []
        switch rhs {
        case .terms(let t): terms = t
        case .intercept(let keep): hasIntercept = keep
        case .special: break
        }
        // R's ordering: variables inside a term by first appearance, terms by degree (stable).
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let normalised = terms.map { vars in vars.sorted { (rank[$0] ?? 0) < (rank[$1] ?? 0) } }
        let sorted = normalised.enumerated().sorted { a, b in
            a.element.count != b.element.count ? a.element.count < b.element.count : a.offset < b.offset
        }.map { Formula.Term(variables: $0.element) }
        return Formula(
            text: text, response: response, terms: sorted, strata: strata, cluster: cluster,
            offsets: offsets, hasIntercept: hasIntercept, variableOrder: order, columnsUsed: columns, frailty: frailty)
    }

    private mutating func parseSurv() throws -> Formula.Response {
        let surv = current
        index += 2  // Surv (
        var arguments: [FormulaExpression] = []
        var type: (name: String, token: FormulaToken)?
        while true {
            if case .name("type") = current.kind, tokens[index + 1].kind == .symbol("=") {
                let named = current
                index += 2  // type =
                guard case .string(let value) = current.kind else {
                    throw fail("expected a quoted Surv() type after type =, e.g. type = \"interval2\"")
                }
                guard type == nil else { throw fail("Surv() has type = given twice", at: named) }
                type = (value, current)
                index += 1
            } else {
                guard type == nil else { throw fail("Surv(): the times come before type =") }
                let e = try parseExpression()
                noteColumns(e.variables)
                arguments.append(e)
            }
            if isSymbol(",") {
                index += 1
                continue
            }
            try expect(")", "to close Surv(")
            break
        }
        if let type {
            guard type.name == "interval2" else {
                throw fail(
                    "Surv(type = \"\(type.name)\") is not supported: type = \"interval2\" (interval censoring) is;"
                        + " right-censored and counting-process data need no type",
                    at: type.token)
            }
            guard arguments.count == 2 else {
                throw fail(
                    "Surv(left, right, type = \"interval2\") takes two times, not \(arguments.count)", at: surv)
            }
            return .interval(left: arguments[0], right: arguments[1])
        }
        switch arguments.count {
        case 2: return .rightCensored(time: arguments[0], status: arguments[1])
        case 3: return .counting(start: arguments[0], stop: arguments[1], status: arguments[2])
        default:
            throw fail(
                "Surv() takes (time, status), (start, stop, status) or (left, right, type = \"interval2\"),"
                    + " not \(arguments.count) arguments", at: surv)
        }
    }

    // MARK: Right-hand side

    private static func union(_ a: [Formula.Variable], _ b: [Formula.Variable]) -> [Formula.Variable] {
        var out = a
        for v in b where !out.contains(v) { out.append(v) }
        return out
    }

    private static func same(_ a: [Formula.Variable], _ b: [Formula.Variable]) -> Bool {
        a.count == b.count && a.allSatisfy { b.contains($0) }
    }

    private static func add(_ terms: [[Formula.Variable]], to list: inout [[Formula.Variable]]) {
        for t in terms where !list.contains(where: { same($0, t) }) { list.append(t) }
    }

    private mutating func parseSum() throws -> Piece {
        try descend()
        defer { depth -= 1 }
        var list: [[Formula.Variable]] = []
        var sawTerms = false
        var negateFirst = false
        if isSymbol("-") {
            negateFirst = true
            index += 1
        }
        var piece = try parseProduct()
        var subtract = negateFirst
        while true {
            switch piece {
            case .terms(let t):
                sawTerms = true
                if subtract {
                    list.removeAll { existing in t.contains { Self.same($0, existing) } }
                } else {
                    try checkTermCount(list.count + t.count)
                    Self.add(t, to: &list)
                }
            case .intercept(let keep):
                hasIntercept = subtract ? !keep : keep
            case .special:
                if subtract { throw fail("cannot subtract strata(), cluster(), frailty() or offset()") }
            }
            if isSymbol("+") {
                subtract = false
            } else if isSymbol("-") {
                subtract = true
            } else {
                break
            }
            index += 1
            piece = try parseProduct()
        }
        if sawTerms { return .terms(list) }
        return .intercept(hasIntercept)
    }

    private mutating func parseProduct() throws -> Piece {
        var left = try parseInteraction()
        while isSymbol("*") {
            let op = current
            index += 1
            let right = try parseInteraction()
            guard case .terms(let a) = left, case .terms(let b) = right else {
                throw fail("only model terms can be crossed with *", at: op)
            }
            try checkTermCount(a.count + b.count + a.count * b.count, at: op)
            var list = a
            Self.add(b, to: &list)
            Self.add(Self.cross(a, b), to: &list)
            left = .terms(list)
        }
        return left
    }

    private mutating func parseInteraction() throws -> Piece {
        var left = try parseAtom()
        if isSymbol("%in%") { throw nestingOperator() }
        while isSymbol(":") {
            let op = current
            index += 1
            let right = try parseAtom()
            guard case .terms(let a) = left, case .terms(let b) = right else {
                throw fail("only model terms can interact with :", at: op)
            }
            try checkTermCount(a.count * b.count, at: op)
            left = .terms(Self.cross(a, b))
            if isSymbol("%in%") { throw nestingOperator() }
        }
        return left
    }

    /// `a %in% b` as a model term is R's nesting operator, which survkit does not fit.
    private func nestingOperator() -> CohortError {
        fail("a bare %in% term is R's nesting operator (not supported); for membership write it inside I(),"
             + " e.g. I(x %in% c(\"a\", \"b\")), or as.numeric(x %in% c(...))")
    }

    /// The most model terms a formula may expand to. `a*b*c*...` doubles the
    /// terms with every factor (and removing duplicates is quadratic), so
    /// without a bound a short formula takes minutes or exhausts memory
    /// (found by fuzzing; Tests/Fixtures/fuzz-regressions/fuzz-formula).
    static let maxTerms = 1024

    /// Throws when `count` (an upper bound, before duplicates are removed) exceeds `maxTerms`.
    private func checkTermCount(_ count: Int, at token: FormulaToken? = nil) throws {
        if count > Self.maxTerms {
            throw fail("the formula expands to more than \(Self.maxTerms) model terms", at: token)
        }
    }

    /// R's crossing order: for each term of `b`, each term of `a`.
    private static func cross(_ a: [[Formula.Variable]], _ b: [[Formula.Variable]]) -> [[Formula.Variable]] {
        var out: [[Formula.Variable]] = []
        for y in b { for x in a { add([union(x, y)], to: &out) } }
        return out
    }

    private mutating func variable(_ v: Formula.Variable) -> Piece {
        if !order.contains(v) { order.append(v) }
        noteColumns(v.columns)
        return .terms([[v]])
    }

    private mutating func parseAtom() throws -> Piece {
        let token = current
        switch token.kind {
        case .symbol("("):
            index += 1
            let inner = try parseSum()
            try expect(")", "to close the parenthesis")
            return inner
        case .number(let x) where x == 0 || x == 1:
            index += 1
            return .intercept(x == 1)
        case .name(let name):
            guard tokens[index + 1].kind == .symbol("(") else {
                index += 1
                return variable(.column(name))
            }
            index += 2
            switch name {
            case "factor" where Self.isNameThenClose(tokens, index), "as.factor" where Self.isNameThenClose(tokens, index):
                let column = try parseName("a column name inside \(name)()")
                try expect(")", "to close \(name)(")
                return variable(.factor(column))
            case "strata":
                repeat {
                    if isSymbol(",") { index += 1 }
                    let column = try parseName("a column name inside strata()")
                    noteColumns([column])
                    if !strata.contains(column) { strata.append(column) }
                } while isSymbol(",")
                try expect(")", "to close strata(")
                return .special("strata")
            case "cluster":
                let column = try parseName("a column name inside cluster()")
                try expect(")", "to close cluster(")
                if let cluster, cluster != column { throw fail("only one cluster() is allowed", at: token) }
                noteColumns([column])
                cluster = column
                return .special("cluster")
            case "frailty", "frailty.gamma", "frailty.gaussian":
                let arguments = try parseArguments(of: name)
                let term: FrailtyTerm
                do { term = try FrailtyTerm(function: name, arguments: arguments) } catch { throw fail(error.message, at: token) }
                if frailty != nil { throw fail("only one frailty() term is allowed", at: token) }
                noteColumns([term.column])
                frailty = term
                return .special("frailty")
            case "offset":
                let e = try parseExpression()
                try expect(")", "to close offset(")
                noteColumns(e.variables)
                offsets.append(e)
                return .special("offset")
            case "tt":
                // coxph's time-transform term: tt(x) is x here (R's own
                // `tt <- function(x) x` while the frame is built); the Cox
                // frame replaces it by f(x, t) (`ModelFrame+TimeTransform.swift`).
                let column = try parseName("a column name inside tt()")
                try expect(")", "to close tt(")
                return variable(.expression(.call("tt", .variable(column))))
            case "ns", "bs":
                let arguments = try parseArguments(of: name)
                do {
                    return variable(.spline(try SplineTerm(kind: name == "ns" ? .natural : .bSpline, arguments: arguments)))
                } catch {
                    throw fail(error.message, at: token)
                }
            case "pspline":
                let arguments = try parseArguments(of: name)
                do { return variable(.spline(try SplineTerm(pspline: arguments))) } catch { throw fail(error.message, at: token) }
            case "Surv":
                throw fail("Surv() belongs on the left of ~", at: token)
            default:
                guard FormulaExpression.functions.contains(name), name != "c" else {
                    throw fail("unknown function \(name)(); supported: factor, ns, bs, pspline, strata, cluster, frailty, offset, "
                        + FormulaExpression.functions.subtracting(["c"]).sorted().joined(separator: ", "), at: token)
                }
                index -= 2
                return variable(.expression(try parsePrimary()))
            }
        default:
            throw fail("expected a term (a column name, factor(x), strata(x), ...)")
        }
    }

    /// Whether the tokens from `k` are a name and a closing parenthesis (`factor(x)`).
    private static func isNameThenClose(_ tokens: [FormulaToken], _ k: Int) -> Bool {
        guard k + 1 < tokens.count, case .name = tokens[k].kind else { return false }
        return tokens[k + 1].kind == .symbol(")")
    }

    private mutating func parseName(_ what: String) throws -> String {
        guard case .name(let name) = current.kind else { throw fail("expected \(what)") }
        index += 1
        return name
    }

    // MARK: Arithmetic expressions

    mutating func parseExpression(minimum: Int = 1) throws -> FormulaExpression {
        try descend()
        defer { depth -= 1 }
        var left = try parseUnary()
        // Each link of a chain (a + b + c ...) nests the tree one level deeper.
        var links = 0
        while case .symbol(let op) = current.kind {
            if op == "&&" || op == "||" {
                throw fail("use the vectorised \(op.prefix(1)) instead of \(op)")
            }
            let p = FormulaExpression.precedence(op)
            guard p >= minimum, p > 0 else { break }
            links += 1
            if depth + links > Self.maximumDepth {
                throw fail("the \(context) is nested more than \(Self.maximumDepth) levels deep; write it more simply")
            }
            index += 1
            // ^ is right-associative; the others left-associative.
            let right = try op == "^" ? parseExpression(minimum: p) : parseExpression(minimum: p + 1)
            left = .binary(op, left, right)
        }
        return left
    }

    private mutating func parseUnary() throws -> FormulaExpression {
        if isSymbol("-") {
            index += 1
            return .negate(try parseExpression(minimum: FormulaExpression.negateOperand))
        }
        if isSymbol("+") {
            index += 1
            return try parseExpression(minimum: FormulaExpression.negateOperand)
        }
        if isSymbol("!") {
            index += 1
            return .not(try parseExpression(minimum: FormulaExpression.notOperand))
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws -> FormulaExpression {
        let token = current
        switch token.kind {
        case .number(let x):
            index += 1
            return .number(x)
        case .string(let s):
            index += 1
            return .string(s)
        case .symbol("("):
            index += 1
            let e = try parseExpression()
            try expect(")", "to close the parenthesis")
            return .parenthesized(e)
        case .name(let name):
            index += 1
            guard isSymbol("(") else {
                switch name {
                case "TRUE": return .logical(true)
                case "FALSE": return .logical(false)
                case "NA": return .logical(nil)
                case "Inf": return .number(.infinity)
                default: return .variable(name)
                }
            }
            guard FormulaExpression.functions.contains(name) else {
                throw fail("unknown function \(name)() in an expression; supported: "
                    + FormulaExpression.functions.sorted().joined(separator: ", "), at: token)
            }
            index += 1
            let arguments = try parseArguments(of: name)
            if arguments.count == 1, arguments[0].name == nil { return .call(name, arguments[0].value) }
            return .function(name, arguments)
        default:
            throw fail("expected a number, a string, a column name or (")
        }
    }

    /// The arguments of a call up to its closing parenthesis (the opening one
    /// already read): `x, df = 4`.
    private mutating func parseArguments(of name: String) throws -> [FormulaArgument] {
        var arguments: [FormulaArgument] = []
        if !isSymbol(")") {
            repeat {
                if isSymbol(",") { index += 1 }
                var argumentName: String? = nil
                if case .name(let n) = current.kind, tokens[index + 1].kind == .symbol("=") {
                    argumentName = n
                    index += 2
                }
                arguments.append(FormulaArgument(name: argumentName, value: try parseExpression()))
            } while isSymbol(",")
        }
        try expect(")", "to close \(name)(")
        return arguments
    }
}
