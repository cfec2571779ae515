/// A row filter in R's syntax, as R's `subset(d, EXPR)`: comparisons of
/// numbers, of text with quoted strings, and of a date column with
/// `"YYYY-MM-DD"` strings (compared as dates), `%in% c(...)`, `&`, `|`, `!`,
/// `is.na()`, parentheses and the formula functions (`ExpressionEvaluator`).
///
/// A row is kept where the expression is TRUE; FALSE *and NA* leave it out,
/// with R's three-valued logic (`NA | TRUE` is TRUE, `NA & FALSE` is FALSE),
/// so `age > 60` leaves out the rows with a missing age.
///
///     let s = try RowSubset("sex == 2 & !is.na(ph.ecog)")
///     let keep = try s.keeps(in: lung)     // [Bool], one per row
public struct RowSubset: Sendable, Equatable, CustomStringConvertible {
    /// The expression as given.
    public let text: String
    /// The parsed expression.
    public let expression: FormulaExpression

    /// Parses `text`; an error (`.formulaSyntax`) names the 1-based position.
    public init(_ text: String) throws {
        var parser = try FormulaParser(text, context: "subset")
        self.text = text
        self.expression = try parser.parseWholeExpression()
    }

    public var description: String { text }

    /// The columns the expression reads, in order of appearance.
    public var columns: [String] { expression.variables }

    /// Whether each row of `cohort` is kept (TRUE; FALSE and NA are not).
    ///
    /// - Throws: `CohortError` `.unknownColumn` (listing the columns) for a
    ///   column the cohort lacks; `.invalidValue` when the expression is not
    ///   logical or compares text with numbers; `.notNumeric` for arithmetic
    ///   on a text column.
    public func keeps(in cohort: Cohort) throws -> [Bool] {
        for name in columns where cohort.index(of: name) == nil { throw cohort.unknownColumnError(name) }
        let evaluator = ExpressionEvaluator(
            cohort: cohort, rows: Array(0..<cohort.rowCount),
            numericColumn: { name in
                throw CohortError(
                    .notNumeric, file: cohort.fileName, column: name,
                    columnPosition: cohort.position(of: name),
                    message: "in subset \"\(text)\": \(name) is a text column, used as numbers")
            })
        let value = try evaluator.evaluate(expression).recycled(to: cohort.rowCount)
        guard case .logicals(let truth) = value else {
            throw CohortError(
                .invalidValue, file: cohort.fileName,
                message: "subset \"\(text)\" must be logical (TRUE/FALSE), e.g. age > 60; it is \(value.typeName)")
        }
        return truth.map { $0 == true }
    }
}
