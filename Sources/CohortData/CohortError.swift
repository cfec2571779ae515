/// An error in the data or the formula, located as precisely as possible.
///
/// The description follows the command-line contract: the file, the physical
/// line (1-based, the header being line 1), the column by header name and
/// 1-based position, then what was expected, e.g.
/// `lung.csv: line 17, column "time" (2): expected 10 fields, found 9`.
/// Files without lines (Stata, SPSS, SAS) name the data row instead:
/// `lung.dta: row 16, column "time" (2): ...`.
public struct CohortError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, for callers that branch on it (tests, exit codes).
    public enum Kind: String, Sendable, Equatable, Codable {
        case io
        case emptyFile
        case duplicateHeader
        case raggedRow
        case unterminatedQuote
        case malformedQuote
        case unknownColumn
        case notNumeric
        case negativeTime
        case startNotBeforeStop
        case invalidStatus
        case invalidValue
        case unknownLevel
        case formulaSyntax
        case noRowsLeft
        /// `--strict` and rows would be dropped.
        case droppedRows
        /// Bytes that are not text in the expected encoding (NUL, invalid UTF-8, UTF-16).
        case invalidEncoding
    }

    public var kind: Kind
    /// The file as the user named it (`<stdin>` for `-`); `nil` when not from a file.
    public var file: String?
    /// Physical line, 1-based, header = 1.
    public var line: Int?
    /// Data row, 1-based, for files that have no lines (Stata, SPSS, SAS).
    public var row: Int?
    /// Column header name.
    public var column: String?
    /// Column position, 1-based.
    public var columnPosition: Int?
    /// What was expected / found.
    public var message: String

    public init(
        _ kind: Kind, file: String? = nil, line: Int? = nil, column: String? = nil,
        columnPosition: Int? = nil, message: String, row: Int? = nil
    ) {
        self.kind = kind
        self.file = file
        self.line = line
        self.row = row
        self.column = column
        self.columnPosition = columnPosition
        self.message = message
    }

    public var description: String {
        var location: [String] = []
        if let line {
            location.append("line \(line)")
        } else if let row {
            location.append("row \(row)")
        }
        if let column {
            if let columnPosition {
                location.append("column \"\(column)\" (\(columnPosition))")
            } else {
                location.append("column \"\(column)\"")
            }
        } else if let columnPosition {
            location.append("column \(columnPosition)")
        }
        var prefix = ""
        if let file { prefix = file + ": " }
        if !location.isEmpty { prefix += location.joined(separator: ", ") + ": " }
        return prefix + message
    }
}
