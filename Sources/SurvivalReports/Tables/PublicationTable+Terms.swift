import CohortData
import SurvivalNumerics

/// The estimate of one design column as a publication table needs it:
/// the coefficient (for the joint test) and the ratio with its limits and p.
struct ColumnEstimate: Sendable {
    var coef: Double?
    var ratio: Double?
    var lower: Double?
    var upper: Double?
    var p: Double?
}

/// What the table builder reads from a fitted model's frame: the design
/// matrix over the used rows, its column and term names, and the levels of
/// each categorical variable (reference first), as `ModelFrame` and
/// `CountModelFrame` carry them.
struct PublicationDesign {
    var design: Matrix
    var termNames: [String]
    var termOfColumn: [String]
    var factorLevels: [String: [String]]

    /// The design of a survival model frame (cox, finegray, survreg).
    init(_ frame: ModelFrame) {
        self.init(
            design: frame.design, termNames: frame.termNames, termOfColumn: frame.termOfColumn,
            factorLevels: frame.factorLevels)
    }

    /// The design of a count model frame (poisson, negbin).
    init(_ frame: CountModelFrame) {
        self.init(
            design: frame.design, termNames: frame.termNames, termOfColumn: frame.termOfColumn,
            factorLevels: frame.factorLevels)
    }

    init(design: Matrix, termNames: [String], termOfColumn: [String], factorLevels: [String: [String]]) {
        self.design = design
        self.termNames = termNames
        self.termOfColumn = termOfColumn
        self.factorLevels = factorLevels
    }
}

extension PublicationTable {
    /// The rows of the table, term by term in design order.
    ///
    /// A term made of one categorical variable (`sex`, `factor(grade)`,
    /// `cut(age, ...)`) becomes a header row and one row per level, its
    /// reference level (the first, which has no design column) included with
    /// ratio 1. N of a level counts the used rows whose design column is 1
    /// (the reference: rows where every column of the term is 0), its events
    /// the `events` of those rows. Any other term with one column (numeric,
    /// `log(age)`) is a single row over all rows; one with several columns
    /// (a spline basis, an interaction with a factor) is a header and a row
    /// per column. A header row with more than one defined coefficient
    /// carries the joint Wald test `bᵀV⁻¹b` of them (`variance`, indexed by
    /// `varianceNames`).
    static func rows(
        design: PublicationDesign, formula: Formula, estimates: [String: ColumnEstimate],
        variance: [[Double]], varianceNames: [String], events: [Double], labels: PublicationLabels
    ) -> [Row] {
        var order: [String] = []
        var columnsOfTerm: [String: [Int]] = [:]
        for (j, term) in design.termOfColumn.enumerated() {
            if columnsOfTerm[term] == nil { order.append(term) }
            columnsOfTerm[term, default: []].append(j)
        }
        let n = design.design.rows
        let totalEvents = events.reduce(0, +)
        func column(_ j: Int) -> ArraySlice<Double> { design.design.storage[(j * n)..<((j + 1) * n)] }
        func count(_ rows: (Int) -> Bool) -> (n: Int, events: Double) {
            var k = 0
            var e = 0.0
            for i in 0..<n where rows(i) {
                k += 1
                e += events[i]
            }
            return (k, e)
        }
        var out: [Row] = []
        for termName in order {
            let columns = columnsOfTerm[termName] ?? []
            let formulaTerm = formula.terms.first { $0.name == termName }
            let variable = formulaTerm?.variables.count == 1 ? formulaTerm?.variables.first : nil
            let termLabel = labels.variableLabel(termName)
            let joint = jointTest(
                names: columns.map { design.termNames[$0] }, estimates: estimates, variance: variance,
                varianceNames: varianceNames)
            if let variable, let levels = design.factorLevels[variable.label] {
                out.append(Row(kind: .factor, label: termLabel, term: termName, joint: joint))
                for level in levels {
                    let name = "\(variable.baseName)=\(level)"
                    let levelLabel = labels.levelLabel(termName, level)
                    if let j = design.termNames.firstIndex(of: name), columns.contains(j) {
                        let values = column(j)
                        let (k, e) = count { values[values.startIndex + $0] != 0 }
                        let estimate = estimates[name]
                        out.append(Row(
                            kind: .level, label: levelLabel, term: termName, level: level, n: k, events: e,
                            estimate: estimate?.ratio, lower: estimate?.lower, upper: estimate?.upper, p: estimate?.p))
                    } else {
                        // The reference level: no design column; its rows are those with every column 0.
                        let parts = columns.map(column)
                        let (k, e) = count { i in parts.allSatisfy { $0[$0.startIndex + i] == 0 } }
                        out.append(Row(
                            kind: .level, label: levelLabel, term: termName, level: level, n: k, events: e,
                            isReference: true))
                    }
                }
            } else if columns.count == 1 {
                let estimate = estimates[design.termNames[columns[0]]]
                out.append(Row(
                    kind: .single, label: termLabel, term: termName, n: n, events: totalEvents,
                    estimate: estimate?.ratio, lower: estimate?.lower, upper: estimate?.upper, p: estimate?.p))
            } else {
                out.append(Row(kind: .factor, label: termLabel, term: termName, joint: joint))
                for j in columns {
                    let name = design.termNames[j]
                    let estimate = estimates[name]
                    out.append(Row(
                        kind: .level, label: name, term: termName, n: n, events: totalEvents,
                        estimate: estimate?.ratio, lower: estimate?.lower, upper: estimate?.upper, p: estimate?.p))
                }
            }
        }
        return out
    }

    /// The Wald test of the defined coefficients among `names`: `bᵀV⁻¹b` with
    /// `V` their block of `variance`, solved by Cholesky; `nil` for fewer than
    /// two coefficients or a block that is not positive definite.
    static func jointTest(
        names: [String], estimates: [String: ColumnEstimate], variance: [[Double]], varianceNames: [String]
    ) -> JointTest? {
        var b: [Double] = []
        var index: [Int] = []
        for name in names {
            guard let coef = estimates[name]?.coef, coef.isFinite, let k = varianceNames.firstIndex(of: name),
                k < variance.count
            else { continue }
            b.append(coef)
            index.append(k)
        }
        guard index.count >= 2 else { return nil }
        let block = index.map { r in index.map { c in c < variance[r].count ? variance[r][c] : .nan } }
        guard block.allSatisfy({ $0.allSatisfy(\.isFinite) }),
            let factor = try? Matrix(block).cholesky(), let x = try? factor.solve(b)
        else { return nil }
        let chisq = zip(b, x).reduce(0) { $0 + $1.0 * $1.1 }
        return JointTest(chisq: chisq, df: index.count, p: ChiSquared.upperTail(chisq, df: Double(index.count)))
    }
}
