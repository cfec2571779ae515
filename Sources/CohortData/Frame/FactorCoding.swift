import SurvivalNumerics

/// A variable as categorical codes over the used rows, with level labels in
/// model order: the distinct values present, sorted in byte order, or
/// numerically when every level is a number (as R's `factor` of numbers),
/// then the reference level (if any) moved first, as R's `relevel`.
///
/// Levels not present among the used rows are dropped (R would keep an
/// unused level of `factor(x)` and give it an all-zero column and an `NA`
/// coefficient; we leave it out instead).
struct FactorCoding {
    /// Code per used row, `0..<labels.count`.
    var codes: [Int]
    /// Level labels (`1`, `male`, `2020-01-31`).
    var labels: [String]

    /// From a column restricted to `rows` (which must have no missing values there).
    init(column: Column, rows: [Int]) {
        switch column {
        case .numeric(let values), .date(let values):
            let isDate: Bool = { if case .date = column { return true } else { return false } }()
            let (dense, distinct) = RadixOrder.denseCodes(rows.map { values[$0] })
            codes = dense
            labels = distinct.map { isDate ? ISODate.format(dayNumber: Int($0)) : NumberFormatting.label($0) }
        case .categorical(let rawCodes, let levels):
            var present = [Bool](repeating: false, count: levels.count)
            for r in rows { present[Int(rawCodes[r])] = true }
            let kept = Self.levelOrder(levels, present: present)
            var newCode = [Int](repeating: -1, count: levels.count)
            for (k, old) in kept.enumerated() { newCode[old] = k }
            codes = rows.map { newCode[Int(rawCodes[$0])] }
            labels = kept.map { levels[$0] }
        }
    }

    /// The present levels (indices into `levels`) in model order: as stored
    /// (the reader's byte order), or numerically when every one is a number.
    static func levelOrder(_ levels: [String], present: [Bool]) -> [Int] {
        let kept = levels.indices.filter { present[$0] }
        let parser = NumberParser()
        let numbers = kept.map { parser.parse(levels[$0]) }
        guard !kept.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return kept }
        return kept.indices.sorted { (numbers[$0] ?? 0) < (numbers[$1] ?? 0) }.map { kept[$0] }
    }

    /// From a column restricted to `rows`, coded against the given `labels`
    /// (a training model's levels) instead of the levels present; `nil` codes
    /// mark values that are not among them.
    init(column: Column, rows: [Int], labels: [String]) {
        var index: [String: Int] = [:]
        for (k, label) in labels.enumerated() { index[label] = k }
        self.labels = labels
        codes = rows.map { row in
            switch column {
            case .numeric(let values): return index[NumberFormatting.label(values[row])] ?? -1
            case .date(let values): return index[ISODate.format(dayNumber: Int(values[row]))] ?? -1
            case .categorical(let raw, let levels): return raw[row] < 0 ? -1 : index[levels[Int(raw[row])]] ?? -1
            }
        }
    }

    /// Moves `reference` to the front; `false` if there is no such level.
    mutating func relevel(_ reference: String) -> Bool {
        guard let r = labels.firstIndex(of: reference) else { return false }
        if r == 0 { return true }
        var map = Array(labels.indices)
        for k in 0..<r { map[k] = k + 1 }
        map[r] = 0
        let old = labels
        for (k, label) in old.enumerated() { labels[map[k]] = label }
        codes = codes.map { map[$0] }
        return true
    }
}

extension Grouping {
    /// The observed combinations of several factors, ordered as R's
    /// `strata()` orders them: first variable slowest, each variable's levels
    /// in model order, unobserved combinations left out. Labels are
    /// `name=level` joined by `", "`.
    init(factors: [(name: String, coding: FactorCoding)], count: Int) {
        if factors.isEmpty {
            self = .single(count: count)
            return
        }
        // One factor whose every level is observed: its codes are the groups.
        if factors.count == 1, let only = factors.first {
            var seen = [Bool](repeating: false, count: only.coding.labels.count)
            for c in only.coding.codes where c >= 0 && c < seen.count { seen[c] = true }
            if only.coding.codes.count == count, !seen.contains(false) {
                self.init(codes: only.coding.codes, labels: only.coding.labels.map { "\(only.name)=\($0)" })
                return
            }
        }
        // Combine one factor at a time: key = previous dense key · radix + code,
        // then re-number the keys densely in sorted order. Sorting keeps the
        // combinations lexicographic (first variable slowest), and because
        // the previous key is dense (< count) the product stays below
        // count · radix, so it cannot overflow however many variables there are.
        var keys = [Int](repeating: 0, count: count)
        for factor in factors {
            let radix = max(factor.coding.labels.count, 1)
            let codes = factor.coding.codes
            for i in 0..<count { keys[i] = keys[i] * radix + codes[i] }
            keys = RadixOrder.denseRanks(keys)
        }
        // One representative row per group gives its label.
        let groups = (keys.max() ?? -1) + 1
        var representative = [Int](repeating: -1, count: groups)
        for i in 0..<count where representative[keys[i]] < 0 { representative[keys[i]] = i }
        let labels = representative.map { row in
            factors.map { "\($0.name)=\($0.coding.labels[$0.coding.codes[row]])" }.joined(separator: ", ")
        }
        self.init(codes: keys, labels: labels)
    }

}
