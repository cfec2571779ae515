/// How to read a CSV file: the dialect options (see docs/json-output.md, "Conventions").
public struct CSVOptions: Sendable, Equatable {
    /// The field delimiter.
    public enum Delimiter: String, Sendable, CaseIterable, Codable {
        case comma = ","
        case semicolon = ";"
        case tab = "\t"
        case pipe = "|"

        var byte: UInt8 {
            switch self {
            case .comma: return UInt8(ascii: ",")
            case .semicolon: return UInt8(ascii: ";")
            case .tab: return UInt8(ascii: "\t")
            case .pipe: return UInt8(ascii: "|")
            }
        }

        /// How messages show it: `","`, `";"`, `"|"`, and `tab` (a literal tab is invisible).
        public var shown: String { self == .tab ? "tab" : "\"\(rawValue)\"" }

        /// Parses `,`, `;`, `\t`/`tab`, `|`, `comma`, `semicolon`, `pipe`.
        public init?(argument: String) {
            switch argument {
            case ",", "comma": self = .comma
            case ";", "semicolon": self = .semicolon
            case "\t", "\\t", "tab": self = .tab
            case "|", "pipe": self = .pipe
            default: return nil
            }
        }
    }

    /// The decimal mark of numbers: `74.5` or `74,5`.
    public enum DecimalMark: String, Sendable, CaseIterable, Codable {
        case point = "."
        case comma = ","

        var byte: UInt8 { self == .point ? UInt8(ascii: ".") : UInt8(ascii: ",") }

        /// Parses `.`, `,` (also `point`, `dot`, `comma`).
        public init?(argument: String) {
            switch argument {
            case ".", "point", "dot": self = .point
            case ",", "comma": self = .comma
            default: return nil
            }
        }
    }

    /// The field delimiter; `nil` detects it from the header and the first
    /// records (see `DelimiterDetection`).
    public var delimiter: Delimiter?
    /// The decimal mark of numbers.
    public var decimal: DecimalMark
    /// Extra tokens read as missing, besides the empty field, `NA` and `.`
    /// (`--na` on the command line). Compared after trimming blanks of unquoted fields.
    public var extraMissingTokens: [String]
    /// The text encoding; `nil` is UTF-8 (validated), as `.utf8`, but not
    /// recorded in `Cohort.input.encoding`.
    public var encoding: TextEncoding?
    /// How dates are written; `nil`: ISO `YYYY-MM-DD` only.
    public var dateFormat: DateFormat?
    /// The columns to read (column projection); `nil` reads every column.
    /// The other columns are only delimited — every record is still checked
    /// for its field count and quoting — and are absent from the cohort,
    /// which remembers the full header for messages (`Cohort.headerNames`).
    /// Names not in the header are ignored (the analysis reports them).
    public var columns: Set<String>?
    /// Threads for the reader's first pass; `nil` uses every core, 1 reads in
    /// one thread. The cohort read is the same whatever the number.
    public var threads: Int?
    /// Inputs with fewer bytes of records than this are read in one thread;
    /// `chunkBytes` overrides the chunk size. Both exist for tests, which
    /// exercise the chunked reader on small inputs.
    var parallelThreshold = 4 << 20
    var chunkBytes: Int?
    /// Block size of the encoding check's sweep, whose line break and quote
    /// counts give the chunked reader its chunks (tests make it small).
    var surveyBlockBytes = 4 << 20
    /// A mapped file of at most this many bytes stays mapped from the
    /// encoding check to the reader's pass (`CSVInput`); larger ones are
    /// handed back block by block, so that resident memory stays near the
    /// columns' size whatever the file's.
    var keepMappedBytes = 1 << 30

    public init(
        delimiter: Delimiter? = nil, decimal: DecimalMark = .point, extraMissingTokens: [String] = [],
        encoding: TextEncoding? = nil, dateFormat: DateFormat? = nil, columns: Set<String>? = nil
    ) {
        self.delimiter = delimiter
        self.decimal = decimal
        self.extraMissingTokens = extraMissingTokens
        self.encoding = encoding
        self.dateFormat = dateFormat
        self.columns = columns
    }

    /// The tokens that always mean missing.
    public static let standardMissingTokens = ["", "NA", "."]
}
