/// Reads Stata `.dta`, SPSS `.sav`/`.zsav` and SAS `.sas7bdat`/`.xpt` files
/// into a `Cohort`, through the ReadStat C library (the library R's haven
/// uses), so that a file gives the same columns as the CSV that holds the
/// same data:
///
/// - numeric variables → `Column.numeric`; every kind of missing value is
///   `NaN`: system missing, Stata's extended missing `.a`–`.z`, SAS special
///   missing `.A`–`.Z` and `._`, SPSS user-missing values and ranges;
/// - text variables → `Column.categorical`, levels in byte order as the CSV
///   reader sorts them, `""` missing (R's `NA_character_` is stored as `""`);
/// - variables with value labels (Stata, SPSS), with `ValueLabelMode.labels`
///   → categorical whose levels are the labels (haven's `as_factor()`, except
///   that the levels are in byte order and a value without a label keeps its
///   code as text, `3` or `2.5`), with `.codes` → the numbers;
/// - date formats (Stata `%td`, SPSS `DATE`/`ADATE`/`EDATE`/`SDATE`/`JDATE`,
///   SAS `DATE9.`, `MMDDYY10.`, `YYMMDD10.` ...) → `Column.date`, days since
///   1970-01-01 (see `StatisticalDateFormat`), unless a day number is beyond
///   ±1e8 (a damaged file: the variable stays numeric); datetime and time formats stay
///   numeric, in the file's own units.
///
/// Variable labels go to `Cohort.variableLabels`, the format to
/// `Cohort.input`. SAS value labels live in a separate `.sas7bcat` catalogue,
/// which is not read: SAS variables come out as numbers or text.
public struct StatisticalFileReader: Sendable {
    /// What to make of variables with value labels.
    public var valueLabels: ValueLabelMode

    /// A reader that turns value-labelled variables into categorical
    /// columns of their labels (`.labels`, the default) or keeps their codes.
    public init(valueLabels: ValueLabelMode = .labels) {
        self.valueLabels = valueLabels
    }

    /// Reads the file at `path`; the format comes from the extension
    /// (`InputDescription.Format(path:)`).
    ///
    /// - Throws: `CohortError` naming the file: `.io` when it cannot be
    ///   opened or read, `.invalidValue` when the extension is not a
    ///   statistical format or the content is not a valid file of that
    ///   format (with ReadStat's error code and message).
    public func read(path: String) throws -> Cohort {
        guard let format = InputDescription.Format(path: path) else {
            throw CohortError(
                .invalidValue, file: path,
                message: "expected a .dta, .sav, .zsav, .sas7bdat or .xpt file name")
        }
        return try read(path: path, format: format)
    }

    /// Reads the file at `path` as `format`, whatever its name.
    public func read(path: String, format: InputDescription.Format) throws -> Cohort {
        guard format.isStatisticalFile else {
            throw CohortError(.invalidValue, file: path, message: "StatisticalFileReader does not read CSV; use CSVReader")
        }
        let parse = try ReadStatParse.run(path: path, format: format)
        let rowCount = parse.variables.first?.count ?? 0
        var columns: [(name: String, column: Column)] = []
        var labels: [String: String] = [:]
        for variable in parse.variables {
            guard variable.count == rowCount else {
                throw CohortError(
                    .raggedRow, file: path, column: variable.name, columnPosition: columns.count + 1,
                    message: "variable has \(variable.count) values, expected \(rowCount); the file may be truncated")
            }
            let set = variable.labelSet.flatMap { parse.labelSets[$0] }
            columns.append((variable.name, column(variable, labels: set, format: format)))
            if let label = variable.label { labels[variable.name] = label }
        }
        var cohort = try Cohort(fileName: path, columns: columns)
        cohort.input = InputDescription(format: format)
        cohort.variableLabels = labels
        cohort.locatesRowsByNumber = true
        return cohort
    }

    /// The column of one variable.
    func column(_ variable: StatisticalVariable, labels: ValueLabelSet?, format: InputDescription.Format) -> Column {
        switch variable.values {
        case .text(let codes, let levels, _):
            guard valueLabels == .labels, let labels, !labels.text.isEmpty else {
                return CSVParse.sortedCategorical(codes: codes, levels: levels)
            }
            return Self.categorical(codes.map { $0 < 0 ? nil : levels[Int($0)] }) { labels.text[$0] ?? $0 }
        case .numbers(let values):
            if valueLabels == .labels, let labels,
                labels.numbers.keys.contains(where: { !variable.isUserMissing($0) })
            {
                return Self.categorical(values.map { $0.isNaN ? nil : $0 }) {
                    labels.numbers[$0] ?? NumberFormatting.label($0)
                }
            }
            if let day = StatisticalDateFormat.dayNumber(format: variable.format, in: format) {
                let days = values.map { $0.isNaN ? .nan : day($0) }
                // A day number too large for a date (a damaged file; found by fuzzing) keeps the
                // variable numeric: dates are shown through Int day numbers, which would trap.
                if days.allSatisfy({ $0.isNaN || abs($0) <= Self.largestDayNumber }) { return .date(days) }
            }
            return .numeric(values)
        }
    }

    /// The largest day number (either side of 1970-01-01, about 273,000 years) a date variable
    /// may hold; a variable with a larger one stays numeric.
    static let largestDayNumber = 100_000_000.0

    /// A categorical column of `values` (nil = missing) shown as `text`, levels in byte order.
    static func categorical<Value: Hashable>(_ values: [Value?], text: (Value) -> String) -> Column {
        var levelOf: [Value: Int32] = [:]
        var levelIndex: [String: Int32] = [:]
        var levels: [String] = []
        let codes = values.map { value -> Int32 in
            guard let value else { return -1 }
            if let code = levelOf[value] { return code }
            let label = text(value)
            let code: Int32
            if let existing = levelIndex[label] {
                code = existing
            } else {
                code = Int32(levels.count)
                levelIndex[label] = code
                levels.append(label)
            }
            levelOf[value] = code
            return code
        }
        return CSVParse.sortedCategorical(codes: codes, levels: levels)
    }
}
