import ArgumentParser
import SurvivalKit

/// `survkit rmst`: restricted mean survival time up to tau per group, with
/// differences and ratios against the reference group.
struct RMSTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rmst",
        abstract: "Restricted mean survival time up to tau per group, with differences and ratios (as survRM2 rmst2).",
        discussion: """
            Per group on the right of ~, the area under the Kaplan–Meier curve from 0 to --tau \
            with R's se(rmean) (print(survfit(...), rmean = tau)) and normal limits; each other \
            group against the reference (the first level, or --reference var=LEVEL): the \
            difference with se √(v₁ + v₀) and the ratio on the log scale (delta method), with \
            limits and two-sided p, as survRM2's unadjusted rmst2. A tau past a group's last \
            observed time carries its curve flat (as survfit) and is warned about.

            Example: survkit rmst datasets/veteran.csv --formula "Surv(time, status) ~ trt" --tau 365
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Upper limit of the restricted mean (in the time unit of the data), e.g. 365 or 5.")
    var tau: Double

    @OptionGroup var confidence: ConfidenceOptions

    mutating func validate() throws {
        guard tau.isFinite && tau > 0 else {
            throw ValidationError("--tau must be a finite number > 0 (the upper limit of the restricted mean).")
        }
    }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(cohort.data)])
        let frame = try FrameLoader.load(cohort, build: Formula.groupingFrame)
        var result: RestrictedMeanComparisonResult
        do { result = try RestrictedMeanComparison.compare(frame, tau: tau, confLevel: confidence.confLevel) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        result.input = frame.origin.input
        PhaseTimings.mark("fit")
        let text = try RestrictedMeanReport.render(result, format: output.format)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
