/// Where the rows of a frame came from: the file, the physical line of each
/// data row, and the column names, so that a model fitted to the frame can
/// name the line and column of a bad value the same way the reader does
/// (`line 17, column "time" (2)`).
///
/// Frames carry the origin of their cohort (`ModelFrame.origin`, ...); rows
/// are cohort rows (`rowIndex` values), 0-based.
public struct RowOrigin: Sendable, Equatable {
    /// The file as the user named it.
    public var fileName: String
    /// How the file was read.
    public var input = InputDescription(format: .csv)
    private var lines: [Int32]?
    /// Column names whose index + 1 is the column's position in the file
    /// (`Cohort.headerNames`, so that a projected read keeps file positions).
    private var columnNames: [String]

    /// An origin of rows on lines 2, 3, ... of an unnamed file.
    public init() {
        self.fileName = "<data>"
        self.lines = nil
        self.columnNames = []
    }

    init(fileName: String, lines: [Int32]?, columnNames: [String]) {
        self.fileName = fileName
        self.lines = lines
        self.columnNames = columnNames
    }

    /// The physical line (header = 1) of cohort row `row`.
    public func line(ofRow row: Int) -> Int {
        if let lines, row >= 0, row < lines.count { return Int(lines[row]) }
        return row + 2
    }

    /// `line 17, column "time" (2)`, or `line 17` without a column.
    public func location(ofRow row: Int, column: String? = nil) -> String {
        var text = "line \(line(ofRow: row))"
        if let column {
            text += ", column \"\(column)\""
            if let k = columnNames.firstIndex(of: column) { text += " (\(k + 1))" }
        }
        return text
    }
}

/// A frame whose rows are rows of a cohort read from a file.
public protocol RowSourced {
    /// The cohort row (0-based) of each row of the frame.
    var rowIndex: [Int] { get }
    /// The file, lines and columns those rows came from.
    var origin: RowOrigin { get }
}

extension Cohort {
    /// The origin of this cohort's rows.
    public var origin: RowOrigin {
        var origin = RowOrigin(fileName: fileName, lines: rowLineTable, columnNames: headerNames)
        origin.input = input
        return origin
    }
}

extension ModelFrame: RowSourced {}
extension CountModelFrame: RowSourced {}
extension GroupingFrame: RowSourced {}
