import ArgumentParser
import SurvivalKit

/// Options shared by every analysis that reads a cohort and a formula.
struct CohortOptions: ParsableArguments {
    @Argument(help: "The cohort CSV file, or - for standard input.")
    var data: String

    @Option(help: "The model formula, R style, e.g. \"Surv(time, status) ~ sex + strata(site)\".")
    var formula: String

    @OptionGroup var input: InputOptions

    @Option(help: "Column of case weights (positive numbers), as R's weights =.")
    var weights: String?

    @Option(
        name: .customLong("duration"),
        help: ArgumentHelp(
            "Derive a follow-up column from two ISO date columns, as NAME=FROM:TO[:days|months|years] (repeatable).",
            discussion: "Example: --duration fu_years=surgery_date:last_followup_date:years (365.25 days a year)."))
    var durations: [String] = []

    @Option(name: .customLong("reference"), help: "Reference level of a categorical variable, as x=LEVEL (repeatable).")
    var references: [String] = []

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

    /// A `--subset` text parsed; a syntax error is a `ValidationError` (exit 2).
    static func rowSubset(_ text: String?) throws -> RowSubset? {
        guard let text else { return nil }
        do { return try RowSubset(text) } catch let error as CohortError {
            throw ValidationError("--subset: \(error.message)")
        }
    }

    func validate() throws {
        _ = try rowSubset()
    }
}

/// How a CSV file is read: shared by every command that reads one.
struct InputOptions: ParsableArguments {
    @Option(help: "Field delimiter.")
    var delimiter: CSVOptions.Delimiter = .comma

    @Option(name: .customLong("na"), help: "Extra missing-value token (repeatable); empty, NA and . are always missing.")
    var naTokens: [String] = []

    /// The reader's options.
    var csvOptions: CSVOptions { CSVOptions(delimiter: delimiter, extraMissingTokens: naTokens) }
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
    /// Parses `1,2.5,365` into numbers; `nil` on any bad entry.
    init?(commaSeparated text: String) {
        var values: [Double] = []
        for part in text.split(separator: ",") {
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)) else { return nil }
            values.append(v)
        }
        self = values
    }
}

import Foundation
