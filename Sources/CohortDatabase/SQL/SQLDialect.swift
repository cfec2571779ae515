/// The SQL dialect survkit writes: identifier quoting, type names and number
/// literals. `postgres` (also Citus, Greenplum, Redshift), `spark` (Spark SQL,
/// Databricks) and `ansi` (SQL:2016 core, for Trino and others).
public enum SQLDialect: String, Sendable, CaseIterable {
    case postgres, spark, ansi

    /// `"age"` (postgres, ansi) or `` `age` `` (spark), the quote character doubled inside.
    public func quote(_ identifier: String) -> String {
        let q: Character = self == .spark ? "`" : "\""
        var out = String(q)
        for c in identifier {
            out.append(c)
            if c == q { out.append(q) }
        }
        out.append(q)
        return out
    }

    /// A table name, possibly schema-qualified (`registry.cohort` → `"registry"."cohort"`):
    /// each dot-separated part quoted. Empty parts are an error.
    public func quoteTable(_ name: String) throws -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else {
            throw DatabaseError(
                .untranslatable, "table '\(name)': expected a table name, optionally schema-qualified (schema.table)")
        }
        return parts.map(quote).joined(separator: ".")
    }

    /// The type a number is cast to: `DOUBLE PRECISION` (postgres, ansi) or `DOUBLE` (spark).
    public var doubleType: String { self == .spark ? "DOUBLE" : "DOUBLE PRECISION" }

    /// The type a text value is cast to: `TEXT` (postgres), `STRING` (spark), `VARCHAR` (ansi).
    public var textType: String {
        switch self {
        case .postgres: return "TEXT"
        case .spark: return "STRING"
        case .ansi: return "VARCHAR"
        }
    }

    /// A double as a literal that reads back to the same value: Swift's
    /// shortest round-trip text, cast to the double type (a plain `0.1` is a
    /// decimal in PostgreSQL and Spark). Non-finite values are an error.
    public func literal(_ x: Double) throws -> String {
        guard x.isFinite else {
            throw DatabaseError(.untranslatable, "cannot write the non-finite number \(x) into SQL")
        }
        return "CAST(\(x == 0 ? "0" : "\(x)") AS \(doubleType))"
    }

    /// A text literal, `'it''s'` (a backslash doubled in Spark, which reads it as an escape).
    public func literal(_ s: String) -> String {
        var out = "'"
        for c in s {
            if c == "'" { out += "''" } else if c == "\\" && self == .spark { out += "\\\\" } else { out.append(c) }
        }
        return out + "'"
    }
}
