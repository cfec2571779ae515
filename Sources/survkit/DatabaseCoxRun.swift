import ArgumentParser
import SurvivalKit

/// A Cox model fitted inside one or several databases (`cox --db` with a
/// numeric covariate, `cox --sites`): `DatabaseCoxModel.fit` over each site's
/// table, one aggregate query per site and Newton evaluation, and the result
/// in the shape of `survkit cox`'s (concordance, zph and residuals absent).
/// `survkit pool` can call it for sites that are databases.
enum DatabaseCoxRun {
    /// Connects to every URL, fits, and returns the result with its `input`
    /// (format postgres, the table, the URLs without passwords, queries run and bytes received over all sites).
    static func result(
        urls: [DatabaseURL], table: String, formula: Formula, counts: String?, options: CoxOptions,
        references: [String: String] = [:], strict: Bool = false, stratifiedBySite: Bool = false
    ) throws -> CoxResult {
        let executors = try urls.map { try DatabaseOptions.connect($0) }
        let tables = executors.map { DatabaseTable(executor: $0, name: table) }
        let fit: DatabaseCoxModel.Fit
        do {
            fit = try DatabaseCoxModel.fit(
                tables: tables, formula: formula, counts: counts, options: options, references: references,
                strict: strict, stratifiedBySite: stratifiedBySite)
        } catch let e as DatabaseError {
            throw AnalysisFailure(message: e.message)
        } catch let e as CohortError {
            throw AnalysisFailure(message: "table \(table): \(e.message)")
        } catch let e as CoxError {
            throw AnalysisFailure(message: "table \(table): \(e)")
        }
        PhaseTimings.mark("fit")
        var warnings: [String] = []
        if let plan = try? tables[0].plan(analysis: .cox, formula: formula, counts: counts),
            let w = DatabaseTable.droppedRowsWarning(fit.rows, columns: plan.columns)
        {
            warnings.append(w)
        }
        if !fit.fit.converged { warnings.append("Newton–Raphson did not converge in \(fit.fit.iterations) iterations") }
        var result = fit.fit.result(rows: fit.rows, warnings: warnings)
        result.input = DatabaseOptions.input(table: table, urls: urls, executors: executors)
        return result
    }
}

extension CoxCommand {
    /// Whether this run reads a database (`--db` or `--sites`).
    var readsDatabase: Bool { cohort.database.db != nil || cohort.database.sites != nil }

    /// `cox --db` / `cox --sites`: categorical covariates only and one database →
    /// the grouped rows with counts (the ordinary fit, concordance included);
    /// otherwise the fit iterated in the database(s).
    func runInDatabase(destination: ReportDestination) throws -> Bool {
        guard readsDatabase else { return false }
        let refused = [
            (zph, "--zph"), (!requestedResiduals.isEmpty, "--residuals"), (anova, "--anova"), (predict != nil, "--predict"),
            (bootstrap.bootstrap != nil, "--bootstrap"), (robust, "--robust"), (tt != nil, "--tt"),
            (figure.plot != nil, "--plot"), (output.isPublication, "a publication table"),
            (!timeDependent.specs.isEmpty, "--tdc"), (landmark.landmark != nil, "--landmark"),
            (cohort.subset != nil, "--subset"), (cohort.weights != nil, "--weights"), (!cohort.durations.isEmpty, "--duration"),
        ].filter(\.0).map(\.1)
        if let option = refused.first {
            throw ValidationError(
                "\(option) is not available with --db/--sites (only aggregates are read); export the rows for it, or use a view.")
        }
        if ties == .exact { throw ValidationError("--ties exact is not available with --db/--sites; use efron or breslow.") }
        guard let table = cohort.database.table else { throw ValidationError("--db needs --db-table T.") }
        let formula: Formula
        do { formula = try Formula(cohort.formula) } catch let error as CohortError {
            throw ValidationError("--formula: \(error.message)")
        }
        var options = CoxOptions()
        options.ties = ties
        options.confLevel = confLevel
        options.maxIterations = maxIterations
        let urls: [DatabaseURL]
        if let sites = try cohort.database.siteURLs() {
            urls = sites
        } else if let url = try cohort.database.url() {
            // One database: categorical covariates only → one GROUP BY and the ordinary fit.
            let executor = try DatabaseOptions.connect(url)
            let plan = try DatabaseOptions.failing {
                try DatabaseTable(executor: executor, name: table).plan(analysis: .cox, formula: formula, counts: FrameLoader.countsColumn(cohort))
            }
            if !plan.needsIteration { return false }
            urls = [url]
        } else {
            return false
        }
        let result = try DatabaseCoxRun.result(
            urls: urls, table: table, formula: formula, counts: FrameLoader.countsColumn(cohort), options: options,
            references: try FrameLoader.references(cohort.references), strict: cohort.strict,
            stratifiedBySite: cohort.database.siteBaseline == .stratified)
        let text = try CoxReport.render(result, format: output.reportFormat)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
        return true
    }
}
