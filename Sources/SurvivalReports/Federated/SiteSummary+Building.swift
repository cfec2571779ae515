import CohortData

extension SiteSummary {
    /// The columns of a formula that a site summary stores, by role: the
    /// time, the status (event count for `rates`) and the others, in the order
    /// the formula names them.
    ///
    /// km, logrank, cif and cox need `Surv(TIME, STATUS)` with TIME a column
    /// (the disclosure control coarsens it) and STATUS reading one column;
    /// rates needs `EVENTS ~ BY + offset(PT)` (`rates`' own model), PT being
    /// the time. Counting-process and interval-censored responses, cluster(),
    /// frailty() and case weights are refused: cells of counts cannot carry them.
    public static func columns(of formula: Formula, analysis: Analysis) throws
        -> (time: String, status: String, others: [(name: String, role: SiteVariable.Role)])
    {
        if formula.cluster != nil || formula.frailty != nil {
            throw SiteSummaryError(
                "\(formula.text): cluster() and frailty() cannot be shared as cells of counts; leave them out of the formula.")
        }
        let time: String, status: String
        switch (analysis, formula.response) {
        case (.rates, .outcome(.variable(let events))?):
            guard formula.offsets.count == 1, case .variable(let pt) = formula.offsets[0] else {
                throw SiteSummaryError(
                    "\(formula.text): rates needs the person-time as one column in offset(), as EVENTS ~ BY + offset(PT).")
            }
            (time, status) = (pt, events)
        case (.rates, _):
            throw SiteSummaryError(
                "\(formula.text): rates needs the formula EVENTS ~ BY + offset(PT) (a column of event counts, the grouping, the person-time column).")
        case (_, .rightCensored(.variable(let t), let s)?):
            let columns = Set(s.variables)
            guard columns.count == 1, let s = columns.first else {
                throw SiteSummaryError("\(formula.text): the status of Surv(time, status) must read one column.")
            }
            guard formula.offsets.isEmpty else {
                throw SiteSummaryError("\(formula.text): offset() is not part of a \(analysis.rawValue) site summary; leave it out.")
            }
            (time, status) = (t, s)
        case (_, .rightCensored?):
            throw SiteSummaryError(
                "\(formula.text): the time of Surv(time, status) must be a column (the summary may coarsen it);"
                    + " derive it at the site (e.g. --duration) and name it.")
        default:
            throw SiteSummaryError(
                "\(formula.text): a \(analysis.rawValue) site summary needs right-censored data, Surv(time, status) ~ ...;"
                    + " counting-process and interval-censored responses cannot be shared as cells.")
        }
        guard time != status else {
            throw SiteSummaryError("\(formula.text): the time and the status must be different columns.")
        }
        let strata = Set(formula.strata)
        var seen: Set<String> = [time, status]
        var others: [(String, SiteVariable.Role)] = []
        for name in formula.columnsUsed where !seen.contains(name) {
            seen.insert(name)
            others.append((name, strata.contains(name) ? .stratum : .covariate))
        }
        return (time, status, others)
    }

