/// What a table column holds, as far as the SQL needs to know: numbers
/// (cast to double precision), text (cast to text, a categorical variable;
/// booleans too, read back as `true`/`false`, which a status accepts),
/// or not known (`survkit sql` without a connection: written uncast, except
/// for the time and status, which are numbers).
public enum SQLColumnKind: String, Sendable, Equatable {
    case numeric, text, unknown

    /// The kind of a PostgreSQL type name from `information_schema.columns.data_type`.
    public init(postgresType type: String) {
        switch type.lowercased() {
        case "smallint", "integer", "bigint", "real", "double precision", "numeric", "decimal":
            self = .numeric
        default:
            self = .text
        }
    }
}
