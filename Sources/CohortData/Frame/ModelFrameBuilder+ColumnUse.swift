/// How a formula may use a column, and the errors that keep a column from
/// silently changing meaning.
///
/// A CSV column holding one stray token (`unknown`, `#N/A`, `n/a`, `-`, a
/// decimal comma) among numbers is read as text. R's `read.csv` does the same
/// and `coxph` then fits the column as a factor with one coefficient per
/// distinct value — a silent change of meaning. Here a text column used where
/// a number is expected (a time, a status, a weight, an offset, an
/// arithmetic expression) is an error naming the offending lines; used as a
/// plain term it is an error too when most of its values are numbers, since
/// a factor was then almost certainly not meant (`factor(x)` says so on
/// purpose). A date column is never a number without `as.numeric(x)`: R's
/// `model.matrix` would enter it as days since 1970-01-01, which is never
/// what a time or covariate means.
extension ModelFrameBuilder {
    func nonNumericValues(codes: [Int32], levels: [String]) -> NonNumericValues {
        NonNumericValues(codes: codes, levels: levels)
    }

    /// The error for a text column used where numbers are expected (`what`:
    /// "a time", "a covariate", ...). Located at the first offending line;
    /// the message lists up to three and the ways out.
    func textColumnUsedAsNumber(_ name: String, codes: [Int32], levels: [String], as what: String) -> CohortError {
        let found = nonNumericValues(codes: codes, levels: levels)
        let listed = found.offending.map { "line \(cohort.line(ofRow: $0.row)) \"\($0.token)\"" }
            .joined(separator: ", ")
        let hidden = found.offendingCount - found.offending.count
        let more = hidden > 0 ? " and \(hidden) more" : ""
        var message = "\"\(name)\" is used as \(what), but \(found.offendingCount) of its \(found.nonMissing)"
            + " values \(found.offendingCount == 1 ? "is not a number" : "are not numbers"): \(listed)\(more)."
        if found.looksLikeDecimalComma {
            message += " They look like numbers with a decimal comma: read the file with --decimal ,"
        } else {
            let tokens = Array(Set(found.offending.map(\.token))).sorted()
            let options = tokens.map { "--na=\(Self.shellQuoted($0))" }.joined(separator: " ")
            message += " If \(tokens.count == 1 ? "it means a missing value" : "they mean missing values"), add \(options)"
        }
        if what == "a covariate" {
            message += "; to use \"\(name)\" as a categorical variable on purpose, write factor(\(FormulaExpression.variable(name).text))."
        } else {
            message += "."
        }
        let row = found.offending.first?.row
        return cohort.error(.notNumeric, row: row, column: name, message)
    }

    /// The error for a date column used as a number.
    func dateColumnUsedAsNumber(_ name: String, as what: String) -> CohortError {
        let shown = FormulaExpression.variable(name).text
        return cohort.error(
            .notNumeric, row: nil, column: name,
            "\"\(name)\" holds dates and is used as \(what): a date is not a number of days."
                + " For follow-up time derive it from two dates with --duration NAME=FROM:TO[:days|months|years];"
                + " for days since 1970-01-01 as R counts them, write as.numeric(\(shown)).")
    }

    /// The warning for a categorical term with very many levels (more than
    /// 50, or more than one level per 20 rows), usually a number or
    /// identifier column read as text by accident.
    func manyLevelsWarning(_ variable: Formula.Variable, levels: Int, rows: Int) -> String? {
        guard levels > 50 || levels * 20 > rows, levels > 2 else { return nil }
        return "\(variable.label) is categorical with \(levels) levels for \(rows) rows, one coefficient per level:"
            + " if it is a number or an identifier, check it with survkit describe"
    }

    /// `token` quoted for a shell when it is not a plain word.
    static func shellQuoted(_ token: String) -> String {
        let plain = !token.isEmpty && token.unicodeScalars.allSatisfy { c in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || "._-/+:".unicodeScalars.contains(c)
        }
        return plain ? token : "'" + token.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
