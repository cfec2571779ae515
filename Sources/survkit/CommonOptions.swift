import ArgumentParser
import SurvivalKit

/// Options shared by every analysis that reads a cohort and a formula.
struct CohortOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "The cohort: a CSV file (- for standard input) or a .dta, .sav, .zsav, .sas7bdat or .xpt file.",
            discussion: "km, logrank, cif and cox can instead read a database table: --db URL --db-table T.",
            valueName: "data"))
    var dataFile: String?

    /// In-database analysis (`--db URL --db-table T`) instead of a file.
    @OptionGroup(title: "Database") var database: DatabaseOptions

    /// The data file, or for `--db` the table as messages name it (`table cohort`).
    var data: String {
        get { dataFile ?? database.table.map { "table \($0)" } ?? "-" }
        set { dataFile = newValue }
    }

    @Option(help: "The model formula, R style, e.g. \"Surv(time, status) ~ sex + strata(site)\".")
    var formula: String

    @OptionGroup var input: InputOptions

    @Option(help: "Column of case weights (positive numbers), as R's weights =.")
    var weights: String?

    @Option(
        help: ArgumentHelp(
            "Column of frequency counts: each row stands for that many identical subjects (whole numbers ≥ 0).",
            discussion: "Every result equals R's on the expanded rows (km, logrank, cif, cox, poisson; rates has its own --counts)."
                + " A zero count drops the row (rows.dropped \"zero count: COL\"); rows.subjects is the subjects used."))
    var counts: String?

    @Option(
        name: .customLong("duration"),
        help: ArgumentHelp(
            "Derive a follow-up column from two date columns, as NAME=FROM:TO[:days|months|years] (repeatable).",
            discussion: "Example: --duration fu_years=surgery_date:last_followup_date:years (365.25 days a year). Dates are ISO YYYY-MM-DD unless --date-format says otherwise."))
    var durations: [String] = []

    @Option(name: .customLong("reference"), help: "Reference level of a categorical variable, as x=LEVEL (repeatable).")
    var references: [String] = []

    @Flag(help: "Fail (exit 1) instead of dropping rows with missing values in the columns the analysis uses.")
    var strict = false

    @Option(help: "Grouping analyses (km, logrank, cif, mcf): the most groups, and strata, allowed.")
    var maxGroups: Int = 1000

    @Option(
        help: ArgumentHelp(
            "Analyse only the rows where this R expression is TRUE, as R's subset(d, EXPR).",
            discussion: "Example: --subset 'age >= 18 & site %in% c(\"scalp\", \"trunk\") & !is.na(grade)'."
                + " Rows where it is FALSE or NA are counted in rows.excluded_by_subset."))
    var subset: String?

    /// `--subset` parsed; a syntax error is a usage error (exit 2).
    func rowSubset() throws -> RowSubset? {
        try Self.rowSubset(subset)
    }

    /// Why `--counts` and `--weights` are not combined.
    static func countsWithWeights(counts: String, weights: String) -> String {
        "--counts \(counts) and --weights \(weights) cannot be combined: counts say how many identical subjects a row"
            + " stands for, case weights weigh each subject; give one of them."
    }

    /// A `--subset` text parsed; a syntax error is a `ValidationError` (exit 2).
    static func rowSubset(_ text: String?) throws -> RowSubset? {
        guard let text else { return nil }
        do { return try RowSubset(text) } catch let error as CohortError {
            throw ValidationError("--subset: \(error.message)")
        }
    }

    /// A formula or `--subset` that does not parse is a usage error (exit 2):
    /// its syntax does not depend on the data.
    func validate() throws {
        try database.check(dataFile: dataFile)
        guard maxGroups >= 1 else { throw ValidationError("--max-groups must be ≥ 1.") }
        if let counts, let weights {
            throw ValidationError(Self.countsWithWeights(counts: counts, weights: weights))
        }
        do { _ = try Formula(formula) } catch let error as CohortError {
            throw ValidationError("--formula: \(error.message)")
        }
        _ = try rowSubset()
    }
}

