import SurvivalNumerics

extension ModelFrameBuilder {
    /// The basis of each `ns()`/`bs()` variable, keyed by its R label, with the
    /// warnings R gives (a df too small for the basis is raised to the minimum).
    ///
    /// The knots are placed on every row of the data where the variable is a
    /// finite number — before the rows with missing values elsewhere are
    /// dropped and before `--subset`, because R's `model.frame` evaluates
    /// `ns(x)` on the whole data and applies the subset and `na.omit`
    /// afterwards. Bases in `given` (a fitted model's, for new data) are used
    /// as they are, as R's `predict()` does through `makepredictcall`.
    func splineBases(given: [String: SplineBasis] = [:]) throws -> (bases: [String: SplineBasis], warnings: [String]) {
        var bases: [String: SplineBasis] = [:]
        var warnings: [String] = []
        for v in formula.variableOrder {
            guard case .spline(let s) = v else { continue }
            if let b = given[v.label] {
                bases[v.label] = b
                continue
            }
            let x = try splineArgument(s, rows: Array(0..<cohort.rowCount))
            do {
                if let penalty = s.penalty {
                    bases[v.label] = try SplineBasis.penalized(x: x, nterm: penalty.nterm, degree: s.degree, boundary: s.boundary)
                    continue
                }
                let made = try SplineBasis.make(
                    s.kind, x: x, df: s.df, knots: s.knots, degree: s.degree, intercept: s.intercept, boundary: s.boundary)
                bases[v.label] = made.basis
                if let used = made.raisedDF {
                    warnings.append("\(s.text): 'df' was too small; have used \(used)")
                }
            } catch {
                let why: String
                switch error {
                case .tooFewValues: why = "the variable needs at least two distinct values"
                case .badKnots(let message): why = message
                case .badDegree(let d): why = "degree must be at least 1, found \(d)"
                }
                throw CohortError(.invalidValue, file: cohort.fileName, message: "\(s.text): \(why)")
            }
        }
        return (bases, warnings)
    }

    /// The spline's variable on `rows`: a missing or non-numeric value as NaN
    /// (left out of the knot placement; such rows are dropped from the model
    /// by the complete-case rule before the basis is evaluated on them).
    private func splineArgument(_ s: SplineTerm, rows: [Int]) throws -> [Double] {
        if case .variable(let name) = s.argument {
            let v = try numericColumn(name, as: "a spline variable")
            return rows.map { v[$0] }
        }
        let values = try evaluator(rows: rows).numbers(s.argument)
        return values.count == 1 && rows.count != 1 ? Array(repeating: values[0], count: rows.count) : values
    }

    /// The basis columns of `s` on the used rows (column-major: one array per
    /// basis column), each value finite (a non-finite variable is an error at
    /// its line, as for any covariate).
    func splineColumns(_ s: SplineTerm, basis: SplineBasis, rows: [Int]) throws -> [[Double]] {
        let x = try numeric(s.argument, rows: rows, as: "a spline variable")
        let rowsOfBasis = basis.evaluate(x)
        var columns = [[Double]](repeating: [Double](repeating: 0, count: rows.count), count: basis.columns)
        for (i, r) in rowsOfBasis.enumerated() {
            for j in 0..<basis.columns { columns[j][i] = r[j] }
        }
        return columns
    }

    /// The carrier of each main-effect spline term on the used rows (see
    /// ``ModelFrame/splineCarriers``): the first argument followed down to a column.
    func splineCarriers(rows: [Int]) throws -> (values: [String: [Double]], names: [String: String]) {
        var out: [String: [Double]] = [:]
        var names: [String: String] = [:]
        for term in formula.terms where term.variables.count == 1 {
            guard case .spline(let s) = term.variables[0] else { continue }
            var e = s.argument
            while true {
                switch e {
                case .call(_, let inner), .parenthesized(let inner): e = inner; continue
                case .function(_, let arguments) where !arguments.isEmpty: e = arguments[0].value; continue
                default: break
                }
                break
            }
            guard case .variable(let name) = e else { continue }
            out[term.name] = try numeric(e, rows: rows, as: "a spline variable")
            names[term.name] = name
        }
        return (out, names)
    }
}
