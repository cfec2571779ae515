extension Formula.Response {
    /// The response as R writes it: `Surv(time, status)`,
    /// `Surv(start, stop, status)`, `Surv(left, right, type = "interval2")`, or
    /// the outcome expression.
    public var text: String {
        switch self {
        case .rightCensored(let time, let status): return "Surv(\(time.text), \(status.text))"
        case .counting(let start, let stop, let status): return "Surv(\(start.text), \(stop.text), \(status.text))"
        case .interval(let left, let right): return "Surv(\(left.text), \(right.text), type = \"interval2\")"
        case .outcome(let e): return e.text
        }
    }
}

extension Formula {
    /// A formula assembled from its parts rather than typed, as R's
    /// `reformulate(termlabels, response)`: `response ~ t1 + t2 + strata(s) +
    /// cluster(id) + offset(z)`, and `~ 1` when there is nothing on the right.
    ///
    /// Column names are back-quoted where R needs it. Each term is R syntax
    /// (`age`, `factor(grade)`, `age*sex`) and is expanded as in a typed
    /// formula; like `reformulate`, the assembled text is then read by the
    /// formula parser, so the result is exactly the formula a user would get
    /// by typing `text`.
    ///
    /// - Throws: `CohortError` (`.formulaSyntax`) when a term does not parse.
    public init(
        response: Response?, terms: [String], strata: [String] = [], cluster: String? = nil,
        offsets: [FormulaExpression] = []
    ) throws {
        let quoted = { (name: String) in FormulaExpression.variable(name).text }
        var right = terms
        right += strata.map { "strata(\(quoted($0)))" }
        if let cluster { right.append("cluster(\(quoted(cluster)))") }
        right += offsets.map { "offset(\($0.text))" }
        if terms.isEmpty && strata.isEmpty && cluster == nil && offsets.isEmpty { right = ["1"] }
        else if terms.isEmpty { right.insert("1", at: 0) }
        let text = (response.map { $0.text + " " } ?? "") + "~ " + right.joined(separator: " + ")
        try self.init(text)
    }
}
