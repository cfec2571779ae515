extension Cohort {
    /// The cohort as comma-separated text, as R's `write.csv(d, row.names =
    /// FALSE)` writes a data frame: a header, then one line per row; numbers
    /// in shortest round-trip form (integers without a decimal point), dates
    /// as `YYYY-MM-DD`, text as it was read, missing values as `NA`. A field
    /// holding a comma, a quote or a line break is quoted (quotes doubled),
    /// and so is text that reads `NA`, so that it does not come back missing.
    public func csvText() -> String {
        func field(_ s: String) -> String {
            guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s == "NA" || s.isEmpty
            else { return s }
            return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        var lines: [String] = [names.map(field).joined(separator: ",")]
        lines.reserveCapacity(rowCount + 1)
        for row in 0..<rowCount {
            lines.append(columns.map { c in c.text(at: row).map(field) ?? "NA" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
