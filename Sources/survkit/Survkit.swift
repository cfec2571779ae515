import ArgumentParser
import Foundation
import SurvivalKit

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

            Exit status: 0 success; 1 unusable data or model (the message names file, line \
            and column); 2 command-line usage error.
            """,
        version: "0.1.0",
        subcommands: Survkit.allSubcommands
    )

    /// Runs the command with the contract's exit statuses: 1 for data and model
    /// errors, 2 for usage errors (ArgumentParser would use 64), 0 for help.
    static func main() {
        StandardStreams.prepare()
        BLAS.stopIdleThreads()
        PhaseTimings.start()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as AnalysisFailure {
            StandardStreams.writeError(failure.message + "\n")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                StandardStreams.writeError(fullMessage(for: error) + "\n")
                StandardStreams.writeError("Run 'survkit help' for usage.\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// A data or model problem: reported on stderr, exit status 1.
struct AnalysisFailure: Error {
    var message: String
}
