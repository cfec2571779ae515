import ArgumentParser
import SurvivalKit

/// A frame whose row accounting can be replaced (by the database's, for `--db`).
protocol RowAccounted {
    var rows: RowAccounting { get set }
    var warnings: [String] { get set }
    var origin: RowOrigin { get set }
}
extension ModelFrame: RowAccounted {}
extension GroupingFrame: RowAccounted {}
extension CountModelFrame: RowAccounted {}

extension FrameLoader {
    /// `--db URL --db-table T`: one GROUP BY of the used columns in the database
    /// (`DatabaseTable.groupedCohort`), read back as an in-memory cohort with
    /// a count column, and the ordinary frame built on it with counts — so the
    /// labels, levels and results are those of the table's rows. The row
    /// accounting is the table's (one more query), not the grouped rows'.
    static func loadFromDatabase<Frame>(
        _ options: CohortOptions, analysis: SQLAnalysis?, frameOptions: ModelFrameOptions, hasTimeDependent: Bool,
        build: (Formula) -> (consuming Cohort, ModelFrameOptions) throws -> Frame
    ) throws -> Frame {
        if options.database.sites != nil {
            throw ValidationError("--sites is for cox (a model fitted over several sites' databases); use --db URL here.")
        }
        guard let analysis else {
            throw ValidationError("--db is available for km, logrank, cif, rates and cox only; export the rows for this command.")
        }
        try refuseUntranslatedOptions(options, hasTimeDependent: hasTimeDependent, frameOptions: frameOptions)
        guard let url = try options.database.url(), let tableName = options.database.table else {
            throw ValidationError("--db needs --db-table T (the table or view to analyse).")
        }
        let formula: Formula
        do { formula = try Formula(options.formula) } catch let error as CohortError {
            throw ValidationError("--formula: \(error.message)")
        }
        let executor = try DatabaseOptions.connect(url)
        let table = DatabaseTable(executor: executor, name: tableName)
        let read = try DatabaseOptions.failing {
            let plan = try table.plan(analysis: analysis, formula: formula, counts: countsColumn(options))
            let rows = try table.accounting(plan, strict: options.strict)
            let grouped = try table.groupedCohort(plan)
            return (grouped.cohort, rows, grouped.countColumn, DatabaseTable.droppedRowsWarning(rows, columns: plan.columns))
        }
        PhaseTimings.mark("read")
        var cohort = read.0
        var rows = read.1
        let countColumn = read.2
        cohort.input = DatabaseOptions.input(table: tableName, urls: [url], executors: [executor])
        var frameOptions = frameOptions
        frameOptions.references = try references(options.references)
        frameOptions.maxGroups = options.maxGroups
        try applyCounts(countColumn, to: &frameOptions)
        do {
            var frame = try build(formula)(cohort, frameOptions)
            if var counted = frame as? any RowAccounted {
                rows.intervals = counted.rows.intervals
                rows.landmark = counted.rows.landmark
                // The subjects are the grouped counts' sum only when the table has a counts column;
                // otherwise, as for the rows in a file, there is no `subjects`.
                let tableCounts = countsColumn(options)
                rows.subjects = tableCounts == nil ? nil : counted.rows.subjects
                counted.origin.input.counts = tableCounts
                counted.rows = rows
                if let warning = read.3 { counted.warnings.insert(warning, at: 0) }
                if let back = counted as? Frame { frame = back }
            }
            PhaseTimings.mark("frame")
            return frame
        } catch let error as CohortError {
            throw AnalysisFailure(message: locate(error, file: options.data))
        }
    }

    /// The options that have no SQL translation, refused with `--db`.
    static func refuseUntranslatedOptions(
        _ options: CohortOptions, hasTimeDependent: Bool, frameOptions: ModelFrameOptions
    ) throws {
        let refused: [(Bool, String, String)] = [
            (options.subset != nil, "--subset", "a view with a WHERE clause"),
            (options.weights != nil, "--weights", "--counts with a column of whole-number counts, or export the rows"),
            (!options.durations.isEmpty, "--duration", "a view computing the duration column"),
            (hasTimeDependent, "--tdc", "export the rows"),
            (frameOptions.landmark != nil, "--landmark", "a view with WHERE time > t and the shifted time"),
        ]
        if let (_, option, instead) = refused.first(where: \.0) {
            throw ValidationError("\(option) is not translated to SQL with --db; use \(instead) instead.")
        }
    }
}
