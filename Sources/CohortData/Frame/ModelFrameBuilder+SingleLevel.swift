extension ModelFrameBuilder {
    /// R's `model.matrix` refuses a factor with one level among the rows used
    /// ("contrasts can be applied only to factors with 2 or more levels"): a
    /// term needs two levels to contrast. Checked for the factors of the model's
    /// terms only — a single-level `strata(...)` or grouping variable is fine, as
    /// in R. Called from ``designMatrix(rows:codings:)``; new-data codings carry
    /// the fitted model's levels, so they pass.
    func checkFactorsHaveTwoLevels(_ codings: [Formula.Variable: FactorCoding]) throws {
        for v in formula.variableOrder where formula.terms.contains(where: { $0.variables.contains(v) }) {
            guard let coding = codings[v], coding.labels.count < 2 else { continue }
            let only = coding.labels.first.map { " (\"\($0)\")" } ?? ""
            throw CohortError(
                .invalidValue, file: cohort.fileName, column: v.baseName,
                columnPosition: cohort.position(of: v.baseName),
                message: "factor \(v.baseName) has only one level\(only) among the rows used; a model term "
                    + "needs 2 or more levels (R: contrasts can be applied only to factors with 2 or more levels)")
        }
    }
}
