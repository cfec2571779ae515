import ArgumentParser
import SurvivalKit

/// Reads the cohort and evaluates the formula: the one path from command-line
/// options to a frame, shared by every analysis command.
enum FrameLoader {
    /// Loads `options.data` and builds the frame of `options.formula`: by
    /// default the survival regression `ModelFrame`; `build` chooses another
    /// kind (`Formula.groupingFrame(on:options:)`, `Formula.countFrame(on:options:)`, ...).
    ///
    /// - Throws: `AnalysisFailure` with the file/line/column message of a
    ///   `CohortError`; `ValidationError` for malformed options.
    /// `transform` derives columns after `--duration` (e.g. `cif --competing-status`);
    /// `rewrite` reshapes the parsed formula (e.g. `recur --model pwp-gt`: gap
    /// time) and may only drop columns, never name new ones. A CSV file is read
    /// projected on the columns the analysis uses (`columnsUsed(by:extra:)`),
    /// `extraColumns` being those `transform` reads besides them.
    /// `timeDependent` (`--tdc`) splits the rows after `transform` and makes
    /// the formula's response `Surv(tstart, time, status)` before `rewrite`.
    /// `--counts` is refused (exit 2) unless `acceptsCounts`: only the commands
    /// whose estimators implement the expanded-rows semantics pass it.
    /// `analysis` names the analysis for `--db` (nil: the command has no database path).
    static func load<Frame>(
        _ options: CohortOptions, frameOptions: ModelFrameOptions = .init(),
        extraColumns: [String] = [], timeDependent: [TimeDependentCovariate] = [],
        build: (Formula) -> (consuming Cohort, ModelFrameOptions) throws -> Frame,
        transform: (Cohort) throws -> Cohort = { $0 },
        rewrite: (Formula) throws -> Formula = { $0 }, allowsFrailty: Bool = false, acceptsCounts: Bool = false,
        database analysis: SQLAnalysis? = nil
    ) throws -> Frame {
        if options.counts != nil, !acceptsCounts { throw countsRefused() }
        if options.counts != nil, !timeDependent.isEmpty { throw countsRefused("--tdc") }
        // --db: the rows are aggregated in the database (FrameLoader+Database.swift).
        if options.database.db != nil || options.database.sites != nil {
            return try loadFromDatabase(
                options, analysis: analysis, frameOptions: frameOptions, hasTimeDependent: !timeDependent.isEmpty,
                build: build)
        }
        // Only cox fits frailty(); every other analysis refuses it before reading the data.
        if !allowsFrailty, let f = (try? Formula(options.formula))?.frailty {
            throw ValidationError("\(f.text) is a shared frailty, which only `survkit cox` fits; leave it out of this formula.")
        }
        if !allowsFrailty, let f = try? Formula(options.formula),
            let s = PenalizedSplineCoxModel.terms(f).first
        {
            throw ValidationError("\(s.text) is a penalised spline, which only `survkit cox` fits; use ns(x, df = k) or bs(x, df = k) here.")
        }
        let extra = extraColumns + timeDependent.map(\.timeColumn)
        // The cohort read is held only by `cohort`, which is handed over to
        // `build` (consumed), so a frame builder can free the columns it has
        // finished with (`ModelFrameBuilder.releaseResponseColumns()`).
        var cohort = try readCohort(options.data, input: options.input, columns: columnsUsed(by: options, extra: extra))
        PhaseTimings.mark("read")
        if !options.durations.isEmpty { cohort = try derivingDurations(options.durations, on: cohort, file: options.data) }
        var splitStart: String?
        do {
            cohort = try transform(cohort)
            if !timeDependent.isEmpty {
                (cohort, splitStart) = try splitting(cohort, at: timeDependent, formula: options.formula)
            }
        } catch let error as CohortError {
            throw AnalysisFailure(message: locate(error, file: options.data))
        }
        var frameOptions = frameOptions
        frameOptions.references = try references(options.references)
        frameOptions.weights = options.weights
        frameOptions.counts = options.counts
        frameOptions.strict = options.strict
        frameOptions.maxGroups = options.maxGroups
        frameOptions.subset = try options.rowSubset()
        do {
            var formula = try Formula(options.formula)
            if let splitStart { formula = try formula.countingProcess(start: splitStart) }
            formula = try rewrite(formula)
            let frame = try build(formula)(consume cohort, frameOptions)
            PhaseTimings.mark("frame")
            return frame
        } catch let error as CohortError {
            throw AnalysisFailure(message: locate(error, file: options.data))
        }
    }

