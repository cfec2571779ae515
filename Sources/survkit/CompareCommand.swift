import ArgumentParser
import SurvivalKit

extension ComparedModelKind: ExpressibleByArgument {}

/// `survkit compare`: likelihood-ratio tests of nested models fitted to the same rows.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Likelihood-ratio tests of nested models, as R anova(fit1, fit2, ...).",
        discussion: """
            Fits every --formula (two or more, smallest first) with the same model, options and \
            rows, and tests each model against the one before it: Cox (anova.coxphlist), survreg \
            (anova.survreglist), Poisson (anova(..., test = "Chisq")) or negative binomial \
            (MASS's anova.negbin, which orders the models by residual df). Reports each model's \
            log-likelihood, df and AIC. Models fitted to different rows cannot be compared: \
            when a covariate only a larger model uses has missing values, restrict every model \
            to the complete rows with --subset '!is.na(x)'.

            Example: survkit compare datasets/lung.csv --model cox --formula "Surv(time, status) ~ age" --formula "Surv(time, status) ~ age + sex"
            """
    )

    @Argument(help: "The cohort: a CSV file (- for standard input) or a .dta, .sav, .zsav, .sas7bdat or .xpt file.")
    var data: String

    @Option(help: "The kind of model fitted to every formula: cox, survreg, poisson or negbin.")
    var model: ComparedModelKind

    @Option(
        name: .customLong("formula"),
        help: "A model formula, R style; repeat for each model (at least two), smallest first.")
    var formulas: [String] = []

    @OptionGroup var input: InputOptions

    @Option(help: "Column of case weights (positive numbers), as R's weights =; used by every model.")
    var weights: String?

    @Option(
        name: .customLong("duration"),
        help: "Derive a follow-up column from two date columns, as NAME=FROM:TO[:days|months|years] (repeatable).")
    var durations: [String] = []

    @Option(name: .customLong("reference"), help: "Reference level of a categorical variable, as x=LEVEL (repeatable).")
    var references: [String] = []

    @Flag(help: "Fail (exit 1) instead of dropping rows with missing values in the columns the models use.")
    var strict = false

    @Option(help: "Fit every model only to the rows where this R expression is TRUE, as R's subset(d, EXPR).")
    var subset: String?

    @Option(help: "Cox: tie handling (efron is R's default).")
    var ties: CoxTies?

    @Option(help: "survreg: distribution of the survival times (weibull is R's default).")
    var dist: SurvregDistribution?

    @Option(help: "Maximum iterations of each fit (R's defaults: cox 20, survreg 30, poisson and negbin 25).")
    var maxIterations: Int?

    @OptionGroup var output: OutputOptions

    mutating func validate() throws {
        guard formulas.count >= 2 else {
            throw ValidationError("compare needs at least two models: give --formula once for each, smallest first.")
        }
        for (k, text) in formulas.enumerated() {
            do { _ = try Formula(text) } catch let error as CohortError {
                throw ValidationError("--formula \(k + 1): \(error.message)")
            }
        }
        _ = try CohortOptions.rowSubset(subset)
        if ties != nil && model != .cox { throw ValidationError("--ties applies to --model cox only.") }
        if dist != nil && model != .survreg { throw ValidationError("--dist applies to --model survreg only.") }
        if let maxIterations, maxIterations < (model == .poisson || model == .negbin ? 1 : 0) {
            throw ValidationError("--max-iterations must be ≥ \(model == .poisson || model == .negbin ? 1 : 0).")
        }
    }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(data)])
        try checkSameResponse()
        let options = try formulas.map(cohortOptions)
        var result: ModelComparisonResult
        switch model {
        case .cox:
            var coxOptions = CoxOptions()
            coxOptions.ties = ties ?? .efron
            coxOptions.maxIterations = maxIterations ?? 20
            let frames = try options.map { try FrameLoader.load($0, build: Formula.modelFrame) }
            try checkSameRows(frames.map { ($0.rowIndex, $0.rows) })
            let fits = try zip(formulas, frames).map { formula, frame in
                do { return (formula, try CoxModel.fit(frame, options: coxOptions).makeResult()) } catch {
                    throw FrameLoader.failure(error, frame: frame, file: data)
                }
            }
            do { result = try ModelComparison.cox(fits) } catch { throw AnalysisFailure(message: "\(data): \(error.message)") }
            result.input = frames[0].origin.input
        case .survreg:
            var survregOptions = SurvregOptions(distribution: dist ?? .weibull)
            survregOptions.maxIterations = maxIterations ?? 30
            let frames = try options.map { try FrameLoader.load($0, build: Formula.modelFrame) }
            try checkSameRows(frames.map { ($0.rowIndex, $0.rows) })
            let fits = try zip(formulas, frames).map { formula, frame in
                do { return (formula, try SurvregModel.fit(frame, options: survregOptions).makeResult()) } catch {
                    throw FrameLoader.failure(error, frame: frame, file: data)
                }
            }
            result = ModelComparison.survreg(fits)
            result.input = frames[0].origin.input
        case .poisson, .negbin:
            let control = GLMControl(maxIterations: maxIterations ?? 25)
            var intercepts: [Bool] = []
            let frames = try options.map { o in
                try FrameLoader.load(o, build: Formula.countFrame, rewrite: { formula in
                    intercepts.append(formula.hasIntercept)
                    return formula
                })
            }
            try checkSameRows(frames.map { ($0.rowIndex, $0.rows) })
            let fits = try zip(formulas, zip(frames, intercepts)).map { formula, pair in
                let (frame, intercept) = pair
                let o = RateRegressionOptions(intercept: intercept, control: control)
                do {
                    let fit = model == .poisson
                        ? try RateRegression.poisson(frame, options: o) : try RateRegression.negativeBinomial(frame, options: o)
                    return (formula, fit)
                } catch {
                    throw FrameLoader.failure(error, frame: frame, file: data)
                }
            }
            result = model == .poisson ? ModelComparison.poisson(fits) : ModelComparison.negativeBinomial(fits)
            result.input = frames[0].origin.input
        }
        let text = try ModelComparisonReport.render(result, format: output.format)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }

    /// The cohort options of one model: the common options with its formula.
    func cohortOptions(_ formula: String) throws -> CohortOptions {
        // Parsing the two required values gives an instance whose other options are their defaults.
        var options: CohortOptions
        do { options = try CohortOptions.parse(["--formula=\(formula)", "--", data]) } catch {
            throw ValidationError("--formula \(formula): \(CohortOptions.message(for: error))")
        }
        options.input = input
        options.weights = weights
        options.durations = durations
        options.references = references
        options.strict = strict
        options.subset = subset
        return options
    }

    /// Likelihoods of different responses are not comparable (R's anova drops such models with a warning).
    func checkSameResponse() throws {
        let parsed = try formulas.map { try Formula($0) }
        for k in parsed.indices.dropFirst() where parsed[k].response != parsed[0].response {
            throw AnalysisFailure(
                message: "\(data): model \(k + 1) (\(formulas[k])) has a different response from model 1"
                    + " (\(formulas[0])); a likelihood-ratio test compares models of the same outcome:"
                    + " write the same left-hand side in every --formula.")
        }
    }

    /// Exit 1 when the models were fitted to different rows, saying which
    /// columns caused it and how to fit them all to the same rows.
    func checkSameRows(_ frames: [(rowIndex: [Int], rows: RowAccounting)]) throws {
        guard let m = ModelComparison.rowSetMismatch(frames) else { return }
        func model(_ k: Int) -> String { "model \(k + 1) (\(formulas[k]), \(frames[k].rowIndex.count) rows)" }
        func rows(_ n: Int) -> String { "\(n) row\(n == 1 ? "" : "s")" }
        var parts: [String] = []
        if m.onlyInFirst > 0 { parts.append("\(model(m.second)) leaves out \(rows(m.onlyInFirst)) that \(model(m.first)) uses") }
        if m.onlyInSecond > 0 { parts.append("\(model(m.first)) leaves out \(rows(m.onlyInSecond)) that \(model(m.second)) uses") }
        var message = "\(data): the models are fitted to different rows, so their likelihoods cannot be compared: "
            + parts.joined(separator: ", and ") + "."
        let causes = m.missingColumns.map { "column \"\($0.column)\" is missing in \(rows($0.rows))" }
            + m.otherReasons.map { "\($0.reason): \(rows($0.rows))" }
        if !causes.isEmpty { message += " Why: " + causes.joined(separator: "; ") + "." }
        if !m.missingColumns.isEmpty {
            let condition = m.missingColumns.map { "!is.na(\(FormulaExpression.variable($0.column).text))" }
            let combined = ([subset.map { "(\($0))" }].compactMap { $0 } + condition).joined(separator: " & ")
            message += " Fit every model to the same rows with --subset '\(combined)'."
        } else {
            message += " Fit every model to the same rows with a --subset that leaves those rows out."
        }
        throw AnalysisFailure(message: message)
    }
}
