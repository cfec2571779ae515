/// The function of coxph's `tt()` terms, written as an R expression in `x`
/// (the term's variable) and `t` (the event time), e.g. `x * log(t)`: as
/// `coxph(Surv(time, status) ~ age + tt(age), tt = function(x, t, ...) x * log(t))`.
/// One expression serves every `tt()` term of a formula, as one function does in R.
///
/// The expression uses the formula language (`ExpressionEvaluator`):
/// arithmetic, `log`, `exp`, `pmin`, comparisons (a logical counts 0/1), ...
public struct TimeTransform: Sendable, Equatable, CustomStringConvertible {
    /// The expression as given.
    public let text: String
    let expression: FormulaExpression

    /// Parses `text`; a syntax error, or a variable other than `x` and `t`,
    /// is a `CohortError` (`.formulaSyntax`) saying so.
    public init(_ text: String) throws {
        var parser = try FormulaParser(text, context: "tt")
        let expression = try parser.parseWholeExpression()
        if let other = expression.variables.first(where: { $0 != "x" && $0 != "t" }) {
            throw CohortError(
                .formulaSyntax,
                message: "in tt \"\(text)\": \"\(other)\" is not x (the term's variable) or t (the event time);"
                    + " write the transform in x and t, e.g. \"x * log(t)\"")
        }
        self.text = text
        self.expression = expression
    }

    public var description: String { text }

    /// f(x, t) for each pair, as numbers; `nil` entries where the value is
    /// not a finite number are reported by the caller.
    func values(x: [Double], t: [Double]) throws -> [Double] {
        let cohort = try Cohort(fileName: "tt", columns: [("x", .numeric(x)), ("t", .numeric(t))])
        let evaluator = ExpressionEvaluator(
            cohort: cohort, rows: Array(0..<x.count), numericColumn: { _ in [] })
        var out = try evaluator.numbers(expression)
        if out.count == 1 && x.count != 1 { out = [Double](repeating: out[0], count: x.count) }
        return out
    }
}

extension Formula {
    /// The labels of the formula's `tt(x)` terms (`tt(age)`), in formula order.
    public var timeTransformTerms: [String] {
        variableOrder.compactMap { v in
            if case .expression(.call("tt", .variable))  = v { return v.label }
            return nil
        }
    }
}
