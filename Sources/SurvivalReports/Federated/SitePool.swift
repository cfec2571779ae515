import CohortData

/// Site summaries read for pooling, checked against each other, and their
/// cells as one in-memory cohort with a count column and a site column.
///
/// Method. Every summary must be of the same analysis and formula, with the
/// same variables (names, roles, types, levels) and time unit, and grids
/// agreed with `--grid` must be identical; the cells of all sites are then
/// rows of a cohort (`subjects` the frequency count), on which the ordinary
/// analysis with counts gives the fit of the union of the sites' rows.
public struct SitePool: Sendable {
    /// The summaries and the files they were read from, in the order given.
    public var files: [String]
    public var summaries: [SiteSummary]

    /// Checks that `summaries` (read from `files`) can be pooled for `analysis`.
    ///
    /// - Throws: ``SiteSummaryError`` naming the file, the JSON path, the value
    ///   and what the first summary (or `--analysis`) expects.
    public init(files: [String], summaries: [SiteSummary], analysis: SiteSummary.Analysis) throws {
        precondition(files.count == summaries.count)
        guard let first = summaries.first else { throw SiteSummaryError("pool needs at least one site summary.") }
        var seenSites: [String: String] = [:]
        for (file, s) in zip(files, summaries) {
            func fail(_ path: String, _ value: String, _ expected: String) -> SiteSummaryError {
                SiteSummaryError(file: file, path: path, value: value, expected: expected)
            }
            let q = SiteSummary.quoted
            guard s.analysis == analysis else {
                throw fail("$.analysis", q(s.analysis.rawValue), "\(q(analysis.rawValue)) (pool --analysis \(analysis.rawValue)); make the site summaries with --analysis \(analysis.rawValue)")
            }
            if let other = seenSites[s.site] {
                throw fail("$.site", q(s.site), "a site name other than that of \(other) (each site once; give each its own --site)")
            }
            seenSites[s.site] = file
            guard s.formula == first.formula else {
                throw fail("$.formula", q(s.formula), "\(q(first.formula)) as in \(files[0])")
            }
            for (k, v) in s.variables.enumerated() {
                let w = first.variables[k]
                guard v.typeName == w.typeName else {
                    throw fail("$.variables[\(k)].type", q(v.typeName), "\(q(w.typeName)) as in \(files[0])")
                }
                guard v.levels == w.levels else {
                    throw fail(
                        "$.variables[\(k)].levels", Self.shown(v.levels),
                        "\(Self.shown(w.levels)) as in \(files[0]) (every site must code \(q(v.name)) with the same levels:"
                            + " make the summaries with the same --levels \(v.name)=...)")
                }
            }
            guard s.time.unit == first.time.unit else {
                throw fail("$.time.unit", q(s.time.unit), "\(q(first.time.unit)) as in \(files[0]) (one time unit for all sites)")
            }
            // An agreed grid binds every site: pooling grid times with exact (or other) times
            // would move one site's events and not another's.
            if let g = zip(files, summaries).first(where: { $0.1.time.gridSource == .given }),
                s.time.gridSource != .given || g.1.time.grid != s.time.grid
            {
                throw fail(
                    "$.time.grid", Self.shown(s.time.grid),
                    "\(Self.shown(g.1.time.grid)) as in \(g.0) (an agreed --grid applies to every site: make this"
                        + " summary with the same --grid)")
            }
        }
        self.files = files
        self.summaries = summaries
    }

    static func shown(_ levels: SiteVariable.Levels?) -> String {
        switch levels {
        case .numbers(let v)?: return "[" + v.map(SiteSummary.number).joined(separator: ", ") + "]"
        case .text(let v)?: return "[" + v.map(SiteSummary.quoted).joined(separator: ", ") + "]"
        case nil: return "none"
        }
    }

    static func shown(_ grid: [Double]?) -> String {
        guard let grid else { return "null" }
        let head = grid.prefix(6).map(SiteSummary.number).joined(separator: ", ")
        return "[" + head + (grid.count > 6 ? ", … (\(grid.count) points)" : "") + "]"
    }

    /// The formula every summary shares.
    public var formula: String { summaries[0].formula }
    public var variables: [SiteVariable] { summaries[0].variables }

    /// The name of the count column of a cohort of cells with these variables.
    public static func countColumnName(for variables: [SiteVariable]) -> String {
        free("subjects", among: Set(variables.map(\.name)))
    }

    static func free(_ preferred: String, among names: Set<String>) -> String {
        var name = preferred, k = 1
        while names.contains(name) {
            k += 1
            name = "\(preferred)_\(k)"
        }
        return name
    }

