import ArgumentParser
import SurvivalKit

/// `survkit cif`: cumulative incidence with competing risks.
struct CIFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cif",
        abstract: "Cumulative incidence with competing risks (Aalen–Johansen), as R survfit; Gray's test as cmprsk.",
        discussion: """
            The status column codes 0 = censored and 1, 2, ... = the competing causes (the first \
            event of any cause ends follow-up). One set of curves per group on the right of ~ \
            (crossed with strata(...)); standard errors are R survfit's infinitesimal jackknife \
            (not cmprsk::cuminc's variance). With two or more groups, Gray's test per cause \
            (cmprsk::cuminc, rho = 0), stratified by strata(...).

            The text and Markdown reports show each cause's incidence with 95% log limits per \
            group at the --times given or, without them, at about five round times up to the \
            time when 10% of the subjects are still at risk; JSON carries the full curves (and \
            summary_at with --times).

            Example: survkit cif datasets/mgus2_competing.csv --formula "Surv(etime, event) ~ sex" --times 60,120,240
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var landmark: LandmarkOptions
    @OptionGroup(title: "Figure") var figure: PlotArguments

    @Option(help: ArgumentHelp("With --plot: draw only these causes (comma-separated codes, e.g. 1).", valueName: "causes"))
    var cause: String?

    @Option(
        help: ArgumentHelp(
            "Status column of a competing event (e.g. death) that ends follow-up: recodes the formula's 0/1 status to 0/1/2.",
            discussion: "Rows with status 1 stay cause 1; rows with status 0 whose competing status is 1 become cause 2 "
                + "(the formula's time must then be the time of that event, as a time to the first of the two)."))
    var competingStatus: String?

    @Option(
        help: ArgumentHelp(
            "Comma-separated times at which to report the incidence with 95% log limits (adds summary_at).",
            discussion: "As R's summary(fit, times =): a time after a curve's last observed time is left out for"
                + " that curve (an error when a curve keeps none); --extend reports it."))
    var times: String?

    @Flag(help: "With --times, also report times after a curve's last observed time, as R's extend = TRUE.")
    var extend = false

    mutating func validate() throws {
        if let times, [Double](commaSeparated: times) == nil {
            throw ValidationError("--times must be comma-separated finite numbers ≥ 0, e.g. 12,60,120.")
        }
        if extend && times == nil {
            throw ValidationError("--extend applies to --times; give the times too, e.g. --times 12,60 --extend.")
        }
        try figure.check(unsupported: ["--median-lines"])
        if cause != nil && figure.plot == nil {
            throw ValidationError("--cause applies to --plot; give the figure file too, e.g. --plot cif.png.")
        }
    }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(cohort.data)])
        let plotFile = try figure.destination(inputs: [InputFile(cohort.data)], output: output)
        let frame = try FrameLoader.loadCompeting(
            cohort, competingStatus: competingStatus,
            frameOptions: landmark.applied(to: ModelFrameOptions(allowCompetingRisks: true)), build: Formula.groupingFrame,
            acceptsCounts: true, database: .cif)
        var result: CumulativeIncidenceResult
        let requested = times.flatMap { [Double](commaSeparated: $0) } ?? []
        do { result = try CumulativeIncidence.fit(frame, times: requested, extend: extend) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        result.input = frame.origin.input
        let text = try CumulativeIncidenceReport.render(result, format: output.format)
        if plotFile != nil && figure.pvalue && result.strata.count < 2 {
            throw ValidationError("--pvalue needs two or more groups to compare (a grouping variable after ~).")
        }
        let causes = cause.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        try PlotArguments.write(plotFile) { () throws(PlotOptionError) in
            try CumulativeIncidencePlot.figure(
                result, causes: causes, options: figure.options(defaultMinAtRisk: 5))
        }
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
