import ArgumentParser
import SurvivalKit

/// `survkit km`: Kaplan–Meier curves with Greenwood limits, medians and RMST.
struct KMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "km",
        abstract: "Kaplan–Meier survival curves (and Nelson–Aalen cumulative hazard), as R survfit.",
        discussion: """
            One curve per combination of the variables on the right of ~ (and of strata(...)). \
            Surv(start, stop, status) gives left-truncated (delayed-entry) curves; \
            Surv(left, right, type = "interval2") interval-censored data give R's Turnbull \
            estimate (time and survival only). Reports n, \
            events, median with its limits (R quantile.survfit rules), the restricted mean up to \
            tau with its standard error, and the life table.

            Example: survkit km datasets/lung.csv --formula "Surv(time, status) ~ sex" --times 180,365
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Confidence limits: log (default, as R), log-log or plain.")
    var confType: ConfidenceType = .log

    @OptionGroup var confidence: ConfidenceOptions
    var confLevel: Double { confidence.confLevel }

    @Option(
        help: ArgumentHelp(
            "Comma-separated times at which to report the curves (adds summary_at).",
            discussion: "As R's summary(fit, times =): a time after a curve's last observed time is left out for"
                + " that curve (an error when a curve keeps none); --extend reports it."))
    var times: String?

    @Flag(help: "With --times, also report times after a curve's last observed time, as R's extend = TRUE.")
    var extend = false

    @Option(help: "Upper limit of the restricted mean (default: the largest observed time).")
    var tau: Double?

    @OptionGroup(title: "Bootstrap") var bootstrap: BootstrapArguments
    @OptionGroup var landmark: LandmarkOptions
    @OptionGroup(title: "Figure") var figure: PlotArguments

    mutating func validate() throws {
        if let times, [Double](commaSeparated: times) == nil {
            throw ValidationError("--times must be comma-separated finite numbers ≥ 0, e.g. 180,365,730.")
        }
        if let tau, !(tau.isFinite && tau > 0) {
            throw ValidationError("--tau must be a finite number > 0 (the upper limit of the restricted mean).")
        }
        if extend && times == nil {
            throw ValidationError("--extend applies to --times; give the times too, e.g. --times 180,365 --extend.")
        }
        try figure.check()
    }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(cohort.data)])
        let plotFile = try figure.destination(inputs: [InputFile(cohort.data)], output: output)
        var frameOptions = landmark.applied()
        frameOptions.allowsIntervalCensoring = true
        if cohort.database.db != nil, bootstrap.options(threads: cohort.input.threads, confLevel: confLevel) != nil {
            throw ValidationError("--bootstrap resamples rows, which --db does not read; export the rows to bootstrap.")
        }
        if cohort.counts != nil, bootstrap.options(threads: cohort.input.threads, confLevel: confLevel) != nil {
            throw FrameLoader.countsRefused("--bootstrap")
        }
        let frame = try FrameLoader.load(
            cohort, frameOptions: frameOptions, build: Formula.groupingFrame, acceptsCounts: true, database: .km)
        if frame.response.isIntervalCensored {
            if cohort.counts != nil { throw FrameLoader.countsRefused("with interval-censored data (Turnbull)") }
            try runTurnbull(frame, destination: destination, plotFile: plotFile)
            return
        }
        let options = KaplanMeierOptions(
            confType: confType, confLevel: confLevel,
            times: times.flatMap { [Double](commaSeparated: $0) } ?? [], tau: tau, extend: extend)
        var result: KaplanMeierResult
        do { result = try KaplanMeier.fit(frame, options: options) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        if let boot = bootstrap.options(threads: cohort.input.threads, confLevel: confLevel) {
            result = KaplanMeier.bootstrap(frame, result: result, options: options, bootstrap: boot)
        }
        result.input = frame.origin.input
        PhaseTimings.mark("fit")
        let text = try KaplanMeierReport.render(result, format: output.format)
        var pValue: Double? = nil
        if plotFile != nil && figure.pvalue {
            guard result.strata.count > 1 else {
                throw ValidationError("--pvalue needs two or more curves to compare (a grouping variable after ~).")
            }
            do { pValue = try LogRank.test(frame).p } catch {
                throw FrameLoader.failure(error, frame: frame, file: cohort.data)
            }
        }
        try PlotArguments.write(plotFile) { () throws(PlotOptionError) in
            try KaplanMeierPlot.figure(result, options: figure.options(), pValue: pValue)
        }
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }

    /// `Surv(left, right, type = "interval2")`: the Turnbull estimate, as R's
    /// survfit; the Kaplan–Meier extras (limits, medians, --times, figures,
    /// bootstrap) do not apply to it.
    private func runTurnbull(
        _ frame: SurvivalGroupingFrame, destination: ReportDestination, plotFile: OutputFile?
    ) throws {
        var refused: [String] = []
        if times != nil { refused.append("--times") }
        if tau != nil { refused.append("--tau") }
        if plotFile != nil { refused.append("--plot") }
        if bootstrap.options(threads: cohort.input.threads, confLevel: confLevel) != nil { refused.append("--bootstrap") }
        if !refused.isEmpty {
            throw ValidationError(
                "\(refused.joined(separator: ", ")) cannot be used with interval-censored data"
                    + " (Surv(left, right, type = \"interval2\")): km then gives the Turnbull estimate of the curves only.")
        }
        var result: TurnbullResult
        do { result = try TurnbullEstimate.fit(frame) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        result.input = frame.origin.input
        PhaseTimings.mark("fit")
        let text = try TurnbullReport.render(result, format: output.format)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
