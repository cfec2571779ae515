extension FactorCoding {
    /// Codes and labels as they are (codes `0..<labels.count`).
    init(codes: [Int], labels: [String]) {
        self.codes = codes
        self.labels = labels
    }

    /// A categorical expression value (factor, text or logical, no NA left)
    /// as a coding: R's level order (a factor's own, text sorted as
    /// `factor()`, logical FALSE then TRUE), levels absent from the rows left
    /// out as for a column.
    init(derived value: ExpressionValue, evaluator: ExpressionEvaluator, expression: FormulaExpression) throws {
        let factor: ExpressionValue
        if case .factor = value { factor = value } else {
            factor = try evaluator.factor(expression, expression)
        }
        guard case .factor(let raw, let levels) = factor.recycled(to: evaluator.rows.count) else {
            self.init(codes: [], labels: [])
            return
        }
        var present = [Bool](repeating: false, count: levels.count)
        for c in raw where c >= 0 { present[Int(c)] = true }
        let kept = levels.indices.filter { present[$0] }
        var newCode = [Int](repeating: -1, count: levels.count)
        for (k, old) in kept.enumerated() { newCode[old] = k }
        self.init(codes: raw.map { $0 < 0 ? -1 : newCode[Int($0)] }, labels: kept.map { levels[$0] })
    }
}
