/// A failure of in-database analysis: a bad URL, a formula that cannot be
/// translated to SQL, a table or column the database does not have, or an
/// error from the server. The description is the message survkit prints; it
/// never contains a password.
public struct DatabaseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, for callers that branch on it (tests, exit codes).
    public enum Kind: String, Sendable, Equatable {
        /// The `--db` URL does not parse.
        case invalidURL
        /// The formula (or an option) has no SQL translation here.
        case untranslatable
        /// The table or a column is not in the database.
        case unknownTable, unknownColumn
        /// A value read back is not what the query promised (a NULL count, a non-number).
        case unexpectedResult
        /// Connecting, authenticating or running a query failed.
        case connection, query
        /// This survkit was built without the `Postgres` trait.
        case unavailable
        /// No row left after the missing-value rule, or `--strict` with rows to drop.
        case noRowsLeft, droppedRows
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
