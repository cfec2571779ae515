import ArgumentParser
import SurvivalKit

/// `survkit logrank`: the log-rank test and the G-rho family.
struct LogRankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logrank",
        abstract: "Log-rank / G-rho test comparing survival between groups, as R survdiff.",
        discussion: """
            Compares the groups formed by the variables on the right of ~; strata(...) in the \
            formula gives a stratified test. --rho 0 is the log-rank test, --rho 1 the \
            Peto & Peto modification of the Gehan–Wilcoxon test.

            Example: survkit logrank datasets/lung.csv --formula "Surv(time, status) ~ sex + strata(inst)"
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var landmark: LandmarkOptions

    @Option(help: "The rho of the G-rho family: 0 = log-rank, 1 = Peto & Peto.")
    var rho: Double = 0

    mutating func validate() throws {
        // R's survdiff takes any rho; weights S(t)^rho need it finite, and a
        // negative rho weighs late differences without bound.
        guard rho.isFinite && rho >= 0 else { throw ValidationError("--rho must be a finite number ≥ 0.") }
    }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(cohort.data)])
        let frame = try FrameLoader.load(cohort, frameOptions: landmark.applied(), build: Formula.groupingFrame)
        var result: LogRankResult
        do { result = try LogRank.test(frame, rho: rho) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        result.input = frame.origin.input
        PhaseTimings.mark("fit")
        let text = try LogRankReport.render(result, format: output.format)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
