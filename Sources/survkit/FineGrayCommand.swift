import ArgumentParser
import SurvivalKit

/// `survkit finegray`: Fine–Gray competing-risks regression.
struct FineGrayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finegray",
        abstract: "Fine–Gray competing-risks regression (subdistribution hazards), as cmprsk::crr.",
        discussion: """
            The status column codes the censored rows (--cencode, 0 by default), the cause to model \
            (--cause, 1 by default) and the competing events (every other code), as crr's fstatus. \
            Rows with a competing event stay in the risk set, weighted by the Kaplan–Meier estimate of \
            the censoring distribution; crr's Newton iteration at R's defaults (start at 0, gtol 1e-6, \
            10 steps) and its sandwich variance. Terms are coded as in survkit cox; crr has no weights, \
            strata, cluster() or offset(). --predict gives each new row's cumulative incidence of the \
            cause at every event time of the cause, as predict.crr.

            Example: survkit finegray datasets/mgus2_competing.csv --formula "Surv(etime, event) ~ age + sex + hgb" --cause 1
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: TableOutputOptions
    @OptionGroup(title: "Figure (forest plot of subdistribution hazard ratios)") var figure: PlotArguments

    @Option(help: "Status code of the event to model (crr's failcode).")
    var cause: Int = 1

    @Option(help: "Status code of censored rows (crr's cencode); every other code is a competing event.")
    var cencode: Int = 0

    @Option(
        help: ArgumentHelp(
            "Status column of a competing event (e.g. death) that ends follow-up: recodes the formula's 0/1 status to 0/1/2.",
            discussion: "As survkit cif: rows with status 1 stay cause 1; rows with status 0 whose competing status is 1 "
                + "become 2 (the formula's time must then be the time to the first of the two events)."))
    var competingStatus: String?

    @Option(help: "Predict the cumulative incidence of the cause for the rows of this CSV, as predict.crr.")
    var predict: String?

    @OptionGroup var confidence: ConfidenceOptions

    func validate() throws {
        try figure.check(unsupported: ["--legend-labels", "--ylim", "--breaks", "--percent", "--median-lines", "--pvalue", "--no-risk-table", "--risk-table-censored", "--risk-table-events", "--height", "--min-at-risk"])
        if cohort.weights != nil {
            throw ValidationError(
                "--weights: Fine–Gray regression has no case weights (cmprsk::crr has none); leave out --weights.")
        }
        if output.isPublication && predict != nil {
            throw ValidationError(
                "--predict is not part of a publication table; leave it out, or use R's layout (--format text or markdown) or --format json.")
        }
        if cause == cencode {
            throw ValidationError("--cause and --cencode are both \(cause); the event to model cannot be the censoring code.")
        }
    }

    func run() throws {
        let destination = try ReportWriter.destination(
            output.plain, inputs: [InputFile(cohort.data)] + (predict.map { [InputFile($0)] } ?? []))
        let labels = output.isPublication ? try PublicationTableWriter.labels(output) : .none
        var fileLabels: [String: String] = [:]
        let plotFile = try figure.destination(inputs: [InputFile(cohort.data)], output: output.plain)
        let frame = try FrameLoader.loadCompeting(
            cohort, competingStatus: competingStatus, frameOptions: ModelFrameOptions(allowCompetingRisks: true),
            build: Formula.modelFrame, read: { fileLabels = $0.variableLabels })
        let options = FineGrayOptions(cause: cause, censoringCode: cencode, confLevel: confidence.confLevel)
        let fit: FineGrayFit
        do { fit = try FineGrayModel.fit(frame, options: options) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        var result = fit.makeResult()
        if let predict {
            let (predictions, dropped) = try predictions(fit, file: predict)
            result.predictions = predictions
            if dropped > 0 {
                result.warnings.append(
                    "\(predict): \(dropped) row\(dropped == 1 ? "" : "s") with a missing covariate not predicted")
            }
        }
        result.input = frame.origin.input
        let rows = result.coefficients.compactMap { c -> ForestRow? in
            guard let hr = c.shr, let lo = c.shrLower, let hi = c.shrUpper else { return nil }
            return ForestRow(term: c.term, estimate: hr, lower: lo, upper: hi, pValue: c.p)
        }
        try PlotArguments.write(plotFile) { () throws(PlotOptionError) in
            ForestPlot.figure(rows, options: figure.options(), ratioName: "Subdistribution hazard ratio")
        }
        if output.isPublication {
            var table = PublicationTable.fineGray(
                result, frame: frame, formula: try Formula(cohort.formula), cause: cause,
                labels: labels.merging(fileLabels: fileLabels))
            table.call = PublicationTableWriter.call("finegray", cohort: cohort, options: callOptions, table: output)
            try PublicationTableWriter.emit(table, options: output, warnings: result.warnings, to: destination)
            return
        }
        let text = try FineGrayReport.render(result, format: output.reportFormat)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }

    /// The model options that differ from the defaults, for the call a publication table states.
    var callOptions: [String] {
        var out: [String] = []
        if cause != 1 { out += ["--cause", "\(cause)"] }
        if cencode != 0 { out += ["--cencode", "\(cencode)"] }
        if let competingStatus { out += ["--competing-status", competingStatus] }
        if confidence.confLevel != 0.95 { out += ["--conf-level", NumberFormat.significant(confidence.confLevel, 6)] }
        return out
    }

    /// The new rows coded like the training frame, and their predicted incidence.
    func predictions(_ fit: FineGrayFit, file: String) throws -> ([FineGrayPrediction], Int) {
        let design = try FrameLoader.newDataDesign(cohort, file: file, like: fit.frame)
        return (fit.predict(design), design.rows.droppedTotal)
    }
}
