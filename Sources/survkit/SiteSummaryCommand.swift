import ArgumentParser
import SurvivalKit

extension SiteSummary.Analysis: ExpressibleByArgument {}

/// `survkit site-summary`: what a centre may share for pooling (docs/site-summary.md).
struct SiteSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site-summary",
        abstract: "Write a site summary (cells of subject counts) that `survkit pool` combines across centres.",
        discussion: """
            The rows the analysis uses are reduced to one cell per (stratum, covariate pattern, time, status) \
            with its number of subjects: exact, so pooled km, logrank, cif, rates and cox (categorical \
            covariates, Breslow and Efron) equal the fit of the union of the sites' rows. No row leaves \
            the site. --min-cell K merges consecutive times (per pattern) until no cell describes fewer \
            than K subjects, suppresses what still falls short, and records the cost, including the change \
            in the site's own estimates. A JSON document, format "survkit-site-summary", version 1.

            Example: survkit site-summary centre_a.csv --formula "Surv(days, status) ~ grade + strata(sex)" \
            --analysis km --site A --min-cell 5 --output a.json
            """
    )

    @OptionGroup var cohort: CohortOptions

    @Option(help: "The analysis the summary is for: km, logrank, cif, rates (EVENTS ~ BY + offset(PT)) or cox.")
    var analysis: SiteSummary.Analysis

    @Option(name: .shortAndLong, help: "The site summary file to write (JSON).")
    var output: String

    @Option(help: "The site's name in the pooled output (default: the data file's name without extension).")
    var site: String?

    @Option(help: "Disclosure control: no shared cell describes fewer than K subjects (K ≥ 1; usual thresholds 3–10).")
    var minCell: Int?

    @Option(help: ArgumentHelp(
        "A time grid agreed between the sites, comma-separated (e.g. 0,30,60,...): times move up to the next grid point.",
        discussion: "Every site of a pool must use the same grid; the last point must be at or after the longest follow-up."))
    var grid: String?

    @Option(help: "The unit of the times (days, months, years, ...): sites of one pool must agree.")
    var timeUnit: String = "unspecified"

    @Option(
        name: .customLong("levels"),
        help: ArgumentHelp(
            "The levels agreed between the sites for a variable, as VAR=L1,L2,... (repeatable).",
            discussion: "A site that lacks a level (no ECOG 3 patients) still codes the variable as the others do;"
                + " pool refuses summaries whose levels differ."))
    var levels: [String] = []

    /// `--levels` parsed.
    func declaredLevels() throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for spec in levels {
            guard let eq = spec.firstIndex(of: "="), eq != spec.startIndex else {
                throw ValidationError("--levels must look like VAR=L1,L2,... (got '\(spec)').")
            }
            let values = spec[spec.index(after: eq)...].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard !values.contains(where: \.isEmpty) else {
                throw ValidationError("--levels \(spec): a level is empty; give VAR=L1,L2,...")
            }
            out[String(spec[..<eq]), default: []] += values
        }
        return out
    }

    @Option(help: "The most distinct values a numeric covariate may have (more is continuous, and refused).")
    var maxLevels: Int = 20

    @Option(help: "cox: tie handling of the fits that cost the disclosure control.")
    var ties: CoxTies = .efron

    mutating func validate() throws {
        if let minCell, minCell < 1 { throw ValidationError("--min-cell must be a whole number ≥ 1 (usual thresholds: 3 to 10).") }
        if let grid {
            guard let points = [Double](commaSeparated: grid), !points.isEmpty else {
                throw ValidationError("--grid must be comma-separated times ≥ 0, e.g. 0,30,60,90.")
            }
            guard zip(points, points.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw ValidationError("--grid must be increasing times, e.g. 0,30,60,90.")
            }
        }
        guard maxLevels >= 1 else { throw ValidationError("--max-levels must be ≥ 1.") }
        if cohort.weights != nil {
            throw ValidationError("--weights cannot be shared as cells of counts; a site summary counts subjects (use --counts for frequency counts).")
        }
        _ = try declaredLevels()
        if site?.isEmpty == true { throw ValidationError("--site must not be empty.") }
    }

    func run() throws {
        let file = OutputFile(option: "--output", shown: output, contents: "the site summary")
        try file.refuseOverwriting(inputs: [InputFile(cohort.data)])
        let formula = try Formula(cohort.formula)
        do { _ = try SiteSummary.columns(of: formula, analysis: analysis) } catch let e as SiteSummaryError {
            throw ValidationError(e.message)
        }
        var data: Cohort?
        let keep: (Cohort) throws -> Cohort = { c in
            data = c
            return c
        }
        let used: (rows: [Int], accounting: RowAccounting, counts: [Double]?)
        switch analysis {
        case .km, .logrank, .cif:
            let frame = try FrameLoader.load(
                cohort, frameOptions: ModelFrameOptions(allowCompetingRisks: analysis == .cif),
                build: Formula.groupingFrame, transform: keep, acceptsCounts: true)
            used = (frame.rowIndex, frame.rows, frame.counts)
        case .rates:
            let frame = try FrameLoader.load(
                cohort, build: { f in { c, o in try f.countGroupingFrame(on: c, options: o) } }, transform: keep,
                acceptsCounts: true)
            used = (frame.rowIndex, frame.rows, frame.counts)
        case .cox:
            let frame = try FrameLoader.load(cohort, build: Formula.modelFrame, transform: keep, acceptsCounts: true)
            used = (frame.rowIndex, frame.rows, frame.counts)
        }
        guard let data else { throw AnalysisFailure(message: "\(cohort.data): the data were not read.") }
        let exact: SiteSummary
        do {
            exact = try SiteSummary.build(
                cohort: data, rows: used.rows, formula: formula, analysis: analysis, site: siteName, timeUnit: timeUnit,
                accounting: used.accounting, counts: used.counts, maxLevels: maxLevels,
                declaredLevels: try declaredLevels())
        } catch let e as SiteSummaryError {
            throw AnalysisFailure(message: e.message)
        }
        var summary = exact
        do {
            if let grid, let points = [Double](commaSeparated: grid) { summary = try summary.onGrid(points) }
        } catch let e as SiteSummaryError {
            throw AnalysisFailure(message: "\(cohort.data): \(e.message)")
        }
        if let minCell {
            summary = summary.applyingMinCell(minCell)
            let cost = try change(from: exact, to: summary)
            summary.disclosure?.change = cost
        }
        try file.write(summary.jsonText)
    }

    /// `--site`, or the data file's name without its folder and extension.
    var siteName: String {
        if let site { return site }
        let base = cohort.data.split(separator: "/").last.map(String.init) ?? cohort.data
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    /// The change in the site's estimates that disclosure control caused:
    /// both summaries fitted here, where the rows are.
    func change(from exact: SiteSummary, to controlled: SiteSummary) throws -> SiteEstimateChange? {
        var options = SiteAnalysisOptions()
        options.ties = ties
        options.references = try FrameLoader.references(cohort.references)
        let formula = try Formula(exact.formula)
        let count = SitePool.countColumnName(for: exact.variables)
        do {
            let a = try SiteAnalysis.fit(
                SiteAnalysis.cohort(of: exact, countColumn: count), formula: formula, analysis: analysis,
                countColumn: count, options: options)
            guard controlled.cells.count > 0 else { return nil }
            let b = try SiteAnalysis.fit(
                SiteAnalysis.cohort(of: controlled, countColumn: count), formula: formula, analysis: analysis,
                countColumn: count, options: options)
            return SiteAnalysis.change(from: a, to: b)
        } catch {
            StandardStreams.writeError("warning: the change in the estimates could not be computed: \(error)\n")
            return nil
        }
    }
}
