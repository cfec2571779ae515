import CohortData

/// `survkit describe`: what the reader made of every column of a data file
/// (`Cohort.columnDescriptions()`), with how the file was read and how many
/// rows it has. JSON: `"analysis": "describe"`, `data`, `input`, `rows`
/// (`read`), `columns`.
public struct DataDescription: Sendable, Encodable {
    /// The file as the user named it.
    public var data: String
    /// How the file was read.
    public var input: InputDescription
    /// Rows read.
    public var rows: Rows
    /// One entry per column, in file order.
    public var columns: [ColumnDescription]

    /// The row count of the file.
    public struct Rows: Sendable, Encodable {
        public var read: Int
    }

    /// Describes `cohort`, read from `data`.
    public init(_ cohort: Cohort, data: String) {
        self.data = data
        self.input = cohort.input
        self.rows = Rows(read: cohort.rowCount)
        self.columns = cohort.columnDescriptions()
    }
}
