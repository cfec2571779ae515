#if canImport(Glibc)
import Glibc
import SurvivalNumerics
#elseif canImport(Darwin)
import Darwin
#endif

/// Guards that stop a model before it asks for more memory or more groups
/// than make sense, with a message naming the term and the size — instead of
/// an allocation abort ("failed to allocate") or minutes without output.
///
/// - The design matrix of a regression needs `n × p` numbers, and its fit
///   copies of it plus `p × p` matrices (information, variance, Cholesky
///   factor). A 10-way `factor()` interaction on 2,000 rows has about a
///   million columns; the size is computed from the level counts before
///   anything is allocated, and a model that would need more memory than the
///   machine has is an error.
/// - A grouping analysis (Kaplan–Meier, log-rank, cumulative incidence, MCF,
///   rates) forms one curve or row per group and per stratum; more than
///   `ModelFrameOptions.maxGroups` of them (the CLI's `--max-groups`, 1,000
///   by default) is an error: a continuous covariate belongs in a regression.
extension ModelFrameBuilder {
    /// Copies of the design a fit makes (design, centred row-major copy, a
    /// working copy) and of `p × p` matrices (information, variance, factor,
    /// workspace): the multipliers of the memory estimate.
    static let designCopies = 3.0
    static let squareCopies = 6.0

    /// The number of design columns of each term, as `designMatrix` will make
    /// them (R's contrast rule), saturating instead of overflowing.
    func designColumnCounts(
        codings: [Formula.Variable: FactorCoding], bases: [String: SplineBasis] = [:]
    ) -> [(term: String, columns: Int)] {
        let present = formula.terms.map { Set($0.variables.map(\.label)) }
        return formula.terms.map { term in
            var columns = 1
            for v in term.variables {
                if let basis = bases[v.label] {
                    columns = columns.multipliedReportingOverflow(by: basis.columns).overflow ? Int.max : columns * basis.columns
                    continue
                }
                guard let coding = codings[v] else { continue }
                let rest = Set(term.variables.filter { $0 != v }.map(\.label))
                let contrasts = rest.isEmpty ? formula.hasIntercept : present.contains(rest)
                let k = max(0, coding.labels.count - (contrasts ? 1 : 0))
                let (product, overflow) = columns.multipliedReportingOverflow(by: k)
                columns = overflow ? Int.max : product
            }
            return (term.label, columns)
        }
    }

    /// Throws when the design of `rows` rows would not fit in this machine's
    /// memory; returns a warning when it has more than one column per ten
    /// rows (at least 100 columns): such a fit is slow (its cost grows with
    /// n·p²) and its coefficients are barely estimable — usually an
    /// identifier entered as a factor, which belongs in `cluster()`.
    @discardableResult
    func checkDesignSize(
        rows n: Int, codings: [Formula.Variable: FactorCoding], bases: [String: SplineBasis] = [:]
    ) throws -> String? {
        let counts = designColumnCounts(codings: codings, bases: bases)
        let p = counts.reduce(0.0) { $0 + Double($1.columns) }
        let bytes = 8 * (Self.designCopies * Double(n) * p + Self.squareCopies * p * p)
        let available = Self.physicalMemory
        guard let widest = counts.max(by: { $0.columns < $1.columns }) else { return nil }
        // More columns than rows: most coefficients cannot be estimated (R would
        // alias them after a fit whose cost grows with n·p²); say so at once.
        if p > Double(n) {
            throw CohortError(
                .invalidValue, file: cohort.fileName,
                message: "the model \(formula.text.abbreviated()) has \(Self.count(p)) design columns for \(Self.count(Double(n))) rows:"
                    + " at most \(Self.count(Double(n))) coefficients can be estimated (R would mark the others aliased);"
                    + " fit fewer terms, merge levels, or put an identifier in cluster()")
        }
        // One term with a column per two rows or more (an identifier entered as
        // a factor): nothing to estimate, and a fit that would run for minutes.
        if widest.columns >= 100, 2 * widest.columns >= n {
            throw CohortError(
                .invalidValue, file: cohort.fileName,
                message: "the term \(widest.term.abbreviated()) has \(Self.count(Double(widest.columns))) design columns for"
                    + " \(Self.count(Double(n))) rows, a coefficient per \(n >= 4 * widest.columns ? "few rows" : "row or two"):"
                    + " if it identifies subjects or centres, put it in cluster() (or strata()) instead of the terms")
        }
        guard bytes > available else {
            guard p >= 100, p * 10 > Double(n) else { return nil }
            return "\(Self.count(p)) design columns for \(n) rows (the term \(widest.term) has"
                + " \(Self.count(Double(widest.columns)))): the fit is slow and its coefficients are barely estimable;"
                + " an identifier belongs in cluster(), not in the terms"
        }
        throw CohortError(
            .invalidValue, file: cohort.fileName,
            message: "the model \(formula.text.abbreviated()) would need about \(Self.bytes(bytes)) of memory"
                + " (\(Self.count(Double(n))) rows × \(Self.count(p)) design columns; the term \(widest.term) alone has"
                + " \(Self.count(Double(widest.columns))) columns), more than this machine's \(Self.bytes(available)):"
                + " merge levels, drop the interaction, or fit fewer terms")
    }

    /// Throws when a grouping analysis would form more than `maxGroups` groups or strata.
    func checkGroupCount(_ grouping: Grouping?, variables: [String], what: String) throws {
        guard let limit = options.maxGroups, let grouping, grouping.labels.count > limit else { return }
        let names = variables.joined(separator: ", ")
        throw CohortError(
            .invalidValue, file: cohort.fileName,
            message: "\(names) form\(variables.count == 1 ? "s" : "") \(grouping.labels.count) \(what), more than"
                + " --max-groups \(limit): a continuous covariate belongs in a regression (survkit cox), or group it"
                + " first with cut(); raise --max-groups to go on anyway")
    }

    /// Physical memory of this machine, in bytes.
    static var physicalMemory: Double {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 16 * 1_073_741_824 }
        return Double(pages) * Double(size)
    }

    /// `28.1 GB`, `640 MB`.
    static func bytes(_ x: Double) -> String {
        if x >= 1e9 { return "\(rounded(x / 1e9)) GB" }
        return "\(rounded(x / 1e6)) MB"
    }

    /// `1,048,576`.
    static func count(_ x: Double) -> String {
        guard x < 1e18 else { return "more than 10^18" }
        let digits = String(Int64(x))
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    private static func rounded(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int64(r)) : String(r)
    }
}
