import ArgumentParser
import SurvivalKit

/// `survkit recur`: Cox models for recurrent events (AG, PWP-TT, PWP-GT, WLW).
struct RecurCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recur",
        abstract: "Recurrent-event Cox models: Andersen–Gill, PWP total and gap time, Wei–Lin–Weissfeld, as R coxph.",
        discussion: """
            The subject is cluster(id) in the formula (robust variance by subject). \
            ag: Surv(start, stop, event), one baseline hazard. pwp-tt: the same, stratified by event \
            number — strata(enum) as written in the formula, or built from cluster(id) and the row \
            order (1 + earlier events of the subject) with a note. pwp-gt: gap time, \
            Surv(stop - start, event), same strata. wlw: marginal model on WLW-layout data \
            (every subject at risk for every event number), Surv(stop, event) from time 0, \
            strata(enum) required. JSON as survkit cox with "analysis": "recurrent-events" and "model".

            Example: survkit recur datasets/bladder2.csv --formula "Surv(start, stop, event) ~ rx + size + number + cluster(id)" --model pwp-tt
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Model: ag, pwp-tt, pwp-gt or wlw.")
    var model: RecurrentEventsModel = .ag

    @Option(help: "Tie handling (efron is R's default).")
    var ties: CoxTies = .efron

    @OptionGroup var timeDependent: TimeDependentOptions
    @OptionGroup var confidence: ConfidenceOptions
    var confLevel: Double { confidence.confLevel }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(cohort.data)])
        let model = self.model
        // R's coxph fits overlapping intervals as given: a warning with the counts.
        var frameOptions = ModelFrameOptions()
        frameOptions.overlappingIntervals = .warn
        let frame = try FrameLoader.load(
            cohort, frameOptions: frameOptions, timeDependent: timeDependent.covariates, build: Formula.modelFrame, rewrite: { formula in
            do { return try model.rewrite(formula) } catch {
                throw AnalysisFailure(message: "\(cohort.data): \(error)")
            }
        })
        var options = CoxOptions()
        options.ties = ties
        options.confLevel = confLevel
        var result: RecurrentEventsResult
        do { result = try model.fit(frame, options: options) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        result.cox.input = frame.origin.input
        let text = try CoxReport.render(result, format: output.format)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
