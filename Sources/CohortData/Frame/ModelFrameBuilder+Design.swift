import SurvivalNumerics

extension ModelFrameBuilder {
    /// One column a variable contributes to a term: its name and values over the used rows.
    private struct Part {
        var name: String
        var values: [Double]
    }

    /// The design matrix as `model.matrix` builds it, without the intercept.
    /// A spline variable gives its basis columns (`bases`, keyed by the
    /// variable's label), named `ns(x)1` … as the contract says.
    func designMatrix(
        rows: [Int], codings: [Formula.Variable: FactorCoding], bases: [String: SplineBasis] = [:]
    ) throws -> (matrix: Matrix, names: [String], terms: [String]) {
        try checkFactorsHaveTwoLevels(codings)
        let n = rows.count
        var names: [String] = []
        var terms: [String] = []
        var storage: [Double] = []
        // At most this many columns: one per level of each factor in a term.
        let columnBound = formula.terms.reduce(0) { sum, term in
            sum + term.variables.reduce(1) { $0 * Swift.max(1, codings[$1]?.labels.count ?? bases[$1.label]?.columns ?? 1) }
        }
        storage.reserveCapacity(n * columnBound)
        let present = formula.terms.map { Set($0.variables.map(\.label)) }
        for term in formula.terms {
            if term.variables.count == 1 {
                // A main effect: its column(s) go straight into the matrix.
                let v = term.variables[0]
                if case .spline(let spline) = v, let basis = bases[v.label] {
                    for (k, column) in try splineColumns(spline, basis: basis, rows: rows).enumerated() {
                        names.append("\(v.baseName)\(k + 1)")
                        terms.append(term.name)
                        storage.append(contentsOf: column)
                    }
                } else if let coding = codings[v] {
                    let levels = formula.hasIntercept ? Array(coding.labels.indices.dropFirst()) : Array(coding.labels.indices)
                    for level in levels {
                        names.append("\(v.baseName)=\(coding.labels[level])")
                        terms.append(term.name)
                        storage.append(contentsOf: coding.codes.lazy.map { $0 == level ? 1 : 0 })
                    }
                } else {
                    names.append(v.baseName)
                    terms.append(term.name)
                    storage.append(contentsOf: try numeric(v, rows: rows))
                }
                continue
            }
            var columns: [Part] = [Part(name: "", values: Array(repeating: 1, count: n))]
            for v in term.variables {
                let parts: [Part]
                if case .spline(let spline) = v, let basis = bases[v.label] {
                    parts = try splineColumns(spline, basis: basis, rows: rows).enumerated().map { k, column in
                        Part(name: "\(v.baseName)\(k + 1)", values: column)
                    }
                } else if let coding = codings[v] {
                    // Contrasts when the term without this factor is in the model (intercept included).
                    let rest = Set(term.variables.filter { $0 != v }.map(\.label))
                    let contrasts = rest.isEmpty ? formula.hasIntercept : present.contains(rest)
                    let levels = contrasts ? Array(coding.labels.indices.dropFirst()) : Array(coding.labels.indices)
                    parts = levels.map { level in
                        Part(name: "\(v.baseName)=\(coding.labels[level])",
                             values: coding.codes.map { $0 == level ? 1 : 0 })
                    }
                } else {
                    parts = [Part(name: v.baseName, values: try numeric(v, rows: rows))]
                }
                // The earlier variables vary fastest: for each new part, every existing column.
                var product: [Part] = []
                for p in parts {
                    for c in columns {
                        let name = c.name.isEmpty ? p.name : c.name + ":" + p.name
                        var values = c.values
                        for i in 0..<n { values[i] *= p.values[i] }
                        product.append(Part(name: name, values: values))
                    }
                }
                columns = product
            }
            for c in columns {
                names.append(c.name)
                terms.append(term.name)
                storage.append(contentsOf: c.values)
            }
        }
        let matrix = Matrix(rows: n, columns: names.count, columnMajor: storage)
        return (matrix, names, terms)
    }
}
