/// One variable of a Stata, SPSS or SAS file as ReadStat delivers it, before
/// it becomes a `Column`: its metadata and its values, every kind of missing
/// value already folded into one.
struct StatisticalVariable {
    /// The values: numbers with `NaN` for system, tagged (Stata `.a`–`.z`,
    /// SAS `.A`–`.Z`, `._`) and SPSS user-declared missing values; or text as
    /// codes into `levels` in order of first appearance, `-1` for `""`.
    enum Values {
        case numbers([Double])
        case text(codes: [Int32], levels: [String], index: [String: Int32])
    }

    var name: String
    /// The variable label, `nil` when absent or empty.
    var label: String?
    /// The display format (`%td`, `F8.2`, `DATE9` ...), `""` when absent.
    var format: String
    /// The name of the value-label set (Stata, SPSS); for SAS files it is a
    /// format name, which never matches a label set.
    var labelSet: String?
    /// SPSS user-missing ranges (`lo == hi` for single values); numbers only.
    var missingRanges: [ClosedRange<Double>]
    var values: Values

    var count: Int {
        switch values {
        case .numbers(let v): return v.count
        case .text(let codes, _, _): return codes.count
        }
    }

    /// Whether `x` lies in one of the variable's user-missing ranges.
    func isUserMissing(_ x: Double) -> Bool {
        missingRanges.contains { $0.contains(x) }
    }

    mutating func append(number: Double) {
        guard case .numbers(var v) = values else { return }
        values = .numbers([])
        v.append(number)
        values = .numbers(v)
    }

    mutating func append(text: String) {
        guard case .text(var codes, var levels, var index) = values else { return }
        values = .numbers([])
        if text.isEmpty {
            codes.append(-1)
        } else if let code = index[text] {
            codes.append(code)
        } else {
            let code = Int32(levels.count)
            index[text] = code
            levels.append(text)
            codes.append(code)
        }
        values = .text(codes: codes, levels: levels, index: index)
    }
}

/// The value labels of one label set: numeric keys and (SPSS) text keys.
/// Labels of missing values (Stata `.a`, SAS `.A`) are not kept.
struct ValueLabelSet {
    var numbers: [Double: String] = [:]
    var text: [String: String] = [:]
}