    /// The exact summary of the rows `rows` of `cohort` (the rows the analysis
    /// uses, `frame.rowIndex`): one cell per distinct (pattern, time, status),
    /// its subjects the number of rows (or the sum of `counts` of them).
    ///
    /// A numeric covariate or stratum with more than `maxLevels` distinct
    /// values is continuous: its cells would be the rows themselves, so it is
    /// refused (for cox with a pointer to `survkit cox --sites`, which pools
    /// sums of the sites' databases instead).
    public static func build(
        cohort: Cohort, rows: [Int], formula: Formula, analysis: Analysis, site: String, timeUnit: String,
        accounting: RowAccounting, counts: [Double]? = nil, maxLevels: Int = 20, declaredLevels: [String: [String]] = [:]
    ) throws -> SiteSummary {
        let (timeName0, statusName0, others0) = try columns(of: formula, analysis: analysis)
        let named = Set([timeName0, statusName0] + others0.map(\.name))
        if let unknown = declaredLevels.keys.sorted().first(where: { !named.contains($0) }) {
            throw SiteSummaryError(
                "--levels \(unknown)=...: \"\(unknown)\" is not a column of the formula's variables ("
                    + ([statusName0] + others0.map(\.name)).joined(separator: ", ") + ").")
        }
        let (timeName, statusName, others) = (timeName0, statusName0, others0)
        guard case .numeric(let timeValues)? = cohort.column(named: timeName) else {
            throw SiteSummaryError("\(cohort.fileName): column \"\(timeName)\": the time must be a numeric column.")
        }
        let times = rows.map { timeValues[$0] }
        var variables = [SiteVariable(name: timeName, role: .time, levels: nil)]
        var codes: [[Int]] = []
        for (name, role) in [(statusName, SiteVariable.Role.status)] + others {
            guard let column = cohort.column(named: name) else {
                throw SiteSummaryError("\(cohort.fileName): no column \"\(name)\" (named by the formula).")
            }
            var (levels, c) = try levelCodes(column, rows: rows, name: name, file: cohort.fileName)
            if let declared = declaredLevels[name] {
                (levels, c) = try declaring(declared, over: levels, codes: c, name: name, file: cohort.fileName)
            }
            if role != .status, case .numbers(let values) = levels, values.count > maxLevels {
                throw continuous(name, distinct: values.count, analysis: analysis, maxLevels: maxLevels, file: cohort.fileName)
            }
            variables.append(SiteVariable(name: name, role: role, levels: levels))
            codes.append(c)
        }
        let weights = counts.map { c in c.map { Int($0.rounded()) } }
        let cells = SiteCells.aggregate(time: times, codes: codes, subjects: weights)
        return SiteSummary(
            site: site, analysis: analysis, formula: formula.text, variables: variables,
            time: SiteTimeAxis(unit: timeUnit), cells: cells, rows: accounting)
    }

