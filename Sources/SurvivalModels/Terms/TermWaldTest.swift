import SurvivalNumerics

/// The Wald test of all the coefficients of one model term, `bᵀV⁻¹b` on as
/// many degrees of freedom as the term has estimated coefficients — for a
/// spline term (`ns(age)`), whether the variable matters at all. As R's
/// `solve(vcov(fit)[idx, idx], coef(fit)[idx])` with the model-based
/// variance; aliased coefficients (R's `NA`) are left out.
public struct TermWaldTest: Sendable, Equatable, Codable {
    /// The term's name, `ns(age)`.
    public var term: String
    public var chisq: Double
    public var df: Int
    public var p: Double

    public init(term: String, chisq: Double, df: Int, p: Double) {
        self.term = term
        self.chisq = chisq
        self.df = df
        self.p = p
    }

    /// The test of each of `terms` from the coefficients (`nil` when aliased),
    /// the term of each coefficient and their p × p variance; `nil` when
    /// `terms` is empty. A term whose variance block is singular is left out.
    public static func tests(
        terms: [String], termOfColumn: [String], coefficients: [Double?], variance: [[Double]]
    ) -> [TermWaldTest]? {
        guard !terms.isEmpty else { return nil }
        var out: [TermWaldTest] = []
        for term in terms {
            let index = termOfColumn.indices.filter { termOfColumn[$0] == term && coefficients[$0] != nil }
            guard !index.isEmpty else { continue }
            var block = Matrix(rows: index.count, columns: index.count)
            for (a, i) in index.enumerated() {
                for (b, j) in index.enumerated() { block[a, b] = variance[i][j] }
            }
            let b = index.map { coefficients[$0] ?? 0 }
            let solved = Cholesky2(block, toler: 1e-12).solve(b)
            let chisq = zip(b, solved).reduce(0) { $0 + $1.0 * $1.1 }
            guard chisq.isFinite else { continue }
            out.append(TermWaldTest(
                term: term, chisq: chisq, df: index.count, p: ChiSquared.upperTail(chisq, df: Double(index.count))))
        }
        return out
    }
}
