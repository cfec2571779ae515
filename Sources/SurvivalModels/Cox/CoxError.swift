/// Why a Cox model could not be fitted. Each message is one plain paragraph
/// suitable for the command line.
public enum CoxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The frame has no rows.
    case noRows
    /// No events at all: the partial likelihood is empty.
    case noEvents
    /// A single row: R's `coxph` fails ("'x' must be an array of at least two
    /// dimensions", after "Ran out of iterations"); there is no risk set to compare.
    case singleRow
    /// A weight is zero, negative or not finite (R: "Invalid weights, must be >0").
    case invalidWeights(row: Int)
    /// A time, start or status value cannot be used (stop ≤ start, non-finite time,
    /// status not 0/1).
    case invalidResponse(row: Int, reason: String)
    /// `initial` has the wrong length.
    case wrongInitialLength(expected: Int, got: Int)
    /// The design contains a non-finite value.
    case nonFiniteCovariate(row: Int, column: String)
    /// `ties = exact` cannot be used with these data or options.
    case exactTiesUnsupported(String)

    /// The cohort row (0-based) a row-level error is in.
    public var row: Int? {
        switch self {
        case .invalidWeights(let row), .invalidResponse(let row, _), .nonFiniteCovariate(let row, _): return row
        default: return nil
        }
    }

    /// The description without the row, for callers that name the line themselves.
    public var reason: String {
        switch self {
        case .invalidWeights: return "invalid weight, must be > 0"
        case .invalidResponse(_, let reason): return "invalid survival response: \(reason)"
        case .nonFiniteCovariate(_, let column): return "covariate \(column) is not finite"
        default: return description
        }
    }

    public var description: String {
        switch self {
        case .noRows:
            return "The Cox model has no rows to fit (every row was dropped or the data are empty)."
        case .noEvents:
            return "The Cox model cannot be fitted: there are no events (every observation is censored)."
        case .singleRow:
            return "The Cox model cannot be fitted to a single row: a partial likelihood needs at least two rows to compare (R's coxph fails here too)."
        case .invalidWeights(let row):
            return "Invalid weights, must be >0 (data row \(row + 1))."
        case .invalidResponse(let row, let reason):
            return "Invalid survival response in data row \(row + 1): \(reason)."
        case .wrongInitialLength(let expected, let got):
            return "Wrong length for initial values: expected \(expected) coefficients, got \(got)."
        case .nonFiniteCovariate(let row, let column):
            return "Covariate \(column) is not finite in data row \(row + 1)."
        case .exactTiesUnsupported(let reason):
            return "ties = exact cannot be used here: \(reason)."
        }
    }
}
