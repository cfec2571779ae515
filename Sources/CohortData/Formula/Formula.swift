/// A survival model formula in R's notation, parsed.
///
/// `Surv(time, status) ~ age + factor(ph.ecog) + sex:age + strata(inst) + cluster(id) + offset(log(pt))`.
/// The right-hand side is expanded as R's `terms.formula` does: `a*b` is
/// `a + b + a:b`, duplicate terms are dropped, and terms are ordered by the
/// number of variables (main effects, then two-way interactions, ...),
/// keeping the order of appearance otherwise. Inside an interaction the
/// variables are ordered by their first appearance in the formula, so
/// `sex:age` after `age` is the term `age:sex`, as R names it.
/// `strata(...)`, `cluster(...)` and `offset(...)` are pulled out of the
/// terms as R's `coxph` does.
public struct Formula: Sendable, Equatable, CustomStringConvertible {
    /// The left-hand side.
    public enum Response: Sendable, Equatable {
        /// `Surv(time, status)`.
        case rightCensored(time: FormulaExpression, status: FormulaExpression)
        /// `Surv(start, stop, status)`.
        case counting(start: FormulaExpression, stop: FormulaExpression, status: FormulaExpression)
        /// `Surv(left, right, type = "interval2")`: interval-censored times, as R's
        /// `interval2` type: a missing `left` is left-censored at `right`, a missing
        /// `right` right-censored at `left`, `left == right` exact, both missing a
        /// missing response.
        case interval(left: FormulaExpression, right: FormulaExpression)
        /// A plain outcome, e.g. `events ~ x` for Poisson regression.
        case outcome(FormulaExpression)
    }

    /// One variable of a model term.
    public enum Variable: Sendable, Equatable, Hashable {
        /// A column used as it is (numeric as numbers, text as a factor).
        case column(String)
        /// `factor(x)`: the column as a categorical variable.
        case factor(String)
        /// A computed numeric variable such as `log(age)` or `I(age^2)`.
        case expression(FormulaExpression)
        /// `ns(x, df = k)` / `bs(x, df = k)`: the columns of a spline basis.
        case spline(SplineTerm)

        /// The variable as R labels it in a term: `age`, `factor(ph.ecog)`, `log(age)`.
        public var label: String {
            switch self {
            case .column(let name): return FormulaExpression.variable(name).text
            case .factor(let name): return "factor(\(FormulaExpression.variable(name).text))"
            case .expression(let e): return e.text
            case .spline(let s): return s.text
            }
        }

        /// The name used in design-column and group labels: the column name
        /// for `x` and `factor(x)` (`x=LEVEL`), `ns(x)` for a spline (columns
        /// `ns(x)1` …), the expression text otherwise.
        public var baseName: String {
            switch self {
            case .column(let name), .factor(let name): return name
            case .expression(let e): return e.text
            case .spline(let s): return s.stem
            }
        }

        /// Columns read.
        public var columns: [String] {
            switch self {
            case .column(let name), .factor(let name): return [name]
            case .expression(let e): return e.variables
            case .spline(let s): return s.argument.variables
            }
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(label) }
    }

    /// A model term: one variable, or an interaction of several (ordered as R orders them).
    public struct Term: Sendable, Equatable {
        public var variables: [Variable]
        /// `age`, `age:sex`, as R's term labels but with factor(x) shown as x.
        public var name: String { variables.map(\.baseName).joined(separator: ":") }
        /// R's term label: `age:factor(sex)`.
        public var label: String { variables.map(\.label).joined(separator: ":") }
    }

    /// The original text.
    public var text: String
    public var response: Response?
    /// Model terms in R's order.
    public var terms: [Term]
    /// Columns of `strata(...)` calls, in order (several calls are combined).
    public var strata: [String]
    /// The column of `cluster(...)`.
    public var cluster: String?
    /// The shared frailty from `frailty(g)`; `nil` without (only `cox` fits it).
    public var frailty: FrailtyTerm?
    /// `offset(...)` expressions (summed).
    public var offsets: [FormulaExpression]
    /// Whether the formula keeps the intercept (`- 1` or `+ 0` removes it).
    public var hasIntercept: Bool
    /// The model-term variables in order of first appearance.
    public var variableOrder: [Variable]
    /// Every data column the formula reads, in the order it first appears in
    /// the text (left-hand side first, then terms, strata, cluster, offsets as written).
    public var columnsUsed: [String]

    public var description: String { text }

    /// Parses a formula; errors name the character position (1-based).
    public init(_ text: String) throws {
        var parser = try FormulaParser(text)
        self = try parser.parseFormula()
    }

    init(
        text: String, response: Response?, terms: [Term], strata: [String], cluster: String?,
        offsets: [FormulaExpression], hasIntercept: Bool, variableOrder: [Variable], columnsUsed: [String],
        frailty: FrailtyTerm? = nil
    ) {
        self.frailty = frailty
        self.columnsUsed = columnsUsed
        self.text = text
        self.response = response
        self.terms = terms
        self.strata = strata
        self.cluster = cluster
        self.offsets = offsets
        self.hasIntercept = hasIntercept
        self.variableOrder = variableOrder
    }
}

extension Formula: Encodable {
    /// A formula is written as its text (`"Surv(time, status) ~ age"`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
