import ArgumentParser
import SurvivalKit

/// `survkit mcf`: the mean cumulative function of recurrent events.
struct MCFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcf",
        abstract: "Mean cumulative function of recurrent events (Nelson–Aalen) with robust standard errors, as R survfit(id =).",
        discussion: """
            One row per at-risk interval Surv(start, stop, event), the subject given as cluster(id); \
            one curve per group on the right of ~ (crossed with strata(...)). Standard errors are \
            clustered on the subject (R survfit's std.chaz with id =); limits are on the log scale, \
            mcf·exp(±z·se/mcf).

            Example: survkit mcf datasets/bladder2.csv --formula "Surv(start, stop, event) ~ rx + cluster(id)"
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Figure") var figure: PlotArguments

    @OptionGroup var confidence: ConfidenceOptions
    var confLevel: Double { confidence.confLevel }

    mutating func validate() throws {
        try figure.check(unsupported: ["--median-lines", "--pvalue", "--risk-table-censored"])
    }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(cohort.data)])
        let plotFile = try figure.destination(inputs: [InputFile(cohort.data)], output: output)
        // Overlapping intervals of one subject would be counted twice: a data error.
        var frameOptions = ModelFrameOptions()
        frameOptions.overlappingIntervals = .refuse
        let frame = try FrameLoader.load(cohort, frameOptions: frameOptions, build: Formula.groupingFrame)
        var result: MeanCumulativeFunctionResult
        do { result = try MeanCumulativeFunction.fit(frame, confLevel: confLevel) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        result.input = frame.origin.input
        let text = try MeanCumulativeFunctionReport.render(result, format: output.format)
        try PlotArguments.write(plotFile) { () throws(PlotOptionError) in
            try MeanCumulativeFunctionPlot.figure(result, options: figure.options(defaultHeight: 4.5))
        }
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
