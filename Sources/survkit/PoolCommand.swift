import ArgumentParser
import Foundation
import SurvivalKit

/// `survkit pool`: one analysis of several centres' site summaries.
struct PoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pool",
        abstract: "Pool site summaries (survkit site-summary) into one km, logrank, cif, rates or cox analysis.",
        discussion: """
            Reads and checks every summary (same format version, analysis, formula, variables, levels and \
            time unit; cells in order; counts whole), unions their cells and runs the ordinary analysis \
            with frequency counts: the result equals the fit of the union of the sites' rows, and the \
            report is that analysis' own, with a "pooled" block (sites, files, what disclosure control \
            cost). --site-strata adds strata(site): km curves per site, a Cox baseline per site.

            Example: survkit pool a.json b.json c.json --analysis cox --ties efron --format json
            """
    )

    @Argument(help: "The site summaries (JSON files written by survkit site-summary).")
    var summaries: [String] = []

    @Option(help: "The analysis: km, logrank, cif, rates or cox (the summaries must have been made for it).")
    var analysis: SiteSummary.Analysis

    @Flag(help: "Stratify by site: strata(site) added to the formula (km: curves per site; cox: a baseline per site).")
    var siteStrata = false

    /// Federated Cox over the sites' databases (`DatabaseCoxRun`): the rows never leave a
    /// site; each Newton step sums the sites' per-time aggregates.
    @Option(help: ArgumentHelp(
        "cox: the sites' databases (postgres://..., comma-separated), one table each (--db-table), fitted as one model by iterating over all sites each Newton step (not site summaries; needs the Postgres trait).",
        valueName: "URL,..."))
    var sites: String?

    @Option(name: .customLong("db-table"), help: ArgumentHelp("With --sites: the table or view at every site.", valueName: "table"))
    var dbTable: String?

    @Option(help: "With --sites: the model formula, e.g. \"Surv(time, status) ~ age + factor(grade)\" (site summaries carry their own).")
    var formula: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var confidence: ConfidenceOptions

    @Option(help: "km: confidence limits log (default), log-log or plain.")
    var confType: ConfidenceType = .log

    @Option(help: "km, cif: comma-separated times at which to report the curves (adds summary_at).")
    var times: String?

    @Flag(help: "km, cif: with --times, also report times after a curve's last observed time.")
    var extend = false

    @Option(help: "km: upper limit of the restricted mean (default: the largest time).")
    var tau: Double?

    @Option(help: "logrank: the rho of the G-rho family (0 = log-rank).")
    var rho: Double = 0

    @Option(help: "cox: tie handling (efron, as R, or breslow).")
    var ties: CoxTies = .efron

    @Option(help: "cox: maximum Newton–Raphson iterations.")
    var maxIterations: Int = 20

    @Option(help: "rates: express rates per this many units of person-time.")
    var per: Double = 1000

    @Option(name: .customLong("reference"), help: "Reference level of a categorical variable, as x=LEVEL (repeatable).")
    var references: [String] = []

    mutating func validate() throws {
        if sites == nil && summaries.isEmpty {
            throw ValidationError("pool needs site summaries (FILE.json ...), e.g. survkit pool a.json b.json --analysis km.")
        }
        if let times, [Double](commaSeparated: times) == nil {
            throw ValidationError("--times must be comma-separated finite numbers ≥ 0, e.g. 180,365,730.")
        }
        if extend && times == nil { throw ValidationError("--extend applies to --times; give the times too.") }
        if let tau, !(tau.isFinite && tau > 0) { throw ValidationError("--tau must be a finite number > 0.") }
        guard rho.isFinite && rho >= 0 else { throw ValidationError("--rho must be a finite number ≥ 0.") }
        guard per > 0 && per.isFinite else { throw ValidationError("--per must be a positive number.") }
        guard maxIterations >= 0 else { throw ValidationError("--max-iterations must be ≥ 0.") }
        if ties == .exact { throw ValidationError("--ties exact is not available for pooled cells; use efron or breslow.") }
        if sites != nil && analysis != .cox {
            throw ValidationError("--sites pools a Cox model over the sites' databases; use it with --analysis cox.")
        }
        if sites != nil {
            guard summaries.isEmpty else {
                throw ValidationError("give site summaries (FILE.json ...) or --sites URL1,URL2,..., not both.")
            }
            guard dbTable != nil, formula != nil else {
                throw ValidationError("--sites needs --db-table T and --formula \"Surv(time, status) ~ ...\".")
            }
        } else if dbTable != nil || formula != nil {
            throw ValidationError("--db-table and --formula go with --sites; site summaries carry their own formula.")
        }
    }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: summaries.map { InputFile($0) })
        if let sites, let dbTable, let formula {
            try poolDatabases(sites, table: dbTable, formula: formula, destination: destination)
            return
        }
        var read: [SiteSummary] = []
        for path in summaries {
            let bytes: Data
            do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw AnalysisFailure(message: "\(path): cannot read the site summary (\(error.localizedDescription)).")
            }
            do { read.append(try SiteSummary.read(Array(bytes), file: path)) } catch let e as SiteSummaryError {
                throw AnalysisFailure(message: e.message)
            }
        }
        let pool: SitePool
        do { pool = try SitePool(files: summaries, summaries: read, analysis: analysis) } catch let e as SiteSummaryError {
            throw AnalysisFailure(message: e.message)
        }
        let countColumn = SitePool.countColumnName(for: pool.variables)
        let siteColumn = pool.freeName("site")
        var formula = try Formula(pool.formula)
        if siteStrata {
            formula = try Formula(pool.formula + " + strata(\(siteColumn))")
        }
        var options = SiteAnalysisOptions()
        options.confLevel = confidence.confLevel
        options.confType = confType
        options.times = times.flatMap { [Double](commaSeparated: $0) } ?? []
        options.extend = extend
        options.tau = tau
        options.rho = rho
        options.ties = ties
        options.maxIterations = maxIterations
        options.per = per
        options.references = try FrameLoader.references(references)
        let result: SiteAnalysisResult
        do {
            let cohort = try pool.cohort(countColumn: countColumn, siteColumn: siteColumn)
            result = try SiteAnalysis.fit(cohort, formula: formula, analysis: analysis, countColumn: countColumn, options: options)
        } catch let error as CohortError {
            throw AnalysisFailure(message: "pooled site summaries: \(error.message)")
        } catch let error as ModelError {
            throw AnalysisFailure(message: "pooled site summaries: \(error.message)")
        } catch let error as SiteSummaryError {
            throw AnalysisFailure(message: error.message)
        }
        PhaseTimings.mark("fit")
        let text = try SiteAnalysisReport.render(result, format: output.format, pooled: pool.pooledSites(siteStrata: siteStrata))
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}

extension PoolCommand {
    /// `pool --analysis cox --sites URL,...`: the federated Cox fit of `cox --sites`
    /// (a common baseline, or one per site with `--site-strata`).
    func poolDatabases(_ sites: String, table: String, formula text: String, destination: ReportDestination) throws {
        let urls = try sites.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.map(DatabaseOptions.parse)
        guard !urls.isEmpty else { throw ValidationError("--sites needs one or more database URLs, separated by commas.") }
        let formula: Formula
        do { formula = try Formula(text) } catch let error as CohortError {
            throw ValidationError("--formula: \(error.message)")
        }
        var options = CoxOptions()
        options.ties = ties
        options.confLevel = confidence.confLevel
        options.maxIterations = maxIterations
        let result = try DatabaseCoxRun.result(
            urls: urls, table: table, formula: formula, counts: nil, options: options,
            references: try FrameLoader.references(references), stratifiedBySite: siteStrata)
        let rendered = try CoxReport.render(result, format: output.format)
        try ReportWriter.emit(rendered, warnings: result.warnings, to: destination)
    }
}
