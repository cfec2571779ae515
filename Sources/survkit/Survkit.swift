import ArgumentParser

/// The `survkit` command: survival and recurrence statistics on cohort CSV files.
///
/// Each analysis is a subcommand in its own file; the command layer only parses
/// options, calls the library, and renders the result. No statistics here.
@main
struct Survkit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survkit",
        abstract: "Survival and recurrence statistics for cohort data, matching R's survival package.",
        discussion: """
            Reads a cohort from CSV (header row; comma, semicolon or tab; RFC 4180 quoting), \
            fits the model the formula describes, and writes a text, Markdown or JSON report. \
            Formulas follow R: Surv(time, status) ~ age + factor(grade) + strata(site).
            Exit status: 0 success, 1 unusable data or model, 2 command-line usage error.
            """,
        version: "0.1.0",
        subcommands: Survkit.allSubcommands
    )
}
