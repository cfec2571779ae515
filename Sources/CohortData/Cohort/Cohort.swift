/// A table of named, typed columns read from a CSV file (or built in code).
///
/// Besides the data a cohort remembers where each row came from — the
/// physical line of the file where the row starts — so that every later
/// error (a negative time, a bad status code) can name the line.
public struct Cohort: Sendable {
    /// The file as the user named it (`<stdin>` for standard input).
    public var fileName: String
    /// Column names in file order (only the columns read, when the reader
    /// projected columns: `CSVOptions.columns`).
    public private(set) var names: [String]
    /// Columns in file order.
    public private(set) var columns: [Column]
    /// Number of data rows (header excluded).
    public private(set) var rowCount: Int
    /// Physical 1-based line where each row starts (header = line 1).
    private var rowLines: [Int32]?
    /// How the file was read (format and dialect); JSON `input`.
    public var input = InputDescription(format: .csv)
    /// Variable labels by column name, from statistical files (Stata, SPSS,
    /// SAS) that carry them; empty for CSV.
    public var variableLabels: [String: String] = [:]
    /// Rows (ascending) of numeric columns whose field was a literal `NaN`:
    /// stored as NaN like a missing value, but invalid data when the column is
    /// used (R's read.csv would read NaN, and `na.omit` would drop the row
    /// silently). Empty for most files.
    var literalNaNRows: [String: [Int]] = [:]
    /// Chunks the reader's first pass ran in (0: one sequential pass); for tests.
    var readChunks = 0
    /// Whether rows are located by number (`row 12`) rather than by line:
    /// files without lines (Stata, SPSS, SAS).
    var locatesRowsByNumber = false
    /// The whole header in file order when the reader projected columns
    /// (`CSVOptions.columns`), else `nil` (the header is `names`).
    private var projectedHeader: [String]?
    /// With `projectedHeader`: the 0-based file position of each column read
    /// (`names[k]` is column `filePositions[k] + 1` of the file).
    private var filePositions: [Int]?
    /// When the rows were split into `(start, stop]` intervals (`--tdc`,
    /// `TimeDependentCovariate`): the rows of the data before the split.
    /// Frames then count `rows.read` as these and `rows.intervals` as `rowCount`.
    public internal(set) var rowsBeforeSplit: Int?

    /// Builds a cohort from columns of equal length. Rows are taken to sit on
    /// lines 2, 3, ... unless `rowLines` says otherwise.
    public init(fileName: String = "<data>", columns: [(name: String, column: Column)], rowLines: [Int]? = nil) throws {
        self.fileName = fileName
        self.names = columns.map(\.name)
        self.columns = columns.map(\.column)
        self.rowCount = columns.first?.column.count ?? 0
        self.rowLines = rowLines.map { $0.map { Int32(truncatingIfNeeded: $0) } }
        var seen: [String: Int] = [:]
        for (k, c) in columns.enumerated() {
            if let first = seen[c.name] {
                throw CohortError(
                    .duplicateHeader, file: fileName, line: 1, column: c.name, columnPosition: k + 1,
                    message: "duplicate column name (also column \(first + 1))")
            }
            seen[c.name] = k
            if c.column.count != rowCount {
                throw CohortError(
                    .raggedRow, file: fileName, column: c.name, columnPosition: k + 1,
                    message: "column has \(c.column.count) rows, expected \(rowCount)")
            }
        }
        if let rowLines, rowLines.count != rowCount {
            throw CohortError(.invalidValue, file: fileName, message: "rowLines has \(rowLines.count) entries for \(rowCount) rows")
        }
    }

    /// Internal initialiser for the reader (already validated).
    /// With `header` and `filePositions` (both or neither): a projected read,
    /// `names[k]` being `header[filePositions[k]]`.
    init(
        fileName: String, names: [String], columns: [Column], rowCount: Int, rowLines: [Int32]?,
        header: [String]? = nil, filePositions: [Int]? = nil
    ) {
        self.fileName = fileName
        self.names = names
        self.columns = columns
        self.rowCount = rowCount
        self.rowLines = rowLines
        self.projectedHeader = header
        self.filePositions = header == nil ? nil : filePositions
    }