/// How a data file is read (CSV dialect, statistical-file value labels):
/// shared by every command that reads one.
struct InputOptions: ParsableArguments {
    /// Threads for reading and for a command's parallel work (the bootstrap).
    @OptionGroup var threads: ThreadOptions

    @Option(help: ArgumentHelp(
        "Field delimiter: auto (detect comma, semicolon, tab or | from the header and first rows), or one of them.",
        discussion: "Example: --delimiter \";\" for a European Excel export. A detected delimiter other than comma is reported on stderr."))
    var delimiter: DelimiterChoice = .auto

    @Option(help: ArgumentHelp(
        "Decimal mark of numbers: . or , (with , write 74,5 for 74.5; the delimiter is then usually ;).",
        valueName: "mark"))
    var decimal: CSVOptions.DecimalMark = .point

    @Option(help: ArgumentHelp(
        "How dates are written: a pattern of %d %m %Y (or %y) and literal separators, e.g. %d/%m/%Y, %m/%d/%Y, %d.%m.%Y; or excel (serial day numbers, 43831 = 2020-01-01).",
        discussion: "Applies to the date columns a command uses (--duration). ISO dates YYYY-MM-DD are always recognised.",
        valueName: "pattern|excel"))
    var dateFormat: DateFormat?

    @Option(help: ArgumentHelp(
        "Text encoding of the file: utf-8 (the default; checked), latin1 or windows-1252 (converted to UTF-8).",
        valueName: "encoding"))
    var encoding: TextEncoding?

    @Option(name: .customLong("na"), help: "Extra missing-value token (repeatable); empty, NA and . are always missing.")
    var naTokens: [String] = []

    @Option(
        help: ArgumentHelp(
            "Stata/SPSS value labels: labels (categorical, levels = the labels) or codes (the numbers).",
            discussion: "Applies to .dta, .sav and .zsav files (read by extension, as are .sas7bdat and .xpt)."))
    var valueLabels: ValueLabelMode = .labels

    /// The reader's options.
    var csvOptions: CSVOptions {
        var delimiter: CSVOptions.Delimiter?
        if case .fixed(let d) = self.delimiter { delimiter = d }
        var options = CSVOptions(
            delimiter: delimiter, decimal: decimal, extraMissingTokens: naTokens, encoding: encoding,
            dateFormat: dateFormat)
        options.threads = threads.threads
        return options
    }

    /// These options as command-line arguments, for reproducing commands: only
    /// those that differ from the defaults (an explicit comma is the default's
    /// reading of any file that an explicit comma reads).
    var reproducingArguments: [String] {
        var out: [String] = []
        if case .fixed(let d) = delimiter, d != .comma { out += ["--delimiter", d.defaultValueDescription] }
        for token in naTokens { out += ["--na", token] }
        if decimal != .point { out += ["--decimal", decimal.rawValue] }
        if let dateFormat { out += ["--date-format", dateFormat.description] }
        if let encoding { out += ["--encoding", encoding.rawValue] }
        if valueLabels != .labels { out += ["--value-labels", valueLabels.rawValue] }
        return out
    }
}

/// The confidence level of a command's limits, validated here once.
struct ConfidenceOptions: ParsableArguments {
    @Option(help: "Confidence level of the limits (strictly between 0 and 1).")
    var confLevel: Double = 0.95

    mutating func validate() throws {
        guard confLevel.isFinite && confLevel > 0 && confLevel < 1 else {
            throw ValidationError("--conf-level must lie strictly between 0 and 1.")
        }
    }
}

/// Where and how a report is written.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, markdown or json.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?
}

extension Array where Element == Double {
    /// Parses `1,2.5,365` into times; `nil` on any entry that is not a
    /// finite number ≥ 0 (`nan`, `inf`, `1e400`, `-1`).
    init?(commaSeparated text: String) {
        var values: [Double] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)), v.isFinite, v >= 0 else { return nil }
            values.append(v)
        }
        self = values
    }
}

import Foundation
