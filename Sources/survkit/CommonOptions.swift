import ArgumentParser
import SurvivalKit

/// Options shared by every analysis that reads a cohort and a formula.
struct CohortOptions: ParsableArguments {
    @Argument(help: "The cohort CSV file, or - for standard input.")
    var data: String

    @Option(help: "The model formula, R style, e.g. \"Surv(time, status) ~ sex + strata(site)\".")
    var formula: String

    @Option(help: "Field delimiter: ',' (default), ';' or 'tab'.")
    var delimiter: String = ","

    @Option(name: .customLong("na"), help: "Extra missing-value token (repeatable); empty, NA and . are always missing.")
    var naTokens: [String] = []

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
}

/// Where and how a report is written.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text, markdown or json.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?
}

extension ReportFormat: ExpressibleByArgument {}
extension ConfidenceType: ExpressibleByArgument {}

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
