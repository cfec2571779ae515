/// One column of a Cox design as an SQL expression of the table's columns:
/// a numeric covariate `CAST("age" AS DOUBLE PRECISION)`, or the indicator of a
/// level, `CASE WHEN CAST("grade" AS TEXT) = 'III' THEN 1 ELSE 0 END`.
public struct SQLDesignColumn: Sendable, Equatable {
    /// The design column's name as the in-memory fit names it (`age`, `grade=III`).
    public var name: String
    /// The SQL expression (uncentred).
    public var expression: String

    public init(name: String, expression: String) {
        self.name = name
        self.expression = expression
    }
}
