/// "Did you mean": the names close to a misspelt one, for messages about
/// unknown columns and unknown analysis-file keys.
public enum NearMatch {
    /// The candidate equal to `name` ignoring case and `.`/`-`/`_`, or else
    /// the candidates within two edits of it (one for names of up to three
    /// characters), closest first, at most 3.
    public static func matches(_ name: String, among candidates: [String]) -> [String] {
        func folded(_ s: String) -> String { String(s.lowercased().map { $0 == "." || $0 == "-" ? "_" : $0 }) }
        let target = folded(name)
        var scored: [(name: String, distance: Int)] = []
        for candidate in candidates where candidate != name {
            let f = folded(candidate)
            if f == target {
                scored.append((candidate, 0))
                continue
            }
            let limit = target.count <= 3 ? 1 : 2
            if let d = editDistance(Array(target), Array(f), limit: limit) { scored.append((candidate, d)) }
        }
        // A match up to case and separators is the answer; otherwise the closest few.
        if scored.contains(where: { $0.distance == 0 }) { return scored.filter { $0.distance == 0 }.map(\.name) }
        return scored.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
            .prefix(3).map(\.name)
    }

    /// ` (did you mean "a" or "b"?)`, or empty.
    public static func suggestion(_ name: String, among candidates: [String]) -> String {
        let near = matches(name, among: candidates)
        guard !near.isEmpty else { return "" }
        return " (did you mean " + near.map { "\"\($0)\"" }.joined(separator: " or ") + "?)"
    }

    /// Levenshtein distance when at most `limit`, else `nil` (rows stop early past the limit).
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
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
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
