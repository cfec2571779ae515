/// How a data file was read: its format and, for text files, the dialect the
/// reader used (given or detected). In survkit's JSON it is the `input`
/// object (docs/json-output.md): `format`, and `delimiter`, `decimal`,
/// `encoding`, `date_format` where they apply, `counts` with `--counts`.
public struct InputDescription: Sendable, Equatable, Codable {
    /// The file format, by extension (`.csv.gz` is `csv`).
    public enum Format: String, Sendable, Equatable, Codable, CaseIterable {
        case csv, dta, sav, sas7bdat, xpt
        /// A table of a PostgreSQL database, aggregated there (`--db`, `--table`).
        case postgres
    }

    public var format: Format
    /// The field delimiter as a character (`","`, `";"`, `"\t"`, `"|"`); text files only.
    public var delimiter: String?
    /// The decimal mark, `"."` or `","`; text files only.
    public var decimal: String?
    /// The `--encoding` value the text was decoded with (`"utf-8"`, `"latin1"`, `"windows-1252"`).
    public var encoding: String?
    /// The `--date-format` pattern (`"%d/%m/%Y"`, `"excel"`), when one was given.
    public var dateFormat: String?
    /// The `--counts` column (each row stands for that many identical
    /// subjects), when one was given; set by the frame builders.
    public var counts: String?
    /// `--db` input: the table (as given, possibly schema-qualified).
    public var table: String?
    /// `--db` input: the database URL without its password; with `--sites`, the URLs joined by commas.
    public var database: String?
    /// `--db` input: the number of SQL queries run.
    public var queries: Int?
    /// `--db` input: bytes received from the server(s), protocol framing included.
    public var bytesReceived: Int?

    public init(
        format: Format, delimiter: String? = nil, decimal: String? = nil, encoding: String? = nil,
        dateFormat: String? = nil
    ) {
        self.format = format
        self.delimiter = delimiter
        self.decimal = decimal
        self.encoding = encoding
        self.dateFormat = dateFormat
    }
}
