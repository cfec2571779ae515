extension JSONValue {
    /// The tree with every non-finite number (NaN, ±Inf) replaced by `null`,
    /// and the JSON paths where that happened (`$.coefficients[2].z`).
    ///
    /// Results are built never to hold non-finite numbers (absent values are
    /// `nil`); this is the last guard, so that no computation the models did
    /// not foresee can make the encoder fail or print `NaN`: JSON has no NaN.
    func replacingNonFinite(path: String = "$") -> (value: JSONValue, paths: [String]) {
        switch self {
        case .double(let x) where !x.isFinite:
            return (.null, [path])
        case .array(let items):
            var paths: [String] = []
            var out: [JSONValue] = []
            out.reserveCapacity(items.count)
            for (k, item) in items.enumerated() {
                if case .double(let x) = item {
                    // The common case, a long array of numbers: no recursion, no path string.
                    if x.isFinite { out.append(item) } else { out.append(.null); paths.append("\(path)[\(k)]") }
                    continue
                }
                let (value, inner) = item.replacingNonFinite(path: "\(path)[\(k)]")
                out.append(value)
                paths += inner
            }
            return paths.isEmpty ? (self, []) : (.array(out), paths)
        case .object(let entries):
            var paths: [String] = []
            var out = entries
            for key in entries.keys.sorted() {
                guard let entry = entries[key] else { continue }
                let (value, inner) = entry.replacingNonFinite(path: "\(path).\(key)")
                if !inner.isEmpty {
                    out[key] = value
                    paths += inner
                }
            }
            return paths.isEmpty ? (self, []) : (.object(out), paths)
        default:
            return (self, [])
        }
    }

    /// Adds `warning` to the top-level `warnings` array of an object (creating it).
    func addingWarning(_ warning: String) -> JSONValue {
        guard case .object(var entries) = self else { return self }
        var warnings: [JSONValue] = []
        if case .array(let existing)? = entries["warnings"] { warnings = existing }
        warnings.append(.string(warning))
        entries["warnings"] = .array(warnings)
        return .object(entries)
    }
}
