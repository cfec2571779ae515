extension Cohort {
    /// The most column names an "unknown column" message lists.
    static let listedColumns = 20

    /// The error for a column the formula (or an option) names but the data
    /// lack: a "did you mean" for near matches (case, `.` vs `_`, up to two
    /// edits), then at most 20 of the available columns — a 5,000-column
    /// registry extract does not print a megabyte of names.
    /// The names offered are `headerNames`: after a projected read, also the
    /// header names that were not read.
    func unknownColumnError(_ name: String) -> CohortError {
        let names = headerNames
        var message = "unknown column" + NearMatch.suggestion(name, among: names)
        let shown = names.prefix(Self.listedColumns).map { "\"\($0)\"" }.joined(separator: ", ")
        let more = names.count > Self.listedColumns ? " and \(names.count - Self.listedColumns) more (survkit describe lists them all)" : ""
        message += "; available columns: \(shown)\(more)"
        return CohortError(.unknownColumn, file: fileName, column: name, message: message)
    }
}
