import CohortData
import SurvivalNumerics

extension CohortDescription {
    /// A covariate to describe: its column, and whether to force a categorical
    /// summary (as `factor(x)` in a formula does).
    public struct Request: Sendable, Equatable {
        /// The column name in the cohort.
        public var column: String
        /// Summarise as categories whatever the column's type (`factor(x)`).
        public var factor: Bool

        /// Creates a request for `column`.
        public init(column: String, factor: Bool = false) {
            self.column = column
            self.factor = factor
        }
    }

    /// Numeric columns with at most this many distinct values (flags, grades,
    /// ECOG scores) are summarised as categories; larger ones as numbers.
    public static let maxLevelsForCategories = 5

    /// Describes the rows of `cohort` that `frame` uses (`frame.rowIndex`), overall
    /// and by `frame.groups`.
    ///
    /// `frame` is the Kaplan–Meier frame `Surv(time, status) ~ group` (or `~ 1`),
    /// so the description is of exactly the cohort the curves are drawn for.
    /// Follow-up is summarised by the reverse Kaplan–Meier median — R
    /// `survfit(Surv(time, 1 - status) ~ 1)` — and its log-scale 95% limits.
    /// Text columns and `factor(x)` requests are summarised as level counts,
    /// numeric columns by median [Q1, Q3] (R `quantile`, type 7), mean and SD;
    /// date columns are skipped (the returned warnings say so).
    ///
    /// `options` adds, when there are groups, each variable's test across them
    /// and its standardized mean difference (`CohortDescription+Comparisons.swift`).
    public static func describe(
        cohort: Cohort, frame: SurvivalGroupingFrame, groupVariable: String?, requests: [Request],
        options: TableOneOptions = TableOneOptions()
    ) throws(ModelError) -> (description: CohortDescription, warnings: [String]) {
        let groups = frame.groups ?? .single(count: frame.count)
        var members = [[Int]](repeating: [], count: groups.labels.count)
        for (k, code) in groups.codes.enumerated() { members[Int(code)].append(k) }
        let usedGroups = members.indices.filter { !members[$0].isEmpty }
        // Positions into the frame's rows: all, then each non-empty group.
        let sets: [[Int]] = [Array(0..<frame.count)] + (frame.groups == nil ? [] : usedGroups.map { members[$0] })
        let labels = ["Overall"] + (frame.groups == nil ? [] : usedGroups.map { groups.labels[$0] })

        let followUp = try reverseMedians(frame: frame)
        var columns: [DescriptionColumn] = []
        for (j, rows) in sets.enumerated() {
            let events = rows.reduce(0) { $0 + (frame.response.status[$1] != 0 ? 1 : 0) }
            let fu = j == 0 ? followUp.overall : followUp.byLabel[labels[j]]
            columns.append(
                DescriptionColumn(
                    label: labels[j], n: rows.count, events: events,
                    eventPercent: rows.isEmpty ? 0 : 100 * Double(events) / Double(rows.count),
                    followUpMedian: fu?.median, followUpLower: fu?.medianLower,
                    followUpUpper: fu?.medianUpper,
                    maxTime: rows.map { frame.response.stop[$0] }.max() ?? 0))
        }

        var variables: [VariableDescription] = []
        var warnings: [String] = []
        for request in requests where request.column != groupVariable {
            guard let column = cohort.column(named: request.column) else {
                throw ModelError("Table 1: no column named '\(request.column)'.")
            }
            let dataRows = sets.map { $0.map { frame.rowIndex[$0] } }
            switch column {
            case .date:
                warnings.append("Table 1: '\(request.column)' is a date column and is not summarised.")
            case .categorical(let codes, let levels):
                var v = categorical(request.column, codes: codes.map(Int.init), levels: levels, sets: dataRows)
                let counts = v.summaries.dropFirst().map { $0.counts ?? [] }
                if let w = compare(&v, groupValues: nil, groupCounts: counts, options: options) { warnings.append(w) }
                variables.append(v)
            case .numeric(let values):
                let distinct = Set(dataRows[0].map { values[$0] }.filter { !$0.isNaN }).sorted()
                if request.factor || distinct.count <= maxLevelsForCategories {
                    let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
                    let codes = values.map { $0.isNaN ? -1 : (index[$0] ?? -1) }
                    var v = categorical(
                        request.column, codes: codes, levels: distinct.map(NumberFormatting.label), sets: dataRows)
                    let counts = v.summaries.dropFirst().map { $0.counts ?? [] }
                if let w = compare(&v, groupValues: nil, groupCounts: counts, options: options) { warnings.append(w) }
                    variables.append(v)
                } else {
                    var v = VariableDescription(
                        name: request.column, kind: .numeric, levels: [],
                        summaries: dataRows.map { numericSummary($0.map { values[$0] }) })
                    let groupValues = dataRows.dropFirst().map { rows in rows.map { values[$0] }.filter { !$0.isNaN } }
                    if let w = compare(&v, groupValues: Array(groupValues), groupCounts: nil, options: options) {
                        warnings.append(w)
                    }
                    variables.append(v)
                }
            }
        }
        let description = CohortDescription(groupVariable: groupVariable, columns: columns, variables: variables)
        return (description, warnings)
    }

