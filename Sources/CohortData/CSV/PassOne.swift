/// The buffers and findings of the reader's pass 1 (see `CSVReader`): one
/// `Double` buffer per column read (a one-element placeholder for the
/// others), the physical line of each record, and what the scan noticed.
/// Owns its memory; freed when the pass is done with.
///
/// Made through `filling`, the column buffers are the storage of the arrays
/// the cohort keeps (each column is written once, in place); with more than
/// 64 columns read they are separate buffers, copied out column by column.
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

    /// Columns built in place as arrays (`filling`), by column.
    private var arrays: [Int: [Double]] = [:]

    init(wanted: [Bool], capacity: Int, allocateColumns: Bool = true) {
        columnCount = wanted.count
        values = .allocate(capacity: Swift.max(columnCount, 1))
        for k in 0..<columnCount {
            (values + k).initialize(to: .allocate(capacity: wanted[k] && allocateColumns ? capacity : 1))
        }
        numeric = .allocate(capacity: Swift.max(columnCount, 1))
        for k in 0..<columnCount { (numeric + k).initialize(to: wanted[k]) }
        lines = .allocate(capacity: Swift.max(capacity, 1))
    }

    /// Column `k`'s first `rowCount` numbers as an array; its buffer is freed
    /// at once (so that the columns are not held twice while they are copied).
    func takeColumn(_ k: Int) -> [Double] {
        if let built = arrays.removeValue(forKey: k) { return built }
        let column = Array(UnsafeBufferPointer(start: values[k], count: rowCount))
        values[k].deallocate()
        values[k] = .allocate(capacity: 1)
        return column
    }

    /// Frees column `k`'s buffer (a text column, re-read by pass 2).
    func release(_ k: Int) {
        arrays[k] = nil
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

    /// A pass for `wanted` columns of at most `capacity` rows, filled by
    /// `fill`, which returns the number of rows read (`nil`: the pass is given
    /// up, and so is the result). With at most 64 columns read, each column's
    /// buffer is an array's own storage, made by one nested
    /// `Array(unsafeUninitializedCapacity:)` per column around `fill`, so the
    /// numbers are never copied; the arrays keep their spare capacity.
    static func filling(wanted: [Bool], capacity: Int, _ fill: (PassOne) throws -> Int?) throws -> PassOne? {
        let read = wanted.indices.filter { wanted[$0] }
        let inPlace = read.count <= 64
        let pass = PassOne(wanted: wanted, capacity: capacity, allocateColumns: !inPlace)
        guard inPlace else {
            guard let rows = try fill(pass) else { return nil }
            pass.rowCount = rows
            return pass
        }
        var outcome: Result<Int?, Error> = .success(nil)
        func build(_ i: Int) {
            guard i < read.count else {
                outcome = Result { try fill(pass) }
                return
            }
            let k = read[i]
            let placeholder = pass.values[k]
            let array = [Double](unsafeUninitializedCapacity: Swift.max(capacity, 1)) { buffer, count in
                guard let storage = buffer.baseAddress else { return }
                pass.values[k] = storage
                build(i + 1)
                pass.values[k] = placeholder
                if case .success(let rows?) = outcome { count = Swift.min(rows, buffer.count) }
            }
            pass.arrays[k] = array
        }
        build(0)
        guard let rows = try outcome.get() else { return nil }
        pass.rowCount = rows
        return pass
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
