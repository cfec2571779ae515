/// Opens database connections, or says why this build cannot.
public enum DatabaseConnector {
    /// Whether this build has the PostgreSQL client (the `Postgres` package trait).
    public static var isAvailable: Bool {
        #if Postgres
        true
        #else
        false
        #endif
    }

    /// The message of a build without the client.
    public static let unavailableMessage =
        "this survkit was built without PostgreSQL support: rebuild with `swift build --traits Postgres`,"
        + " or print the SQL with `survkit sql` and fit its output with `--counts`"

    /// A connection to `url`; without the `Postgres` trait a `DatabaseError(.unavailable)`.
    public static func connect(_ url: DatabaseURL) throws -> any SQLExecutor {
        #if Postgres
        return try PostgresSession(url: url)
        #else
        throw DatabaseError(.unavailable, unavailableMessage)
        #endif
    }
}