    /// The levels agreed between the sites (`--levels VAR=L1,L2,...`) in place
    /// of those observed, so that a site without some level still codes the
    /// variable as the others do; every observed level must be among them.
    static func declaring(
        _ declared: [String], over observed: SiteVariable.Levels, codes: [Int], name: String, file: String
    ) throws -> (SiteVariable.Levels, [Int]) {
        switch observed {
        case .numbers(let values):
            var numbers: [Double] = []
            for text in declared {
                guard let x = Double(text.trimmingCharacters(in: .whitespaces)), x.isFinite else {
                    throw SiteSummaryError("--levels \(name)=...: \"\(text)\" is not a number (column \"\(name)\" is numeric).")
                }
                numbers.append(x == 0 ? 0 : x)
            }
            let sorted = Array(Set(numbers)).sorted()
            var index: [Double: Int] = [:]
            for (k, v) in sorted.enumerated() { index[v] = k }
            var remap: [Int] = []
            for v in values {
                guard let k = index[v] else {
                    throw SiteSummaryError(
                        "\(file): column \"\(name)\" has the value \(NumberFormatting.label(v)), which --levels \(name)=... does not list;"
                            + " list every level the sites use.")
                }
                remap.append(k)
            }
            return (.numbers(sorted), codes.map { remap[$0] })
        case .text(let values):
            let sorted = Array(Set(declared)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            var index: [String: Int] = [:]
            for (k, v) in sorted.enumerated() { index[v] = k }
            var remap: [Int] = []
            for v in values {
                guard let k = index[v] else {
                    throw SiteSummaryError(
                        "\(file): column \"\(name)\" has the level \"\(v)\", which --levels \(name)=... does not list;"
                            + " list every level the sites use.")
                }
                remap.append(k)
            }
            return (.text(sorted), codes.map { remap[$0] })
        }
    }

    static func continuous(_ name: String, distinct: Int, analysis: Analysis, maxLevels: Int, file: String)
        -> SiteSummaryError
    {
        let why = "\(file): column \"\(name)\" has \(distinct) distinct values (more than --max-levels \(maxLevels)):"
            + " a continuous variable cannot be shared as cells of counts (each cell would be nearly one subject)."
        if analysis == .cox {
            return SiteSummaryError(
                why + " Pool a Cox model with continuous covariates with `survkit cox --sites URL,...`,"
                    + " which iterates over the sites' databases and shares only sums; or share a categorised version of \"\(name)\".")
        }
        return SiteSummaryError(why + " Derive a categorised column at the site (e.g. age groups) and use it in the formula.")
    }

    /// The sorted distinct levels of `column` over `rows` and each row's index into them.
    static func levelCodes(_ column: Column, rows: [Int], name: String, file: String) throws
        -> (SiteVariable.Levels, [Int])
    {
        switch column {
        case .categorical(let all, let levels):
            var present = [Bool](repeating: false, count: levels.count)
            for r in rows where all[r] >= 0 { present[Int(all[r])] = true }
            var remap = [Int](repeating: -1, count: levels.count)
            var kept: [String] = []
            for (k, p) in present.enumerated() where p {
                remap[k] = kept.count
                kept.append(levels[k])
            }
            var codes: [Int] = []
            codes.reserveCapacity(rows.count)
            for r in rows {
                guard all[r] >= 0 else { throw missing(name, file: file) }
                codes.append(remap[Int(all[r])])
            }
            return (.text(kept), codes)
        case .numeric(let values):
            var distinct = Set<Double>()
            for r in rows {
                guard !values[r].isNaN else { throw missing(name, file: file) }
                distinct.insert(values[r] == 0 ? 0 : values[r])  // -0 and 0 are one level
            }
            let sorted = distinct.sorted()
            var index: [Double: Int] = [:]
            for (k, v) in sorted.enumerated() { index[v] = k }
            return (.numbers(sorted), rows.map { index[values[$0] == 0 ? 0 : values[$0]] ?? 0 })
        case .date:
            throw SiteSummaryError(
                "\(file): column \"\(name)\" is a date; a site summary shares numbers or categories:"
                    + " derive a follow-up time with --duration, or a category.")
        }
    }

    static func missing(_ name: String, file: String) -> SiteSummaryError {
        SiteSummaryError("\(file): column \"\(name)\": a used row has a missing value (the frame should have dropped it).")
    }
}

extension SiteCells {
    /// The distinct (pattern, time, status) cells of rows given column by
    /// column (`codes[0]` the status, `codes[1...]` the pattern), each with its
    /// number of rows (or the sum of `subjects` over them; rows of count 0 are left out),
    /// sorted by pattern, then time, then status.
    public static func aggregate(time: [Double], codes: [[Int]], subjects: [Int]? = nil) -> SiteCells {
        let n = time.count
        let order = (0..<n).sorted { a, b in compare(a, b, time: time, codes: codes) < 0 }
        var out = SiteCells(time: [], codes: codes.map { _ in [] }, subjects: [])
        for r in order {
            let c = subjects?[r] ?? 1
            guard c > 0 else { continue }
            if let last = out.time.indices.last, out.time[last] == time[r],
                codes.indices.allSatisfy({ out.codes[$0][last] == codes[$0][r] })
            {
                out.subjects[last] += c
                continue
            }
            out.time.append(time[r])
            for j in codes.indices { out.codes[j].append(codes[j][r]) }
            out.subjects.append(c)
        }
        return out
    }

    /// −1, 0 or 1 as row `a` comes before, with or after row `b` in the cell
    /// order: pattern (`codes[1...]` in order), time, status (`codes[0]`).
    static func compare(_ a: Int, _ b: Int, time: [Double], codes: [[Int]]) -> Int {
        for j in codes.indices.dropFirst() where codes[j][a] != codes[j][b] {
            return codes[j][a] < codes[j][b] ? -1 : 1
        }
        if time[a] != time[b] { return time[a] < time[b] ? -1 : 1 }
        if let s = codes.first, s[a] != s[b] { return s[a] < s[b] ? -1 : 1 }
        return 0
    }

    /// Whether cells `a` and `b` have the same pattern (every code but the status).
    func samePattern(_ a: Int, _ b: Int) -> Bool {
        codes.indices.dropFirst().allSatisfy { codes[$0][a] == codes[$0][b] }
    }
}
