/// The buffers and findings of the reader's pass 1 (see `CSVReader`): one
/// `Double` buffer per column read (a one-element placeholder for the
/// others), the physical line of each record, and what the scan noticed.
/// Owns its memory; freed when the pass is done with.
final class PassOne {
    /// Column `k`'s numbers, row by row.
    let values: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
    /// Whether column `k` is still all numbers (or missing).
    let numeric: UnsafeMutablePointer<Bool>
    /// Each record's physical line.
    private(set) var lines: UnsafeMutablePointer<Int32>
    let columnCount: Int
    var rowCount = 0
    /// A record spanned several lines, or blank lines were skipped.
    var irregularLines = false
    /// Numeric fields that were a literal `NaN`: (column, row).
    var literalNaN: [(column: Int, row: Int)] = []
    /// Chunks scanned in parallel (0: one sequential pass).
    var chunks = 0

    init(wanted: [Bool], capacity: Int) {
        columnCount = wanted.count
        values = .allocate(capacity: Swift.max(columnCount, 1))
        for k in 0..<columnCount { (values + k).initialize(to: .allocate(capacity: wanted[k] ? capacity : 1)) }
        numeric = .allocate(capacity: Swift.max(columnCount, 1))
        for k in 0..<columnCount { (numeric + k).initialize(to: wanted[k]) }
        lines = .allocate(capacity: Swift.max(capacity, 1))
    }

    /// Column `k`'s first `rowCount` numbers as an array; its buffer is freed
    /// at once (so that the columns are not held twice while they are copied).
    func takeColumn(_ k: Int) -> [Double] {
        let column = Array(UnsafeBufferPointer(start: values[k], count: rowCount))
        values[k].deallocate()
        values[k] = .allocate(capacity: 1)
        return column
    }

    /// Frees column `k`'s buffer (a text column, re-read by pass 2).
    func release(_ k: Int) {
        values[k].deallocate()
        values[k] = .allocate(capacity: 1)
    }

    /// The first `rowCount` lines as an array, and their buffer freed.
    func takeLines() -> [Int32] {
        let taken = Array(UnsafeBufferPointer(start: lines, count: rowCount))
        lines.deallocate()
        lines = .allocate(capacity: 1)
        return taken
    }

    deinit {
        for k in 0..<columnCount { values[k].deallocate() }
        values.deallocate()
        numeric.deallocate()
        lines.deallocate()
    }
}

/// What pass 1 found in one range of records (`CSVParse.scanRecords`).
struct RecordScan {
    /// Records read.
    var rows = 0
    /// The byte offset after the last record.
    var endPosition = 0
    /// Physical lines consumed.
    var lines = 0
    var irregularLines = false
    /// Literal `NaN` fields: (column, row) with rows as written into the buffers.
    var literalNaN: [(column: Int, row: Int)] = []
}