    /// Level counts of a coded column over each row set (code −1 = missing).
    static func categorical(_ name: String, codes: [Int], levels: [String], sets: [[Int]]) -> VariableDescription {
        // Only levels present in the described rows are listed.
        var present = [Bool](repeating: false, count: levels.count)
        for r in sets[0] where codes[r] >= 0 { present[codes[r]] = true }
        let kept = levels.indices.filter { present[$0] }
        let summaries = sets.map { rows -> VariableSummary in
            var counts = [Int](repeating: 0, count: levels.count)
            var missing = 0
            for r in rows {
                if codes[r] < 0 { missing += 1 } else { counts[codes[r]] += 1 }
            }
            let n = rows.count - missing
            let keptCounts = kept.map { counts[$0] }
            return VariableSummary(
                n: n, missing: missing, counts: keptCounts,
                percents: keptCounts.map { n > 0 ? 100 * Double($0) / Double(n) : 0 })
        }
        return VariableDescription(name: name, kind: .categorical, levels: kept.map { levels[$0] }, summaries: summaries)
    }

    /// Median, quartiles (R type 7), mean, sample SD and range of the non-missing values.
    static func numericSummary(_ values: [Double]) -> VariableSummary {
        let x = values.filter { !$0.isNaN }.sorted()
        let missing = values.count - x.count
        guard !x.isEmpty else { return VariableSummary(n: 0, missing: missing) }
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        var sd: Double? = nil
        if x.count > 1 {
            let ss = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            sd = (ss / (n - 1)).squareRoot()
        }
        return VariableSummary(
            n: x.count, missing: missing, mean: mean, sd: sd, median: quantile(x, 0.5),
            q1: quantile(x, 0.25), q3: quantile(x, 0.75), min: x.first, max: x.last)
    }

    /// R's default sample quantile (type 7): linear interpolation between the
    /// order statistics at position `1 + (n − 1)p`. `sorted` must be non-empty.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// Reverse Kaplan–Meier medians (censoring as the event), overall and per group label.
    static func reverseMedians(frame: SurvivalGroupingFrame) throws(ModelError)
        -> (overall: KaplanMeierCurve?, byLabel: [String: KaplanMeierCurve])
    {
        var reversed = frame
        reversed.response.status = frame.response.status.map { $0 == 0 ? 1 : 0 }
        reversed.strata = nil
        reversed.warnings = []
        var overallFrame = reversed
        overallFrame.groups = nil
        let overall = try KaplanMeier.fit(overallFrame).strata.first
        guard frame.groups != nil else { return (overall, [:]) }
        let byGroup = try KaplanMeier.fit(reversed).strata
        return (overall, Dictionary(byGroup.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a }))
    }
}
