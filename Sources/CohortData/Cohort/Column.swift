/// One typed column of a `Cohort`.
///
/// Missing values: `NaN` in numeric and date columns, code `-1` in
/// categorical columns. (A literal `NaN` in the data is therefore missing,
/// as R's `complete.cases` treats it.)
public enum Column: Sendable, Equatable {
    /// Numbers; `NaN` = missing.
    case numeric([Double])
    /// Text values as codes into `levels` (sorted in byte order, as R in the
    /// C locale); code `-1` = missing.
    case categorical(codes: [Int32], levels: [String])
    /// ISO dates as day numbers since 1970-01-01 (as R's `Date`); `NaN` = missing.
    case date([Double])

    /// Number of rows.
    public var count: Int {
        switch self {
        case .numeric(let v), .date(let v): return v.count
        case .categorical(let codes, _): return codes.count
        }
    }

    /// Whether the value in `row` is missing.
    @inline(__always)
    public func isMissing(_ row: Int) -> Bool {
        switch self {
        case .numeric(let v), .date(let v): return v[row].isNaN
        case .categorical(let codes, _): return codes[row] < 0
        }
    }

    /// Number of missing values.
    public var missingCount: Int {
        switch self {
        case .numeric(let v), .date(let v): return v.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .categorical(let codes, _): return codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        }
    }

    /// A short name of the type, for messages: `numeric`, `text`, `date`.
    public var typeName: String {
        switch self {
        case .numeric: return "numeric"
        case .categorical: return "text"
        case .date: return "date"
        }
    }

    /// The value in `row` as text (numbers without a trailing `.0`, dates as
    /// `YYYY-MM-DD`); `nil` when missing.
    public func text(at row: Int) -> String? {
        switch self {
        case .numeric(let v):
            return v[row].isNaN ? nil : NumberFormatting.label(v[row])
        case .date(let v):
            return v[row].isNaN ? nil : ISODate.format(dayNumber: Int(v[row]))
        case .categorical(let codes, let levels):
            return codes[row] < 0 ? nil : levels[Int(codes[row])]
        }
    }
}

/// Number → label text as R prints factor levels of numbers: integers
/// without a decimal point (`1`, not `1.0`), others in shortest round-trip form.
public enum NumberFormatting {
    public static func label(_ x: Double) -> String {
        if x.isNaN { return "NA" }
        if x.isInfinite { return x > 0 ? "Inf" : "-Inf" }
        if x == x.rounded() && abs(x) < 1e15 {
            return String(Int64(x))
        }
        return "\(x)"
    }
}
