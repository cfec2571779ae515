import ArgumentParser
import SurvivalKit

/// `survkit zph-plot`: R's `plot(cox.zph(fit))` — scaled Schoenfeld residuals
/// against transformed time with the spline smooth and its ±2 se limits.
struct ZPHPlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zph-plot",
        abstract: "Plot of the proportional-hazards check, as R plot(cox.zph(fit)): residuals, smooth and limits.",
        discussion: """
            Fits the Cox model (Efron ties, as coxph) and draws, for each coefficient (or --term), \
            the scaled Schoenfeld residuals of cox.zph against transformed time (--transform, km \
            by default), their natural-spline smooth lm(y ~ ns(x, df = 4)) and ±2 standard-error \
            limits, as plot.cox.zph. A flat smooth supports proportional hazards. The report \
            (text, Markdown or JSON) is survkit cox --zph's test table.

            Example: survkit zph-plot datasets/lung.csv --formula "Surv(time, status) ~ age + sex + ph.ecog" --plot zph.png
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Time transform of cox.zph (km is R's default).")
    var transform: ZPHTransform = .km

    @Option(help: ArgumentHelp("Draw only this coefficient (as named in the cox output, e.g. age).", valueName: "name"))
    var term: String?

    @OptionGroup(title: "Figure") var figure: PlotArguments

    mutating func validate() throws {
        guard figure.plot != nil else {
            throw ValidationError("zph-plot draws a figure: give its file with --plot, e.g. --plot zph.png.")
        }
        try figure.check(unsupported: [
            "--legend-labels", "--xlim", "--ylim", "--breaks", "--percent", "--median-lines", "--pvalue",
            "--no-risk-table", "--risk-table-censored", "--risk-table-events", "--min-at-risk",
        ])
    }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(cohort.data)])
        let plotFile = try figure.destination(inputs: [InputFile(cohort.data)], output: output)
        let frame = try FrameLoader.load(cohort, build: Formula.modelFrame)
        let fit: CoxFit
        do { fit = try CoxModel.fit(frame, options: CoxOptions()) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        var smooths: [CoxZPHSmooth]
        do { smooths = try fit.zphSmooth(transform: transform) } catch {
            throw AnalysisFailure(message: "\(cohort.data): \(error.message)")
        }
        if let term {
            smooths = smooths.filter { $0.term == term }
            guard !smooths.isEmpty else {
                throw ValidationError(
                    "--term \(term) is not a coefficient of the model; the coefficients are "
                        + fit.frame.termNames.joined(separator: ", ") + ".")
            }
        }
        var result = try fit.makeResult(zph: fit.zph(transform: transform), residuals: nil)
        result.input = frame.origin.input
        let text = try CoxReport.render(result, format: output.format)
        let coefficients = Dictionary(
            result.coefficients.compactMap { c in c.coef.map { (c.term, $0) } }, uniquingKeysWith: { first, _ in first })
        try PlotArguments.write(plotFile) { () throws(PlotOptionError) in
            ZPHPlot.figure(smooths, coefficients: coefficients, options: figure.options(defaultHeight: 2.5 * Double(max(smooths.count, 1))))
        }
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
