import ArgumentParser
import SurvivalKit

/// Options shared by `survkit poisson` and `survkit negbin`.
struct RateRegressionArguments: ParsableArguments {
    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: TableOutputOptions

    @OptionGroup var confidence: ConfidenceOptions
    var confLevel: Double { confidence.confLevel }

    @Option(help: "Maximum IRLS iterations (R glm.control default 25; also glm.nb's alternations).")
    var maxIterations: Int = 25

    mutating func validate() throws {
        guard maxIterations >= 1 else { throw ValidationError("--max-iterations must be ≥ 1.") }
    }

    /// Loads the frame (plain count outcome), fits with `fit`, writes the report.
    func run(
        _ command: String, _ fit: (CountModelFrame, RateRegressionOptions) throws(ModelError) -> RateRegressionResult
    ) throws {
        let destination = try ReportWriter.destination(output.plain, inputs: [InputFile(cohort.data)])
        let labels = output.isPublication ? try PublicationTableWriter.labels(output) : .none
        // A publication table counts rows per level; with --counts they are not subjects.
        if cohort.counts != nil, output.isPublication { throw FrameLoader.countsRefused("with a publication table") }
        var fileLabels: [String: String] = [:]
        var intercept = true
        // Counts: Poisson only (glm on the expanded rows); negbin refuses them.
        let frame = try FrameLoader.load(cohort, build: Formula.countFrame, transform: { data in
            fileLabels = data.variableLabels
            return data
        }, rewrite: { formula in
            intercept = formula.hasIntercept
            return formula
        }, acceptsCounts: command == "poisson")
        let options = RateRegressionOptions(
            intercept: intercept, control: GLMControl(maxIterations: maxIterations), confLevel: confLevel)
        var result: RateRegressionResult
        do { result = try fit(frame, options) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        result.input = frame.origin.input
        if output.isPublication {
            var table = PublicationTable.rateRegression(
                result, frame: frame, formula: try Formula(cohort.formula), labels: labels.merging(fileLabels: fileLabels))
            var options: [String] = []
            if confLevel != 0.95 { options += ["--conf-level", NumberFormat.significant(confLevel, 6)] }
            if maxIterations != 25 { options += ["--max-iterations", "\(maxIterations)"] }
            table.call = PublicationTableWriter.call(command, cohort: cohort, options: options, table: output)
            try PublicationTableWriter.emit(table, options: output, warnings: result.warnings, to: destination)
            return
        }
        let text = try RateRegressionReport.render(result, format: output.reportFormat)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}

/// `survkit poisson`: Poisson rate regression.
struct PoissonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poisson",
        abstract: "Poisson regression of event counts on person-time, as R glm(family = poisson).",
        discussion: """
            Log link, IRLS with R's convergence rule; offset(log(person_time)) makes it a rate \
            model. Reports rate ratios with Wald limits, deviance, null deviance and AIC. \
            Collinear terms are reported as not defined (null), as R's NA.

            Example: survkit poisson datasets/sarcoma_patients.csv --formula "lr_count ~ margin + factor(grade) + radiotherapy + offset(log(os_years))"
            """
    )

    @OptionGroup var arguments: RateRegressionArguments

    func run() throws { try arguments.run("poisson", RateRegression.poisson) }
}

/// `survkit negbin`: negative-binomial rate regression.
struct NegBinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "negbin",
        abstract: "Negative-binomial regression of over-dispersed counts, as R MASS::glm.nb.",
        discussion: """
            Log link; alternates IRLS for the coefficients and maximum likelihood for the shape \
            theta (Var = mu + mu^2/theta) as glm.nb. Reports rate ratios with Wald limits, theta \
            and its standard error, deviance and AIC.

            Example: survkit negbin datasets/quine.csv --formula "Days ~ Eth + Sex + Age + Lrn"
            """
    )

    @OptionGroup var arguments: RateRegressionArguments

    func run() throws { try arguments.run("negbin", RateRegression.negativeBinomial) }
}
