/// A dense, column-major matrix of `Double` values with contiguous storage.
///
/// Element `(i, j)` lives at `storage[i + j * rows]`, the layout BLAS and
/// LAPACK expect with `CblasColMajor` / `LAPACK_COL_MAJOR` and a leading
/// dimension equal to `rows`. There are no per-element objects: a 1,000,000 × 20
/// design matrix is one 160 MB array.
public struct Matrix: Sendable, Equatable, Codable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements in column-major order; `storage.count == rows * columns`.
    public var storage: [Double]

    /// A `rows × columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix that adopts `columnMajor` as its storage.
    ///
    /// - Precondition: `columnMajor.count == rows * columns`.
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(columnMajor.count == rows * columns, "Storage does not match the dimensions")
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// A matrix from an array of rows, convenient in tests: `Matrix([[1, 2], [3, 4]])`.
    ///
    /// - Precondition: every row has the same length.
    public init(_ rowArrays: [[Double]]) {
        let r = rowArrays.count
        let c = rowArrays.first?.count ?? 0
        var s = [Double](repeating: 0, count: r * c)
        for (i, row) in rowArrays.enumerated() {
            precondition(row.count == c, "All rows must have the same length")
            for j in 0..<c { s[i + j * r] = row[j] }
        }
        self.init(rows: r, columns: c, columnMajor: s)
    }

    /// The `n × n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.storage[i + i * n] = 1 }
        return m
    }

    /// Element access, `(row, column)`, both zero-based.
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }

    /// Column `j` as a new array.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as a new array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { storage[i + $0 * rows] }
    }

    /// The rows of the matrix as nested arrays (for JSON output and printing).
    public var rowArrays: [[Double]] { (0..<rows).map { row($0) } }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }
}
