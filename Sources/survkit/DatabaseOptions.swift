import ArgumentParser
import Foundation
import SurvivalKit

/// `--db URL --db-table T`: analyse a table of a PostgreSQL database where it is
/// (the aggregation runs there; only aggregates come back), instead of a file.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "km, logrank, cif, rates, cox: a PostgreSQL database, postgres://user[:password]@host[:port]/db (password also from PGPASSWORD), instead of DATA.",
            discussion: "Needs a build with the Postgres trait (swift build --traits Postgres); see also survkit sql.",
            valueName: "url"))
    var db: String?

    /// (`--db-table`, not `--db-table`, which cox already has for its publication table.)
    @Option(
        name: .customLong("db-table"),
        help: ArgumentHelp("With --db (or cox --sites): the table or view, optionally schema-qualified (schema.table).", valueName: "table"))
    var table: String?

    @Option(
        help: ArgumentHelp(
            "cox: comma-separated database URLs of the sites, one table each (--db-table), fitted as one model by iterating over all sites each Newton step.",
            valueName: "url1,url2,..."))
    var sites: String?

    @Option(help: "cox --sites: one baseline hazard for all sites (common) or one per site (stratified, as strata(site)).")
    var siteBaseline: SiteBaseline = .common

    enum SiteBaseline: String, ExpressibleByArgument, CaseIterable {
        case common, stratified
    }

    /// Exactly one of a data file, `--db` and `--sites`; `--db-table` with them.
    func check(dataFile: String?) throws {
        if db != nil && sites != nil { throw ValidationError("give --db URL or --sites URL1,URL2,..., not both.") }
        let sites = self.sites != nil
        if db != nil || sites {
            if let dataFile {
                throw ValidationError("give either a data file (\(dataFile)) or --db/--sites with --db-table, not both.")
            }
            guard table != nil else { throw ValidationError("--db needs --db-table T (the table or view to analyse).") }
        } else {
            if table != nil { throw ValidationError("--db-table goes with --db URL (or cox --sites).") }
            guard dataFile != nil else {
                throw ValidationError("Missing expected argument '<data>' (a data file, or --db URL --db-table T).")
            }
        }
    }

    /// `--sites` parsed (each URL as `--db`), or nil without.
    func siteURLs() throws -> [DatabaseURL]? {
        guard let sites else { return nil }
        let parts = sites.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw ValidationError("--sites needs one or more database URLs, separated by commas.") }
        return try parts.map { try Self.parse($0) }
    }

    /// `--db` parsed (PGPASSWORD from the environment), or nil without `--db`.
    func url() throws -> DatabaseURL? {
        guard let db else { return nil }
        return try Self.parse(db)
    }

    static func parse(_ text: String) throws -> DatabaseURL {
        do { return try DatabaseURL(text, environment: ProcessInfo.processInfo.environment) } catch let e as DatabaseError {
            throw ValidationError(e.message)
        }
    }

    /// Connects; a connection failure or a build without the client exits 1 with its message.
    static func connect(_ url: DatabaseURL) throws -> any SQLExecutor {
        do { return try DatabaseConnector.connect(url) } catch let e as DatabaseError {
            throw AnalysisFailure(message: e.message)
        }
    }

    /// Runs `body`, turning a `DatabaseError` into an exit-1 failure with its message.
    static func failing<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DatabaseError {
            throw AnalysisFailure(message: e.message)
        }
    }

    /// JSON `input` of a database analysis.
    static func input(table: String, urls: [DatabaseURL], executors: [any SQLExecutor]) -> InputDescription {
        var input = InputDescription(format: .postgres)
        input.table = table
        input.database = urls.map(\.redacted).joined(separator: ",")
        input.queries = executors.map(\.queries).reduce(0, +)
        input.bytesReceived = executors.map(\.bytesReceived).reduce(0, +)
        return input
    }
}
