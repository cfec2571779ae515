import ArgumentParser
import SurvivalKit

/// `survkit survreg`: parametric accelerated-failure-time regression.
struct SurvregCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survreg",
        abstract: "Parametric survival regression (accelerated failure time), as R survreg.",
        discussion: """
            log(T) = Xβ + σ·ε with ε extreme value (weibull; exponential with σ = 1), normal \
            (lognormal) or logistic (loglogistic), fitted by maximum likelihood to right-censored \
            or interval-censored (Surv(left, right, type = "interval2")) data with R's starting \
            values and Newton–Raphson. Weibull fits also give hazard ratios exp(-coef/scale) \
            with delta-method limits. strata(g) gives each stratum its \
            own scale, as R; case weights and offset(...) are supported. Reports the coefficients \
            (with the intercept) on the log-time scale, the scale and log(scale) with standard \
            errors, the log-likelihoods and the chi-square test against the intercept-only model.

            Example: survkit survreg datasets/lung.csv --formula "Surv(time, status) ~ age + sex" --dist weibull
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: TableOutputOptions

    @Option(help: "Distribution of the survival times: weibull (default, as R), exponential, lognormal or loglogistic.")
    var dist: SurvregDistribution = .weibull

    @Option(help: "Maximum Newton–Raphson iterations (R default 30).")
    var maxIterations: Int = 30

    mutating func validate() throws {
        guard maxIterations >= 0 else { throw ValidationError("--max-iterations must be ≥ 0.") }
    }

    func run() throws {
        let destination = try ReportWriter.destination(output.plain, inputs: [InputFile(cohort.data)])
        let labels = output.isPublication ? try PublicationTableWriter.labels(output) : .none
        var fileLabels: [String: String] = [:]
        var frameOptions = ModelFrameOptions()
        frameOptions.allowsIntervalCensoring = true
        let frame = try FrameLoader.load(cohort, frameOptions: frameOptions, build: Formula.modelFrame, transform: { data in
            fileLabels = data.variableLabels
            return data
        })
        var options = SurvregOptions(distribution: dist)
        options.maxIterations = maxIterations
        let fit: SurvregFit
        do { fit = try SurvregModel.fit(frame, options: options) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        var result = fit.makeResult()
        result.input = frame.origin.input
        if output.isPublication {
            var table = PublicationTable.survreg(
                result, frame: frame, formula: try Formula(cohort.formula), labels: labels.merging(fileLabels: fileLabels))
            var options: [String] = []
            if dist != .weibull { options += ["--dist", dist.rawValue] }
            if maxIterations != 30 { options += ["--max-iterations", "\(maxIterations)"] }
            table.call = PublicationTableWriter.call("survreg", cohort: cohort, options: options, table: output)
            try PublicationTableWriter.emit(table, options: output, warnings: result.warnings, to: destination)
            return
        }
        let text = try SurvregReport.render(result, format: output.reportFormat)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
