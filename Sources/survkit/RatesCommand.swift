import ArgumentParser
import SurvivalKit

/// `survkit rates`: person-time event rates with exact limits and rate ratios.
struct RatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates",
        abstract: "Event rates per person-time with exact (Garwood) limits and rate ratios, as R poisson.test.",
        discussion: """
            Sums the event counts and the person-time of each group of --by (one group "all" \
            without --by). Rate ratios are against the first group (levels in sorted order, or \
            --reference COL=LEVEL), with exact conditional limits (R poisson.test(c(x, x1), c(t, t1))). \
            Rows with a missing count, person-time or group are dropped and counted.

            Example: survkit rates datasets/sarcoma_patients.csv --events lr_count --person-time os_years --by margin --per 100
            """
    )

    @Argument(
        help: ArgumentHelp(
            "A CSV file (- for standard input) or a .dta, .sav, .zsav, .sas7bdat or .xpt file (or --db URL --db-table T).",
            valueName: "data"))
    var dataFile: String?

    /// In-database rates (`--db URL --db-table T`): the sums per group are computed there.
    @OptionGroup(title: "Database") var database: DatabaseOptions

    /// The data file, or the table as messages name it.
    var data: String { dataFile ?? database.table.map { "table \($0)" } ?? "-" }

    @Option(help: "Column of event counts (whole numbers ≥ 0).")
    var events: String

    @Option(help: "Column of person-time (≥ 0).")
    var personTime: String

    @Option(help: "Column whose levels define the groups.")
    var by: String?

    @Option(help: ArgumentHelp(
        "Column of frequency counts: each row stands for that many identical subjects (whole numbers ≥ 0).",
        discussion: "Events and person-time are summed over the expanded rows; a zero count drops the row."))
    var counts: String?

    @Option(help: "Express rates per this many units of person-time.")
    var per: Double = 1000

    @OptionGroup var confidence: ConfidenceOptions
    var confLevel: Double { confidence.confLevel }

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("reference"), help: "Reference (first) level of --by, as COL=LEVEL.")
    var references: [String] = []

    @Option(help: "Analyse only the rows where this R expression is TRUE, as R's subset(d, EXPR).")
    var subset: String?

    @Flag(help: "Fail (exit 1) instead of dropping rows with missing values.")
    var strict = false

    @Option(help: "The most groups allowed.")
    var maxGroups: Int = 1000

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        guard per > 0 && per.isFinite else { throw ValidationError("--per must be a positive number.") }
        guard maxGroups >= 1 else { throw ValidationError("--max-groups must be ≥ 1.") }
        _ = try CohortOptions.rowSubset(subset)
        try database.check(dataFile: dataFile)
        if database.sites != nil { throw ValidationError("--sites is for cox; use --db URL for rates.") }
        if database.db != nil && subset != nil {
            throw ValidationError("--subset is not translated to SQL with --db; use a view with a WHERE clause.")
        }
    }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(data)])
        // The rates are read through the same frame builder as every model:
        // events ~ by + offset(person-time), so missing values, level order
        // and --reference behave as everywhere else.
        // Only the columns the rates use are converted (column projection).
        var columns: Set<String> = [events, personTime]
        if let by { columns.insert(by) }
        if let counts { columns.insert(counts) }
        let rowSubset = try CohortOptions.rowSubset(subset)
        if let rowSubset { columns.formUnion(rowSubset.columns) }
        // --db: the events and person-time summed per group in the database; the
        // row accounting is the table's (RatesCommand+Database.swift).
        var databaseRows: RowAccounting?
        var databaseWarning: String?
        let cohort: Cohort
        if let url = try database.url(), let table = database.table {
            (cohort, databaseRows, databaseWarning) = try databaseCohort(url: url, table: table)
        } else {
            cohort = try FrameLoader.readCohort(data, input: input, columns: columns)
        }
        var frameOptions = ModelFrameOptions()
        frameOptions.references = try FrameLoader.references(references)
        frameOptions.subset = rowSubset
        frameOptions.strict = strict
        frameOptions.maxGroups = maxGroups
        frameOptions.counts = database.db == nil ? counts : nil  // --db: the counts are in the sums
        var frame: CountGroupingFrame
        do {
            let formula = try Formula(
                response: .outcome(.variable(events)), terms: by.map { [FormulaExpression.variable($0).text] } ?? [],
                offsets: [.variable(personTime)])
            frame = try formula.countGroupingFrame(on: cohort, options: frameOptions)
            if let databaseRows {
                frame.rows = databaseRows
                frame.origin.input.counts = counts
            }
            if let databaseWarning { frame.warnings.insert(databaseWarning, at: 0) }
        } catch let error as CohortError {
            throw AnalysisFailure(message: FrameLoader.locate(error, file: data))
        }
        var result: EventRatesResult
        do {
            result = try EventRates.compute(
                events: frame.response, personTime: frame.offset ?? [], grouping: frame.groups, per: per,
                confLevel: confLevel, rows: frame.rows, warnings: frame.warnings,
                rowIndex: frame.rowIndex, eventsColumn: events, personTimeColumn: personTime, counts: frame.counts)
        } catch {
            throw FrameLoader.failure(error, frame: frame, file: data)
        }
        result.input = frame.origin.input
        let text = try EventRatesReport.render(result, format: output.format)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
