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
        // The columns are gathered first (a plain numeric column used on every
        // row is the cohort's own array, not a copy) and copied into the
        // matrix at the end, in parallel (see `assemble`).
        var storage: [[Double]] = []
        let present = formula.terms.map { Set($0.variables.map(\.label)) }
        for term in formula.terms {
            if term.variables.count == 1 {
                // A main effect: its column(s) go straight into the matrix.
                let v = term.variables[0]
                if case .spline(let spline) = v, let basis = bases[v.label] {
                    for (k, column) in try splineColumns(spline, basis: basis, rows: rows).enumerated() {
                        names.append("\(v.baseName)\(k + spline.firstColumnNumber)")
                        terms.append(term.name)
                        storage.append(column)
                    }
                } else if let coding = codings[v] {
                    let levels = formula.hasIntercept ? Array(coding.labels.indices.dropFirst()) : Array(coding.labels.indices)
                    for level in levels {
                        names.append("\(v.baseName)=\(coding.labels[level])")
                        terms.append(term.name)
                        storage.append(coding.codes.map { $0 == level ? 1 : 0 })
                    }
                } else {
                    names.append(v.baseName)
                    terms.append(term.name)
                    storage.append(try numeric(v, rows: rows))
                }
                continue
            }
            var columns: [Part] = [Part(name: "", values: Array(repeating: 1, count: n))]
            for v in term.variables {
                let parts: [Part]
                if case .spline(let spline) = v, let basis = bases[v.label] {
                    parts = try splineColumns(spline, basis: basis, rows: rows).enumerated().map { k, column in
                        Part(name: "\(v.baseName)\(k + spline.firstColumnNumber)", values: column)
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
                storage.append(c.values)
            }
        }
        return (Self.assemble(storage, rows: n), names, terms)
    }

    /// The n × p column-major matrix of `columns`. On a registry-sized design
    /// the copy is mostly the kernel providing fresh pages, so the columns are
    /// copied on all cores (each thread its own columns: the same bytes
    /// whatever the thread count).
    static func assemble(_ columns: [[Double]], rows n: Int) -> Matrix {
        let p = columns.count
        let storage = [Double](unsafeUninitializedCapacity: n * p) { buffer, count in
            let shared = UncheckedSendable(buffer)
            ParallelLoop.run(p, threads: n * p >= 4_000_000 ? ParallelLoop.coreCount : 1) { j in
                let out = shared.value
                columns[j].withUnsafeBufferPointer { column in
                    guard let source = column.baseAddress, let target = out.baseAddress else { return }
                    (target + j * n).update(from: source, count: n)
                }
            }
            count = n * p
        }
        return Matrix(rows: n, columns: p, columnMajor: storage)
    }
}
