/// How to read a CSV file: the dialect options (see docs/json-output.md, "Conventions").
public struct CSVOptions: Sendable, Equatable {
    /// The field delimiter.
    public enum Delimiter: String, Sendable, CaseIterable, Codable {
        case comma = ","
        case semicolon = ";"
        case tab = "\t"

        var byte: UInt8 {
            switch self {
            case .comma: return UInt8(ascii: ",")
            case .semicolon: return UInt8(ascii: ";")
            case .tab: return UInt8(ascii: "\t")
            }
        }

        /// Parses `,`, `;`, `\t`/`tab`, `comma`, `semicolon`.
        public init?(argument: String) {
            switch argument {
            case ",", "comma": self = .comma
            case ";", "semicolon": self = .semicolon
            case "\t", "\\t", "tab": self = .tab
            default: return nil
            }
        }
    }

    public var delimiter: Delimiter
    /// Extra tokens read as missing, besides the empty field, `NA` and `.`
    /// (`--na` on the command line). Compared after trimming blanks of unquoted fields.
    public var extraMissingTokens: [String]

    public init(delimiter: Delimiter = .comma, extraMissingTokens: [String] = []) {
        self.delimiter = delimiter
        self.extraMissingTokens = extraMissingTokens
    }

    /// The tokens that always mean missing.
    public static let standardMissingTokens = ["", "NA", "."]
}
