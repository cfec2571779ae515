extension Cohort {
    /// The most column names an "unknown column" message lists.
    static let listedColumns = 20

    /// The error for a column the formula (or an option) names but the data
    /// lack: a "did you mean" for near matches (case, `.` vs `_`, up to two
    /// edits), then at most 20 of the available columns — a 5,000-column
    /// registry extract does not print a megabyte of names.
    func unknownColumnError(_ name: String) -> CohortError {
        let near = nearMatches(name)
        var message = "unknown column"
        if !near.isEmpty { message += " (did you mean " + near.map { "\"\($0)\"" }.joined(separator: " or ") + "?)" }
        let shown = names.prefix(Self.listedColumns).map { "\"\($0)\"" }.joined(separator: ", ")
        let more = names.count > Self.listedColumns ? " and \(names.count - Self.listedColumns) more (survkit describe lists them all)" : ""
        message += "; available columns: \(shown)\(more)"
        return CohortError(.unknownColumn, file: fileName, column: name, message: message)
    }

    /// The column equal to `name` ignoring case and `.`/`-`/`_`, or else the columns within two
    /// edits of it (one for short names), closest first (at most 3).
    func nearMatches(_ name: String) -> [String] {
        func folded(_ s: String) -> String { String(s.lowercased().map { $0 == "." || $0 == "-" ? "_" : $0 }) }
        let target = folded(name)
        var scored: [(name: String, distance: Int)] = []
        for candidate in names where candidate != name {
            let f = folded(candidate)
            if f == target {
                scored.append((candidate, 0))
                continue
            }
            let limit = target.count <= 3 ? 1 : 2
            if let d = Self.editDistance(Array(target), Array(f), limit: limit) { scored.append((candidate, d)) }
        }
        // A match up to case and separators is the answer; otherwise the closest few.
        if scored.contains(where: { $0.distance == 0 }) { return scored.filter { $0.distance == 0 }.map(\.name) }
        return scored.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
            .prefix(3).map(\.name)
    }

    /// Levenshtein distance when at most `limit`, else `nil`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            var best = current[0]
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                best = Swift.min(best, current[j])
            }
            if best > limit { return nil }
            previous = current
        }
        let d = a.isEmpty ? b.count : previous[b.count]
        return d <= limit ? d : nil
    }
}
