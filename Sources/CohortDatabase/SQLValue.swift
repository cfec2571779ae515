/// A value read back from a query: a number, a text, or NULL.
public enum SQLValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case null

    /// The number (nil for text and NULL).
    public var number: Double? { if case .number(let x) = self { return x } else { return nil } }

    public var description: String {
        switch self {
        case .number(let x): return "\(x)"
        case .text(let s): return s
        case .null: return "NULL"
        }
    }
}

/// What a query returned: column names and rows of values.
public struct SQLResult: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[SQLValue]]

    public init(columns: [String], rows: [[SQLValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The number in `column` of the only row; NULL (an empty SUM) reads as `whenNull`.
    public func number(_ column: String, whenNull: Double? = nil) throws -> Double {
        guard rows.count == 1, let k = columns.firstIndex(of: column) else {
            throw DatabaseError(.unexpectedResult, "expected one row with a column \(column), got \(rows.count) rows of \(columns)")
        }
        switch rows[0][k] {
        case .number(let x): return x
        case .null:
            if let whenNull { return whenNull }
            throw DatabaseError(.unexpectedResult, "column \(column) is NULL")
        case .text(let s):
            throw DatabaseError(.unexpectedResult, "column \(column) is the text '\(s)', expected a number")
        }
    }
}

/// Something that runs SQL and returns its rows (a PostgreSQL connection; in
/// tests any stand-in). `queries` and `bytesReceived` are for JSON `input`.
public protocol SQLExecutor: AnyObject {
    /// Runs `sql` and returns every row.
    func run(_ sql: String) throws -> SQLResult
    /// Queries run so far.
    var queries: Int { get }
    /// Bytes received from the server so far (protocol messages included).
    var bytesReceived: Int { get }
}
