/// What the reader decided about one column, as `survkit describe` shows it:
/// the inferred type, how many values are missing, how many distinct values
/// there are, and the range (numbers, dates) or the most frequent levels
/// (categorical), plus the file's variable label when it has one.
///
/// This is the first thing a careful analyst checks: a column of ages read
/// as `categorical` because one value is `unknown` shows up here before any
/// model is fitted.
public struct ColumnDescription: Sendable, Equatable, Encodable {
    /// The inferred type.
    public enum Kind: String, Sendable, Equatable, Encodable {
        case number, date, categorical
    }

    /// The smallest or largest value: a number, or a date as `YYYY-MM-DD`.
    public enum Bound: Sendable, Equatable, Encodable {
        case number(Double)
        case date(String)

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let x): try c.encode(x)
            case .date(let d): try c.encode(d)
            }
        }
    }

    /// One level of a categorical column and how many rows hold it.
    public struct LevelCount: Sendable, Equatable, Encodable {
        public var level: String
        public var count: Int
    }

    public var name: String
    public var type: Kind
    /// Rows with no value (empty, `NA`, `.`, a `--na` token, a declared missing value).
    public var missing: Int
    /// Distinct non-missing values.
    public var distinct: Int
    /// Numbers and dates: the range; `nil` for categorical columns or when all are missing.
    public var min: Bound?
    public var max: Bound?
    /// Categorical columns: the most frequent levels (at most `CohortColumnSummary.topLevels`),
    /// by count, ties in level order; `nil` otherwise.
    public var levels: [LevelCount]?
    /// The variable label of a Stata, SPSS or SAS file.
    public var label: String?
    /// Categorical columns whose values are mostly numbers: how many are not
    /// numbers and the first of them, since such a column is usually a
    /// number column with a stray token (`unknown`, `#N/A`, a decimal comma).
    public var note: String?
}
