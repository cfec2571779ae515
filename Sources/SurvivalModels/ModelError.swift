/// Why a model could not be fitted to the data it was given.
///
/// These are data problems (no events, an empty stratum), not programming
/// errors (data or model unusable). When one row is to blame, `row` names it
/// (a cohort row, 0-based, as the frame's `rowIndex` values) and `column` the
/// data column, so that the caller can say the file's line
/// (`RowOrigin.location(ofRow:column:)`).
public struct ModelError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A one-paragraph explanation for the user.
    public var message: String
    /// The cohort row (0-based) the problem is in, if one.
    public var row: Int?
    /// The data column the problem is in, if known.
    public var column: String?

    public init(_ message: String, row: Int? = nil, column: String? = nil) {
        self.message = message
        self.row = row
        self.column = column
    }

    public var description: String { message }
}
