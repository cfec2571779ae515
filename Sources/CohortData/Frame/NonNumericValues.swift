/// The values of a text column that are not numbers: how many values there
/// are, how many are numbers (with a decimal point, or with a decimal comma),
/// and the first few rows and tokens that are not — for the messages that keep
/// a number column with a stray token from silently becoming a factor
/// (`ModelFrameBuilder+ColumnUse.swift`) and for `survkit describe`.
struct NonNumericValues {
    var nonMissing = 0
    var numbers = 0
    /// Values that are numbers once a decimal comma is read as a point.
    var decimalCommaNumbers = 0
    var offending: [(row: Int, token: String)] = []
    var offendingCount = 0

    /// More than half of the values are numbers, with a decimal point or a decimal comma.
    var mostlyNumbers: Bool { nonMissing > 0 && 2 * (numbers + decimalCommaNumbers) > nonMissing }
    /// Most of the values that are not numbers are numbers with a decimal comma.
    var looksLikeDecimalComma: Bool { decimalCommaNumbers > 0 && 2 * decimalCommaNumbers >= offendingCount }

    /// Scans a categorical column's codes; keeps the first three offending rows.
    init(codes: [Int32], levels: [String]) {
        let parser = NumberParser()
        let isNumber = levels.map { parser.parse($0) != nil }
        let isDecimalComma = levels.map { level in
            level.contains(",") && !level.contains(".")
                && parser.parse(String(level.map { $0 == "," ? "." : $0 })) != nil
        }
        for (row, code) in codes.enumerated() where code >= 0 {
            nonMissing += 1
            let k = Int(code)
            if isNumber[k] {
                numbers += 1
                continue
            }
            offendingCount += 1
            if isDecimalComma[k] { decimalCommaNumbers += 1 }
            if offending.count < 3 { offending.append((row, levels[k])) }
        }
    }
}