    /// A column name for the pool's own columns that no variable uses:
    /// `preferred`, else `preferred_2`, ...
    public func freeName(_ preferred: String) -> String {
        Self.free(preferred, among: Set(variables.map(\.name)))
    }

    /// The cells of every site as rows of one cohort: a column per variable
    /// (numbers, or text with the shared levels), `countColumn` (subjects) and
    /// `siteColumn` (the site's name). Row `k` sits on "line" `k + 2`.
    public func cohort(countColumn: String, siteColumn: String) throws -> Cohort {
        let variables = self.variables
        var time: [Double] = []
        var codes = [[Int32]](repeating: [], count: variables.count - 1)
        var counts: [Double] = []
        var siteCodes: [Int32] = []
        let siteNames = summaries.map(\.site)
        let siteLevels = Array(Set(siteNames)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for s in summaries {
            let siteCode = Int32(siteLevels.firstIndex(of: s.site) ?? 0)
            time += s.cells.time
            for j in codes.indices { codes[j] += s.cells.codes[j].map { Int32($0) } }
            counts += s.cells.subjects.map(Double.init)
            siteCodes += [Int32](repeating: siteCode, count: s.cells.count)
        }
        var columns: [(name: String, column: Column)] = [(variables[0].name, .numeric(time))]
        for (j, v) in variables.dropFirst().enumerated() {
            switch v.levels {
            case .numbers(let values)?: columns.append((v.name, .numeric(codes[j].map { values[Int($0)] })))
            case .text(let levels)?: columns.append((v.name, .categorical(codes: codes[j], levels: levels)))
            case nil: throw SiteSummaryError("variable \(v.name) has no levels")
            }
        }
        columns.append((countColumn, .numeric(counts)))
        columns.append((siteColumn, .categorical(codes: siteCodes, levels: siteLevels)))
        return try Cohort(fileName: "pooled site summaries", columns: columns)
    }

    /// The `pooled` block of the output.
    public func pooledSites(siteStrata: Bool) -> PooledSites {
        let sites = zip(files, summaries).map { file, s in
            PooledSite(
                site: s.site, file: file, subjects: s.subjects, cells: s.cells.count, rowsRead: s.rows.read,
                timeGrid: s.time.gridSource?.rawValue, disclosure: s.disclosure.map(PooledDisclosure.init))
        }
        let controlled = summaries.compactMap(\.disclosure)
        return PooledSites(
            sites: sites, files: files, siteStrata: siteStrata,
            minCell: controlled.isEmpty ? nil : controlled.map(\.minCell).max(),
            disclosure: PooledDisclosureTotals(
                sitesControlled: controlled.count, timesMerged: controlled.map(\.timesMerged).reduce(0, +),
                cellsSuppressed: controlled.map(\.cellsSuppressed).reduce(0, +),
                subjectsSuppressed: controlled.map(\.subjectsSuppressed).reduce(0, +)))
    }
}

/// The `pooled` block of a pooled analysis' output (docs/json-output.md).
public struct PooledSites: Sendable, Encodable, Equatable {
    public var sites: [PooledSite]
    public var files: [String]
    /// Whether the sites were strata (`--site-strata`) rather than one population.
    public var siteStrata: Bool
    /// The largest K of the sites' `--min-cell`; `nil` when none applied it.
    public var minCell: Int?
    public var disclosure: PooledDisclosureTotals
}

/// One site of a pool.
public struct PooledSite: Sendable, Encodable, Equatable {
    public var site: String
    public var file: String
    public var subjects: Int
    public var cells: Int
    public var rowsRead: Int
    /// `given`, `min-cell` or `nil` (exact times).
    public var timeGrid: String?
    public var disclosure: PooledDisclosure?
}

/// A site's disclosure control as the pooled output lists it.
public struct PooledDisclosure: Sendable, Encodable, Equatable {
    public var minCell: Int
    public var timesMerged: Int
    public var cellsSuppressed: Int
    public var subjectsSuppressed: Int
    /// The change in the site's own estimates (`SiteEstimateChange.statistic` and value).
    public var changeStatistic: String?
    public var change: Double?
    public var changeDetails: [String: Double]?

    init(_ d: SiteDisclosure) {
        minCell = d.minCell
        timesMerged = d.timesMerged
        cellsSuppressed = d.cellsSuppressed
        subjectsSuppressed = d.subjectsSuppressed
        changeStatistic = d.change?.statistic
        change = d.change?.value
        changeDetails = d.change.map { $0.details.isEmpty ? nil : $0.details } ?? nil
    }
}

/// The sums over the sites of what disclosure control cost.
public struct PooledDisclosureTotals: Sendable, Encodable, Equatable {
    public var sitesControlled: Int
    public var timesMerged: Int
    public var cellsSuppressed: Int
    public var subjectsSuppressed: Int
}
