import ArgumentParser
import SurvivalKit

/// `survkit cox`: Cox proportional-hazards regression.
struct CoxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cox",
        abstract: "Cox proportional-hazards regression, as R coxph.",
        discussion: """
            Partial likelihood with Efron (default, as R) or Breslow ties, Newton–Raphson with \
            R's convergence rule; strata(...), cluster(id) (robust variance), offset(...), \
            Surv(start, stop, status) counting-process data, case weights. Reports the \
            coefficient table with hazard ratios and limits, the likelihood-ratio, Wald and \
            score tests, and Harrell's concordance. Collinear terms are reported as not \
            defined (null), as R's NA.

            Example: survkit cox datasets/lung.csv --formula "Surv(time, status) ~ age + sex + ph.ecog" --zph
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: TableOutputOptions

    @Option(help: "Tie handling (efron is R's default; exact: right-censored data only).")
    var ties: CoxTies = .efron

    @Flag(help: "Robust (sandwich) variance with each row its own cluster; implied by cluster(id).")
    var robust = false

    @Flag(help: "Test proportional hazards, as R cox.zph (per term and global).")
    var zph = false

    @Option(help: "Time transform of the cox.zph test (km is R's default).")
    var zphTransform: ZPHTransform = .km

    @Option(
        help: "Comma-separated residuals to add: \(ResidualKind.allValueStrings.joined(separator: ", ")).",
        completion: .list(ResidualKind.allValueStrings), transform: CommaSeparated.init(parsing:))
    var residuals: CommaSeparated<ResidualKind>?

    @Flag(help: "Add the sequential analysis of deviance, as R anova(fit): terms added one at a time, likelihood-ratio test of each.")
    var anova = false

    @Option(help: "Predict for the rows of this CSV: linear predictors and risk scores, as R predict(fit, newdata).")
    var predict: String?

    @Option(help: "Centring of --predict linear predictors (strata is R's default).")
    var predictReference: CoxPredictionReference = .strata

    @Flag(help: "With --predict, add each row's survival curve with limits, as R survfit(fit, newdata).")
    var predictCurves = false

    @OptionGroup var confidence: ConfidenceOptions
    var confLevel: Double { confidence.confLevel }

    @Option(help: "Maximum Newton–Raphson iterations (R default 20).")
    var maxIterations: Int = 20

    @OptionGroup(title: "Bootstrap") var bootstrap: BootstrapArguments

    @OptionGroup var landmark: LandmarkOptions
    @OptionGroup var timeDependent: TimeDependentOptions
    @OptionGroup(title: "Figure (forest plot of hazard ratios)") var figure: PlotArguments

    @Option(
        help: ArgumentHelp(
            "With --plot: draw this spline term's fitted effect instead of the forest plot, e.g. \"ns(age)\".",
            discussion: "As R's termplot(fit, se = TRUE): the term's part of the log hazard (centred at the means)"
                + " against its variable, with ±2 standard-error limits and a rug of the data.",
            valueName: "term"))
    var plotTerm: String?

    @Option(
        help: ArgumentHelp(
            "The function of the formula's tt(x) terms, an R expression in x and t (the event time), e.g. \"x * log(t)\".",
            discussion: "As coxph(..., tt = function(x, t, ...) EXPR): the data are expanded to one row per event"
                + " time and subject at risk, each event time a stratum; one expression serves every tt() term.",
            valueName: "EXPR"))
    var tt: String?

    /// `--tt` parsed (`validate()` has checked that it parses).
    var timeTransform: TimeTransform? { tt.flatMap { try? TimeTransform($0) } }

    var requestedResiduals: [ResidualKind] { residuals?.values ?? [] }

    mutating func validate() throws {
        guard maxIterations >= 0 else { throw ValidationError("--max-iterations must be ≥ 0.") }
        if plotTerm != nil {
            guard figure.plot != nil else { throw ValidationError("--plot-term needs --plot FILE (where to draw the term).") }
            try figure.check(unsupported: ["--legend-labels", "--breaks", "--percent", "--median-lines", "--pvalue", "--no-risk-table", "--risk-table-censored", "--risk-table-events", "--min-at-risk"])
        } else {
            try figure.check(unsupported: ["--legend-labels", "--ylim", "--breaks", "--percent", "--median-lines", "--pvalue", "--no-risk-table", "--risk-table-censored", "--risk-table-events", "--height", "--min-at-risk"])
        }
        if anova && robust {
            throw ValidationError(
                "--anova is not available with --robust: as R's anova.coxph, the likelihood-ratio tests assume the model-based variance.")
        }
        if landmark.landmark != nil && !timeDependent.specs.isEmpty {
            throw ValidationError(
                "--landmark and --tdc together are not supported (the landmark applies to one row per subject,"
                    + " before a split); apply the landmark with --subset and a shifted time column instead")
        }
        if let tt {
            do { _ = try TimeTransform(tt) } catch let error as CohortError {
                throw ValidationError("--tt: \(error.message)")
            }
            // R's cox.zph, residuals and predict are not defined for tt() models either.
            let refused = [
                (zph, "--zph"), (!requestedResiduals.isEmpty, "--residuals"), (predict != nil, "--predict"),
                (robust, "--robust"), (bootstrap.bootstrap != nil, "--bootstrap"),
            ].filter(\.0).map(\.1)
            if let option = refused.first {
                throw ValidationError("\(option) is not available with --tt (a model with tt() terms); leave one of them out.")
            }
        }
        if output.isPublication {
            // The publication table has the coefficients only; these would be computed and not shown.
            let extras = [
                (zph, "--zph"), (!requestedResiduals.isEmpty, "--residuals"), (anova, "--anova"),
                (predict != nil, "--predict"), (bootstrap.bootstrap != nil, "--bootstrap"),
            ].filter(\.0).map(\.1)
            if let option = extras.first {
                throw ValidationError(
                    "\(option) is not part of a publication table; leave it out, or use R's layout (--format text or markdown) or --format json.")
            }
        }
        if output.isPublication && tt != nil {
            throw ValidationError(
                "a publication table is not available with --tt (the fit is on rows expanded per event time); use R's layout (--format text or markdown).")
        }
        if ties == .exact {
            // As R's residuals.coxph: only martingale-type residuals exist for the exact method.
            for kind in requestedResiduals where kind != .martingale && kind != .deviance {
                throw ValidationError(
                    "\(kind.rawValue) residuals are not available for the exact method (as R); use martingale or deviance, or --ties efron.")
            }
            if zph { throw ValidationError("--zph is not available with --ties exact; use --ties efron or breslow.") }
            if robust { throw ValidationError("--robust is not available with --ties exact (R has no score residuals for it).") }
        }
    }

    func run() throws {
        MemoryRecycling.begin()
        let destination = try ReportWriter.destination(
            output.plain, inputs: [InputFile(cohort.data)] + (predict.map { [InputFile($0)] } ?? []))
        var fileLabels: [String: String] = [:]
        let labels = output.isPublication ? try PublicationTableWriter.labels(output) : .none
        let plotFile = try figure.destination(inputs: [InputFile(cohort.data)], output: output.plain)
        if try runInDatabase(destination: destination) { return }  // CoxCommand+Database (DatabaseCoxRun.swift)
        var frameOptions = landmark.applied()
        frameOptions.timeTransform = timeTransform
        try refuseWithCounts()
        let frame = try FrameLoader.load(
            cohort, frameOptions: frameOptions, timeDependent: timeDependent.covariates, build: Formula.modelFrame,
            transform: { data in
                fileLabels = data.variableLabels
                return data
            }, allowsFrailty: true, acceptsCounts: true, database: .cox)
        var options = CoxOptions()
        options.ties = ties
        options.robust = robust ? true : nil
        options.confLevel = confLevel
        options.maxIterations = maxIterations
        let parsed = try Formula(cohort.formula)
        if let frailty = parsed.frailty {
            try runPenalized(frame, frailty: frailty, formula: parsed, options: options, destination: destination)
            return
        }
        if !PenalizedSplineCoxModel.terms(parsed).isEmpty {
            try runPenalized(frame, frailty: nil, formula: parsed, options: options, destination: destination)
            return
        }
        let fit: CoxFit
        // A long fit (hundreds of coefficients, millions of rows) says so on a terminal.
        let long = frame.design.columns >= 200 || frame.count >= 1_000_000
        let done = long
            ? Progress.begin("Fitting a Cox model: \(frame.design.columns) coefficients, \(frame.count) rows") : { _ in }
        do { fit = try CoxModel.fit(frame, options: options) } catch {
            done("failed")
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        done("done")
        PhaseTimings.mark("fit")
        var result = try fit.makeResult(zph: zph ? zphResult(fit) : nil, residuals: residualResult(fit))
        if anova {
            do { result.anova = try fit.anova(termLabels: Self.termLabels(cohort.formula)) } catch {
                throw FrameLoader.failure(error, frame: frame, file: cohort.data)
            }
        }
        // With tt() the fit runs on the expanded rows; n is the data rows, as R's fit$n.
        if timeTransform != nil { result.n = frame.rows.used }
        if let predict {
            result.predictions = try predictions(fit, file: predict)
        }
        if let boot = bootstrap.options(threads: cohort.input.threads, confLevel: confLevel) {
            result.bootstrap = CoxModel.bootstrap(frame, fit: fit, bootstrap: boot)
        }
        result.input = frame.origin.input
        PhaseTimings.mark("result (concordance, tests, options)")
        let rows = result.coefficients.compactMap { c -> ForestRow? in
            guard let hr = c.hr, let lo = c.hrLower, let hi = c.hrUpper else { return nil }
            return ForestRow(term: c.term, estimate: hr, lower: lo, upper: hi, pValue: c.p)
        }
        if let plotTerm {
            guard let effect = fit.termEffect(plotTerm) else {
                let terms = frame.splineCarriers.keys.sorted().joined(separator: ", ")
                let hint = terms.isEmpty ? " (it has none; add ns(x, df = 3) or bs(x, df = 4))." : "; its spline terms: " + terms + "."
                throw ValidationError("--plot-term " + plotTerm + ": not a spline term of this model" + hint)
            }
            try PlotArguments.write(plotFile) { () throws(PlotOptionError) in
                TermEffectPlot.figure(effect, options: figure.options(defaultHeight: 4.5))
            }
        } else {
            try PlotArguments.write(plotFile) { () throws(PlotOptionError) in
                ForestPlot.figure(rows, options: figure.options())
            }
        }
        if output.isPublication {
            var table = PublicationTable.cox(
                result, frame: frame, formula: try Formula(cohort.formula), labels: labels.merging(fileLabels: fileLabels))
            table.call = PublicationTableWriter.call("cox", cohort: cohort, options: callOptions, table: output)
            try PublicationTableWriter.emit(table, options: output, warnings: result.warnings, to: destination)
            return
        }
        let text = try CoxReport.render(result, format: output.reportFormat)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }

    /// `--counts` fits R's model on the expanded rows; the extras that would
    /// need per-subject output (residuals, zph, predictions), resampling, exact
    /// ties, tt(), the penalised fits and the publication table (its per-level
    /// counts are of rows) are refused with it (exit 2).
    func refuseWithCounts() throws {
        guard cohort.counts != nil else { return }
        let parsed = try? Formula(cohort.formula)
        let refused = [
            (zph, "--zph"), (!requestedResiduals.isEmpty, "--residuals"), (predict != nil, "--predict"),
            (bootstrap.bootstrap != nil, "--bootstrap"), (ties == .exact, "--ties exact"), (tt != nil, "--tt"),
            (output.isPublication, "with a publication table"), (parsed?.frailty != nil, "with frailty()"),
            (parsed.map { !PenalizedSplineCoxModel.terms($0).isEmpty } ?? false, "with pspline()"),
        ].filter(\.0).map(\.1)
        if let what = refused.first { throw FrameLoader.countsRefused(what) }
    }

    /// A shared-frailty or penalised-spline fit (`frailty(g)`, `pspline(x)` in
    /// the formula), R's penalised coxph; its extras are refused.
    func runPenalized(
        _ frame: ModelFrame, frailty: FrailtyTerm?, formula: Formula, options: CoxOptions, destination: ReportDestination
    ) throws {
        let refused = [
            (zph, "--zph"), (!requestedResiduals.isEmpty, "--residuals"), (predict != nil, "--predict"),
            (anova, "--anova"), (bootstrap.bootstrap != nil, "--bootstrap"), (robust, "--robust"),
            (tt != nil, "--tt"), (output.isPublication, "a publication table"),
        ].filter(\.0).map(\.1)
        if let option = refused.first {
            let what = frailty != nil ? "frailty()" : "pspline()"
            throw ValidationError("\(option) is not available with \(what) (a penalised Cox model); leave one of them out.")
        }
        var result: CoxResult
        do {
            if let frailty, PenalizedSplineCoxModel.terms(formula).isEmpty {
                result = try FrailtyCoxModel.fit(frame, frailty: frailty, options: options)
            } else {
                result = try PenalizedSplineCoxModel.fit(frame, formula: formula, options: options)
            }
        } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        result.input = frame.origin.input
        let text = try CoxReport.render(result, format: output.reportFormat)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }

    /// The model options that differ from the defaults, for the call a publication table states.
    var callOptions: [String] {
        var out: [String] = []
        if ties != .efron { out += ["--ties", ties.rawValue] }
        if robust { out.append("--robust") }
        if confLevel != 0.95 { out += ["--conf-level", NumberFormat.significant(confLevel, 6)] }
        if maxIterations != 20 { out += ["--max-iterations", "\(maxIterations)"] }
        if let t = landmark.landmark { out += ["--landmark", NumberFormat.significant(t, 10)] }
        for spec in timeDependent.specs { out += ["--tdc", spec] }
        return out
    }

    /// R's label of each formula term by the name the frame gives it (`grade` → `factor(grade)`).
    static func termLabels(_ formula: String) throws -> [String: String] {
        var labels: [String: String] = [:]
        for term in try Formula(formula).terms { labels[term.name] = term.label }
        return labels
    }

    func zphResult(_ fit: CoxFit) throws -> CoxZPH? {
        fit.zph(transform: zphTransform)
    }

    func predictions(_ fit: CoxFit, file: String) throws -> CoxNewDataPrediction {
        let design = try FrameLoader.newDataDesign(cohort, file: file, like: fit.frame)
        return fit.predict(design, reference: predictReference, curves: predictCurves, confLevel: confLevel)
    }

    func residualResult(_ fit: CoxFit) -> CoxResiduals? {
        let kinds = Set(requestedResiduals)
        guard !kinds.isEmpty else { return nil }
        func rows(_ m: Matrix) -> [[Double]] { m.rowArrays }
        return CoxResiduals(
            martingale: kinds.contains(.martingale) ? fit.martingaleResiduals() : nil,
            deviance: kinds.contains(.deviance) ? fit.devianceResiduals() : nil,
            score: kinds.contains(.score) ? rows(fit.scoreResiduals()) : nil,
            // Schoenfeld rows per event in R's order (stratum, then time).
            schoenfeld: kinds.contains(.schoenfeld) ? rows(fit.schoenfeldResidualsInTimeOrder().residuals) : nil,
            scaledSchoenfeld: kinds.contains(.scaledSchoenfeld) ? rows(fit.scaledSchoenfeldResiduals().residuals) : nil,
            dfbeta: kinds.contains(.dfbeta) ? rows(fit.dfbetaResiduals()) : nil)
    }
}