    /// The physical line (1-based, header = 1) where data row `row` (0-based) starts.
    public func line(ofRow row: Int) -> Int {
        if let rowLines { return Int(rowLines[row]) }
        return row + 2
    }

    /// The line of each row when rows do not sit on consecutive lines (blank
    /// lines, quoted line breaks); `nil` when row `k` is on line `k + 2`.
    var rowLineTable: [Int32]? { rowLines }

    /// The 0-based position of the column called `name`.
    public func index(of name: String) -> Int? {
        names.firstIndex(of: name)
    }

    /// The 1-based position of the column called `name` as messages give it:
    /// its column in the file (also after a projected read), or for a column
    /// added later (`setColumn`) its place after the file's columns.
    public func position(of name: String) -> Int? {
        guard let k = index(of: name) else { return nil }
        guard let header = projectedHeader, let positions = filePositions else { return k + 1 }
        return k < positions.count ? positions[k] + 1 : header.count + (k - positions.count) + 1
    }

    /// Every column name the file has, in file order, then the columns added
    /// later (`setColumn`): `names`, unless the reader projected columns, when
    /// it also holds the header names that were not read. Messages about an
    /// unknown column offer these names.
    public var headerNames: [String] {
        guard let header = projectedHeader, let positions = filePositions else { return names }
        return header + names[positions.count...]
    }

    /// The column called `name`.
    public func column(named name: String) -> Column? {
        index(of: name).map { columns[$0] }
    }

    /// Adds (or replaces) a column.
    public mutating func setColumn(_ column: Column, named name: String) throws {
        guard column.count == rowCount || (names.isEmpty) else {
            throw CohortError(.invalidValue, file: fileName, column: name,
                              message: "column has \(column.count) rows, expected \(rowCount)")
        }
        if names.isEmpty { rowCount = column.count }
        if let k = index(of: name) {
            columns[k] = column
        } else {
            names.append(name)
            columns.append(column)
        }
    }

    /// Replaces the column at `k` without the row-count check of `setColumn`
    /// (see `releaseStorage(ofColumns:)`).
    mutating func replaceColumn(at k: Int, with column: Column) {
        columns[k] = column
    }

    /// An error located at a data row and column.
    func error(_ kind: CohortError.Kind, row: Int?, column name: String?, _ message: String) -> CohortError {
        let position = name.flatMap { self.position(of: $0) }
        if locatesRowsByNumber {
            return CohortError(
                kind, file: fileName, column: name, columnPosition: position, message: message,
                // line − 1: the data row, also for rows gathered from others (`gatheringRows`).
                row: row.map { line(ofRow: $0) - 1 })
        }
        return CohortError(
            kind, file: fileName, line: row.map { line(ofRow: $0) }, column: name, columnPosition: position,
            message: message)
    }

    /// The cohort of rows `rows` (0-based, in that order, repeats allowed):
    /// each column gathered, each row keeping the line it came from (and a
    /// literal `NaN` its mark), the header and file positions unchanged, so
    /// that errors on the new rows still name the file's lines and columns.
    /// The row splits of `SurvivalSplit` and `TimeDependentCovariate` use it.
    func gatheringRows(_ rows: [Int]) -> Cohort {
        var out = self
        out.columns = columns.map { column in
            switch column {
            case .numeric(let v): return .numeric(rows.map { v[$0] })
            case .date(let v): return .date(rows.map { v[$0] })
            case .categorical(let codes, let levels): return .categorical(codes: rows.map { codes[$0] }, levels: levels)
            }
        }
        out.rowCount = rows.count
        out.rowLines = rows.map { Int32(truncatingIfNeeded: line(ofRow: $0)) }
        out.literalNaNRows = literalNaNRows.mapValues { marked in
            let set = Set(marked)
            return rows.indices.filter { set.contains(rows[$0]) }
        }
        return out
    }
}
