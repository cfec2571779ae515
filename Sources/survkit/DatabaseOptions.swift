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

    /// Exactly one of a data file and `--db`; `--db-table` with `--db`.
    func check(dataFile: String?, sites: Bool = false) throws {
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
