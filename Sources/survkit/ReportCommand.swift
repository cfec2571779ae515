import ArgumentParser
import Foundation
import SurvivalKit

/// `survkit report`: a whole survival analysis of one cohort in one command.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A whole survival analysis: Table 1, Kaplan–Meier by group, log-rank test, Cox model.",
        discussion: """
            Describes the cohort (n, events, median follow-up by reverse Kaplan–Meier, covariates \
            by group), draws Kaplan–Meier curves by --group with the log-rank test, and fits a Cox \
            model with the --covariates (hazard ratios, forest plot). Each model uses the rows \
            complete for its own variables, as R does; --strata stratifies the log-rank test and \
            the Cox model. Numeric columns with at most 5 distinct values are described as \
            categories; factor(x) makes a numeric column categorical in Table 1 and the Cox model.

            The analysis can instead come from a JSON file (--analysis), with the keys time, \
            status, group, covariates (list), strata, time_unit, times (list), title and \
            reference (object variable → level); options given on the command line win.

            Recurrence sections (optional; grouped by --recurrence-group, else --group):
            --event-time/--event-status add the cumulative incidence of that event with death \
            (--status, when it comes first) as a competing risk, with Gray's test (as survkit cif \
            --competing-status); --recurrences FILE with --recurrence-id adds the mean cumulative \
            function of a counting-process file Surv(start, stop, event) ~ group + cluster(id) (as \
            survkit mcf; column names by --recurrence-start/-stop/-event); --rate-events with \
            --rate-person-time adds event rates per --rate-per (default 100) units of person-time \
            with exact limits and rate ratios (as survkit rates). Analysis-file keys: event_time, \
            event_status, recurrences, recurrence_id, recurrence_start, recurrence_stop, \
            recurrence_event, rate_events, rate_person_time, rate_per, recurrence_group.

            Model sections (on by default where they apply; a section that cannot be done on \
            the data says why in its place): the Fine–Gray model of the --event-status event with \
            death competing (--fine-gray-covariates, default the --covariates; as survkit \
            finegray --competing-status), the cumulative incidence with 95% limits at --cif-times \
            (default 1,2,5 with --time-unit years; as survkit cif --times), the restricted mean \
            survival time by --rmst-group (default --group) up to --rmst-tau (default 5 with \
            --time-unit years; as survkit rmst), and the log-rank test for trend across the \
            --group levels when they are three or more numbers (as survkit logrank --trend). \
            --no-fine-gray, --no-rmst and --no-trend leave them out. Analysis-file keys: fine_gray, \
            fine_gray_covariates, cif_times, rmst, rmst_tau, rmst_group, logrank_trend.

            Table 1: --continuous mean|median (mean (SD) or median [IQR], default median),             --p-values (gtsummary add_p() defaults: chi-squared or Fisher, Wilcoxon or             Kruskal–Wallis; Welch t or ANOVA with --continuous mean) and --smd (standardized mean             differences as R tableone). Analysis-file keys: continuous, p_values, smd.

            Outputs: the report on stdout or --output in --format text (lines of at most 100 \
            columns), markdown or json (the results, with the kaplan_meier, logrank, cox, \
            description, cumulative_incidence, mcf and rates sections of the JSON contract, and \
            fine_gray, rmst and notes where the report has them); \
            --figures DIR writes km.svg (curves with numbers at risk), forest.svg (hazard ratios), \
            cif.svg and mcf.svg (recurrence sections); --notebook FILE.ipynb writes a \
            Jupyter notebook (nbformat 4.5, Python) with the tables and, per step, a cell \
            that runs its survkit command from the notebook's folder (data paths relative \
            to it, figures drawn with --plot into NAME-notebook-figures/ and displayed); \
            its stored outputs are what the cells print. --bundle DIR writes all of them, the \
            publication tables and a commands.sh that regenerates the bundle byte for byte.

            Example:
              survkit report datasets/sarcoma_patients.csv \\
                --time os_years --status os_status --group grade \\
                --covariates "age,sex,factor(grade),size_cm" \\
                --time-unit years --times 1,2,5,10 \\
                --event-time lr_first_years --event-status lr_status \\
                --recurrences datasets/sarcoma_recurrences.csv --recurrence-id id \\
                --rate-events lr_count --rate-person-time os_years \\
                --recurrence-group margin \\
                --figures report-figures --notebook sarcoma.ipynb
            """
    )

    @Argument(help: "The cohort: a CSV file (- for standard input) or a .dta, .sav, .zsav, .sas7bdat or .xpt file.")
    var data: String

    @Option(help: "Follow-up time column.")
    var time: String?

    @Option(help: "Status column (0/1, FALSE/TRUE, or 1/2 as R).")
    var status: String?

    @Option(help: "Column whose levels form the Kaplan–Meier curves, log-rank groups and Table 1 columns.")
    var group: String?

    @Option(help: "Comma-separated Cox model terms, e.g. age,sex,factor(grade).")
    var covariates: String?

    @Option(help: "Stratification column for the log-rank test and the Cox model.")
    var strata: String?

    @Option(help: "Unit of the time column, for labels (e.g. years).")
    var timeUnit: String?

    @Option(help: "Comma-separated times at which to report survival, e.g. 1,2,5.")
    var times: String?

    @Option(help: "Report title (default: 'Survival analysis of <file>').")
    var title: String?

    @Option(help: "JSON analysis file (keys as the options; see the discussion above).")
    var analysis: String?

    @Option(name: .customLong("reference"), help: "Reference level of a categorical variable, as x=LEVEL (repeatable).")
    var references: [String] = []

    @Option(help: "Time to the first event of interest (e.g. first recurrence), for its cumulative incidence with death competing.")
    var eventTime: String?

    @Option(help: "0/1 status of that event (death from --status competes).")
    var eventStatus: String?

    @Option(help: "Counting-process CSV (one row per at-risk interval) for the mean cumulative function.")
    var recurrences: String?

    @Option(help: "Subject column of the --recurrences file.")
    var recurrenceId: String?

    @Option(help: "Interval start column of the --recurrences file (default start).")
    var recurrenceStart: String?

    @Option(help: "Interval stop column of the --recurrences file (default stop).")
    var recurrenceStop: String?

    @Option(help: "0/1 event column of the --recurrences file (default event).")
    var recurrenceEvent: String?

    @Option(help: "Column of event counts, for event rates by group.")
    var rateEvents: String?

    @Option(help: "Column of person-time, for event rates by group.")
    var ratePersonTime: String?

    @Option(help: "Express rates per this many units of person-time (default 100).")
    var ratePer: Double?

    @Option(help: "Grouping of the recurrence sections (default: --group).")
    var recurrenceGroup: String?

    @Option(help: "Analyse only the rows where this R expression is TRUE (R's subset(d, EXPR)); every section.")
    var subset: String?

    @Option(
        help: ArgumentHelp(
            "Landmark time T: the survival sections use only subjects with time > T, time measured from T.",
            discussion: "As survkit km/logrank/cox/cif --landmark; not with the rates or recurrences sections.",
            valueName: "T"))
    var landmark: Double?

    @Option(
        name: .customLong("tdc"),
        help: ArgumentHelp(
            "A 0/1 time-dependent covariate of the Cox section, NAME=TIMECOL (repeatable); list NAME in --covariates.",
            discussion: "As survkit cox --tdc (R's tmerge tdc()).", valueName: "NAME=TIMECOL"))
    var tdc: [String] = []

    @Flag(help: "Fail (exit 1) instead of dropping rows with missing values, in every section.")
    var strict = false

    @Option(help: "The most groups, and strata, a grouping section may form (default 1000).")
    var maxGroups: Int?

    @OptionGroup(title: "Model sections") var models: ReportModelOptions

    @OptionGroup(title: "Table 1") var tableOne: ReportTableOneOptions

    @OptionGroup var input: InputOptions

    @OptionGroup var output: OutputOptions

    @Option(help: "Directory to write the figures into (km.svg, forest.svg, cif.svg, mcf.svg); created if missing.")
    var figures: String?

    @Option(help: "Write a Jupyter notebook (nbformat 4.5) of the report, whose cells run each step, to this file.")
    var notebook: String?

    @Option(
        help: ArgumentHelp(
            "Write a reproducible manuscript bundle into this directory (created if missing).",
            discussion: "The report (text, Markdown, JSON, notebook), the publication tables and Table 1 (tables/,"
                + " .txt .md .html .csv .tex, .docx with pandoc), the figures (figures/, .svg and .pdf), README.md and"
                + " commands.sh, which regenerates every file byte for byte; not with --output, --format, --figures"
                + " or --notebook.",
            valueName: "DIR"))
    var bundle: String?

    @Option(
        name: [.customShort("C"), .customLong("directory")],
        help: "Run as if started in this directory: relative paths are resolved against it.")
    var directory: String?

    mutating func validate() throws {
        if let times, [Double](commaSeparated: times) == nil {
            throw ValidationError("--times must be comma-separated finite numbers ≥ 0, e.g. 1,2,5.")
        }
        if let maxGroups, maxGroups < 1 { throw ValidationError("--max-groups must be ≥ 1.") }
        if let landmark, !landmark.isFinite { throw ValidationError("--landmark must be a finite number.") }
        if landmark != nil && !tdc.isEmpty {
            throw ValidationError(
                "--landmark and --tdc together are not supported (the landmark applies to one row per subject,"
                    + " before a split); apply the landmark with --subset and a shifted time column instead")
        }
        for spec in tdc where TimeDependentCovariate(parsing: spec) == nil {
            throw ValidationError("--tdc must look like NAME=TIMECOL, e.g. --tdc recurred=lr_first_years (got '\(spec)').")
        }
        if let ratePer, !(ratePer.isFinite && ratePer > 0) {
            throw ValidationError("--rate-per must be a finite number > 0.")
        }
        if bundle != nil { try checkBundleOptions() }
    }

    func run() throws {
        if let bundle { return try writeBundle(bundle) }
        let spec = try specification()
        let inputs = inputFiles(spec)
        let destination = try ReportWriter.destination(output, inputs: inputs, resolve: resolve)
        let notebookFile = notebook.map {
            OutputFile(option: "--notebook", shown: $0, resolved: resolve($0), contents: "the notebook")
        }
        try notebookFile?.refuseOverwriting(inputs: inputs)
        if let notebook { try refuseFiguresInNotebookFolder(notebookPath: notebook) }
        let cohort = try readCohort(data)
        let recurrenceCohort = try spec.recurrences.map { try readCohort($0) }
        let report = try analyse(spec, cohort: cohort, recurrences: recurrenceCohort)
        let figureList = ReportFigure.figures(for: report)
        let figureFiles = figures.map { dir in
            figureList.map { f in
                OutputFile(
                    option: "--figures", shown: dir + "/" + f.name, resolved: resolve(dir + "/" + f.name),
                    contents: "the figure")
            }
        } ?? []
        for file in figureFiles { try file.refuseOverwriting(inputs: inputs) }
        var outputs = figureFiles + (notebookFile.map { [$0] } ?? [])
        if case .file(let file) = destination { outputs.append(file) }
        try OutputFile.refuseCollisions(outputs)

        if let figures { try writeFigures(zip(figureList, figureFiles).map { ($0.svg, $1) }, into: figures) }
        if let notebookFile {
            try notebookFile.write(notebookText(report, spec: spec, notebookPath: notebookFile.shown))
        }
        var links: [String: String] = [:]
        if let figures {
            let base = output.output.map { ($0 as NSString).deletingLastPathComponent } ?? ""
            for f in figureList { links[f.name] = Self.relativePath(from: base, to: figures + "/" + f.name) }
        }
        let text = try ReportRenderer.render(report, format: output.format, figureLinks: links)
        try ReportWriter.emit(text, warnings: report.warnings, to: destination)
    }

    /// The report of `spec` on the cohorts read; a data or model problem is an
    /// `AnalysisFailure` located in the data file.
    func analyse(_ spec: ReportSpecification, cohort: Cohort, recurrences: Cohort?) throws -> Report {
        do {
            return try Report.run(spec, cohort: cohort, data: data, recurrences: recurrences)
        } catch let error as CohortError {
            throw AnalysisFailure(message: FrameLoader.locate(error, file: data))
        } catch let error as ModelError {
            throw AnalysisFailure(message: "\(data): \(error.message)")
        }
    }

    /// The files the report reads: the data, the analysis file and the
    /// recurrences file it may name; no output may be one of them.
    func inputFiles(_ spec: ReportSpecification) -> [InputFile] {
        ([data] + [analysis, spec.recurrences].compactMap { $0 }).map { InputFile($0, resolved: resolve($0)) }
    }

    /// `path` resolved against `--directory` (absolute paths and `-` unchanged).
    func resolve(_ path: String) -> String {
        guard let directory, !path.hasPrefix("/"), path != "-" else { return path }
        // A --bundle folder not made yet: `bundle/../data.csv` is data.csv all the same.
        return FileStatus.of(directory) == nil ? BundleFolder.canonical(directory + "/" + path) : directory + "/" + path
    }

    /// Reads a data file (the cohort or the recurrences file) with the report's
    /// input options: CSV, or a statistical file by its extension.
    func readCohort(_ data: String) throws -> Cohort {
        do {
            var cohort = try FrameLoader.readFile(resolve(data), input: input)
            cohort.fileName = data
            input.noteDetectedDelimiter(cohort, data: data)
            return cohort
        } catch let error as CohortError {
            var error = error
            if error.file == resolve(data) { error.file = data }
            throw AnalysisFailure(message: FrameLoader.locate(error, file: data))
        }
    }

    /// Creates the `--figures` directory (an existing one, or a link to one,
    /// is used as it is) and writes each figure into it safely.
    func writeFigures(_ list: [(svg: String, file: OutputFile)], into directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: resolve(directory), withIntermediateDirectories: true)
        } catch {
            throw AnalysisFailure(message: "\(directory): cannot create the figures directory (\(error.localizedDescription)).")
        }
        for (svg, file) in list { try file.write(svg) }
    }

    /// The relative path from directory `base` to `target` (both as given, relative
    /// to the same working directory, or both absolute).
    static func relativePath(from base: String, to target: String) -> String {
        func parts(_ p: String) -> [String] {
            p.split(separator: "/").map(String.init).filter { $0 != "." && !$0.isEmpty }
        }
        if base.hasPrefix("/") != target.hasPrefix("/") { return target }
        let b = parts(base), t = parts(target)
        var common = 0
        while common < min(b.count, t.count - 1) && b[common] == t[common] { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        return (ups + t[common...]).joined(separator: "/")
    }
}