    /// The refusal of `--counts` by a command (or a choice of a command) whose
    /// results with frequency-weighted rows are not (yet) R's on the expanded
    /// rows; `what` names the choice (`--robust`), else the command is named.
    static func countsRefused(_ what: String? = nil) -> ValidationError {
        // The subcommand being run, when the process is survkit itself.
        let names = Set(Survkit.allSubcommands.compactMap { $0.configuration.commandName })
        let command = CommandLine.arguments.dropFirst().first.flatMap { names.contains($0) ? "survkit \($0)" : nil }
            ?? "this command"
        let subject = what.map { "\(command) \($0)" } ?? command
        return ValidationError(
            "--counts is not supported by \(subject): its results on frequency-weighted rows would not equal those on"
                + " the expanded rows. --counts works with km, logrank, cif, rates, cox and poisson;"
                + " otherwise expand the rows first (R: d[rep(seq_len(nrow(d)), d$n), ]).")
    }

    /// Reads the CSV named by the options.
    static func readCohort(_ options: CohortOptions) throws -> Cohort {
        try readCohort(options.data, input: options.input)
    }

    /// Reads the data file `data` as `input` says: a Stata, SPSS or SAS file
    /// by its extension (`.dta`, `.sav`, `.zsav`, `.sas7bdat`, `.xpt`), else
    /// CSV (`-`: standard input). `columns` projects a CSV file on those
    /// columns (`CSVOptions.columns`; `nil`: all).
    static func readCohort(_ data: String, input: InputOptions, columns: Set<String>? = nil) throws -> Cohort {
        let size = Progress.fileSize(data)
        let done = size > 20_000_000
            ? Progress.begin("Reading \(data) (\(size / 1_000_000) MB)") : { _ in }
        do {
            let cohort = try readFile(data, input: input, columns: columns)
            done("\(cohort.rowCount) rows")
            input.noteDetectedDelimiter(cohort, data: data)
            return cohort
        } catch let error as CohortError {
            done("failed")
            throw AnalysisFailure(message: locate(error, file: data))
        }
    }

    /// Reads `path` with the reader its extension calls for; throws `CohortError`.
    /// `columns` projects a CSV file (statistical files are read whole).
    static func readFile(_ path: String, input: InputOptions, columns: Set<String>? = nil) throws -> Cohort {
        if path != "-", let format = InputDescription.Format(path: path) {
            return try StatisticalFileReader(valueLabels: input.valueLabels).read(path: path, format: format)
        }
        var options = input.csvOptions
        options.columns = columns
        return try CSVReader(options: options).read(path: path)
    }

    /// Adds the `--duration NAME=FROM:TO[:unit]` columns.
    static func derivingDurations(_ specs: [String], on cohort: Cohort, file: String) throws -> Cohort {
        var cohort = cohort
        for spec in specs {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            let fields = parts.count == 2 ? parts[1].split(separator: ":").map(String.init) : []
            guard parts.count == 2, !parts[0].isEmpty, fields.count == 2 || fields.count == 3,
                let unit = fields.count == 3 ? DurationUnit(rawValue: fields[2]) : .days
            else {
                throw ValidationError("--duration must look like NAME=FROM:TO[:days|months|years] (got '\(spec)').")
            }
            // A derived column never silently replaces a column of the data (or an earlier --duration).
            if let k = cohort.position(of: parts[0]) {
                throw AnalysisFailure(
                    message: "\(file): column \"\(parts[0])\" (\(k)): --duration \(spec) would replace this column"
                        + " of the data; give the derived column a new name, e.g. --duration \(parts[0])_derived=\(parts[1])")
            }
            do {
                cohort = try cohort.addingDuration(name: parts[0], from: fields[0], to: fields[1], unit: unit)
            } catch let error as CohortError {
                throw AnalysisFailure(message: locate(error, file: file))
            }
        }
        return cohort
    }

    /// Parses `x=LEVEL` pairs.
    static func references(_ pairs: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw ValidationError("--reference must look like variable=LEVEL (got '\(pair)').")
            }
            out[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
        return out
    }

    /// The error's description, prefixed with the file name when it has none.
    static func locate(_ error: CohortError, file: String) -> String {
        error.file == nil ? "\(file): \(error.description)" : error.description
    }
}

extension FrameLoader {
    /// The failure of a model fitted to `frame`: a row-level `ModelError` or
    /// `CoxError` names the file's line and column, as data errors do.
    static func failure(_ error: any Error, frame: some RowSourced, file: String) -> AnalysisFailure {
        let origin = frame.origin
        if let error = error as? ModelError {
            if let row = error.row {
                return AnalysisFailure(
                    message: "\(file): \(origin.location(ofRow: row, column: error.column)): \(error.message)")
            }
            return AnalysisFailure(message: "\(file): \(error.message)")
        }
        if let error = error as? CoxError, let row = error.row {
            return AnalysisFailure(message: "\(file): \(origin.location(ofRow: row)): \(error.reason)")
        }
        return AnalysisFailure(message: "\(file): \(error)")
    }
}
