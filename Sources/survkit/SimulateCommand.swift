import ArgumentParser
import Foundation
import SarcomaSimulation
import SurvivalKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `survkit simulate`: deterministic synthetic cohorts for teaching and testing.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a deterministic synthetic cohort (CSV files and a codebook).",
        discussion: """
            Synthetic cohorts are for learning, testing and demonstrating methods; they are \
            not real patients. The same arguments always produce byte-identical files.
            """,
        subcommands: [Sarcoma.self]
    )
}

extension Simulate {
    /// `survkit simulate sarcoma`: the soft-tissue sarcoma / leiomyosarcoma cohort.
    struct Sarcoma: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sarcoma",
            abstract: "Simulate resected soft-tissue sarcoma (leiomyosarcoma) patients.",
            discussion: """
                Adults with a localized, resected, non-uterine soft-tissue sarcoma of \
                leiomyosarcoma behaviour: site, depth, size, FNCLCC grade, mitoses, Ki-67, \
                surgery (WLE or Mohs), margin, radiotherapy, chemotherapy and diagnostic delay; \
                death (Weibull proportional hazards), distant metastasis and cause of death, \
                and local recurrences as gap-time recurrent events with a gamma frailty. \
                Surgery 2000-2020, data cut 2024-12-31, 1%/year lost to follow-up. \
                Calibrated to published series (5-year overall survival about 71%, 5-year \
                local recurrence about 23%, 5-year metastasis about 28%).

                Writes into the output directory:
                  sarcoma_patients.csv      one row per patient (covariates, dates, outcomes)
                  sarcoma_recurrences.csv   local recurrences as (start, stop] intervals
                  sarcoma_codebook.md       every column, its units and codes, and the model

                Patient i depends only on the seed and i, so a larger --n extends a smaller \
                cohort without changing its patients.

                Example:
                  survkit simulate sarcoma --n 2000 --seed 20261124 --output-dir datasets
                """
        )

        @Option(name: .long, help: "Number of patients (1 or more).")
        var n: Int = 2000

        @Option(name: .long, help: "Seed of the random streams (an unsigned 64-bit integer).")
        var seed: UInt64 = 20_261_124

        @Option(
            name: .long, help: "Directory to write the three files into (created if missing).",
            completion: .directory)
        var outputDir: String

        func validate() throws {
            guard n >= 1 else { throw ValidationError("--n must be at least 1 (got \(n)).") }
            guard n <= 10_000_000 else {
                throw ValidationError("--n must be at most 10000000 (got \(n)).")
            }
        }

        func run() throws {
            // Progress only for an interactive terminal and a cohort large enough to wait for.
            let showProgress = isatty(2) != 0 && n >= 50_000
            let total = n
            let progress: ((Int) -> Void)? =
                showProgress
                ? { done in
                    if done % 10_000 == 0 || done == total {
                        StandardStreams.writeError(
                            "\rsimulated \(done) / \(total) patients" + (done == total ? "\n" : ""))
                    }
                } : nil
            let files = SarcomaCohortWriter.files(n: n, seed: seed, progress: progress)
            do {
                try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
            } catch {
                throw AnalysisFailure(
                    message: "\(outputDir): cannot create the output directory (\(error.localizedDescription)).")
            }
            for file in files {
                let path = outputDir.hasSuffix("/") ? outputDir + file.name : outputDir + "/" + file.name
                try OutputFile(option: "--output-dir", shown: path, contents: "the cohort").write(file.text)
            }
            try ReportWriter.writeToStandardOutput(
                "wrote \(n) patients (seed \(seed)) to \(outputDir): "
                    + files.map(\.name).joined(separator: ", ") + "\n",
                contents: "the summary")
        }
    }
}
