/// Which display formats of Stata, SPSS and SAS mark a number as a calendar
/// date, and how that number becomes days since 1970-01-01 (R's `Date`).
///
/// The stored number counts from the format family's epoch, as haven's
/// `read_dta`/`read_sav`/`read_sas` decode it: Stata `%td` (and the old `%d`)
/// and SAS date formats (`DATE9.`, `MMDDYY10.`, `YYMMDD10.`, `E8601DA.` ...)
/// count days since 1960-01-01; SPSS date formats (`DATE`, `ADATE`, `EDATE`,
/// `SDATE`, `JDATE`) count seconds since 1582-10-14. Datetime and time
/// formats (`%tc`, `DATETIME`, `TIME`) are not dates and are left numeric.
enum StatisticalDateFormat {
    /// Days from 1960-01-01 to 1970-01-01.
    static let days1960 = 3653.0
    /// Days from 1582-10-14 to 1970-01-01.
    static let days1582 = 141_428.0

    /// SAS date formats (without width and decimals), as listed by haven's
    /// `read_sas` and the SAS documentation of date formats.
    static let sasDateFormats: Set<String> = [
        "DATE", "DAY", "DDMMYY", "DDMMYYB", "DDMMYYC", "DDMMYYD", "DDMMYYN", "DDMMYYP", "DDMMYYS",
        "DOWNAME", "E8601DA", "B8601DA", "IS8601DA", "JULDAY", "JULIAN", "MMDDYY", "MMDDYYB", "MMDDYYC",
        "MMDDYYD", "MMDDYYN", "MMDDYYP", "MMDDYYS", "MMYY", "MMYYC", "MMYYD", "MMYYN", "MMYYP", "MMYYS",
        "MONNAME", "MONTH", "MONYY", "NENGO", "QTR", "QTRR", "WEEKDATE", "WEEKDATX", "WEEKDAY",
        "WORDDATE", "WORDDATX", "YEAR", "YYMM", "YYMMC", "YYMMD", "YYMMN", "YYMMP", "YYMMS", "YYMMDD",
        "YYMMDDB", "YYMMDDC", "YYMMDDD", "YYMMDDN", "YYMMDDP", "YYMMDDS", "YYMON", "YYQ", "YYQC",
        "YYQD", "YYQN", "YYQP", "YYQS", "YYQR", "YYQRC", "YYQRD", "YYQRN", "YYQRP", "YYQRS",
        "NLDATE", "NLDATEW", "MINGUO",
    ]
    /// SPSS date formats (seconds since 1582-10-14, whole days).
    static let spssDateFormats: Set<String> = ["DATE", "ADATE", "EDATE", "SDATE", "JDATE"]

    /// The day-number conversion for a variable shown with `format` in a file
    /// of `file` format; `nil` when the format is not a date format.
    static func dayNumber(format: String, in file: InputDescription.Format) -> ((Double) -> Double)? {
        switch file {
        case .dta:
            // %td, %-td, %tdCCYY-NN-DD, ... and the pre-Stata-10 %d.
            var f = Substring(format.lowercased())
            guard f.hasPrefix("%") else { return nil }
            f = f.dropFirst().drop { $0 == "-" }
            guard f.hasPrefix("td") || (f.hasPrefix("d") && !f.hasPrefix("dt")) else { return nil }
            return { ($0 - days1960).rounded(.down) }
        case .sav:
            guard spssDateFormats.contains(stem(format)) else { return nil }
            return { ($0 / 86_400 - days1582).rounded(.down) }
        case .sas7bdat, .xpt:
            guard sasDateFormats.contains(stem(format)) else { return nil }
            return { ($0 - days1960).rounded(.down) }
        case .csv, .postgres:
            return nil
        }
    }

    /// The format's name without width and decimals: `DATE9.` → `DATE`,
    /// `E8601DA10.` → `E8601DA`, `ADATE10` → `ADATE`.
    static func stem(_ format: String) -> String {
        var name = Substring(format.uppercased())
        while let last = name.last, last.isNumber || last == "." { name = name.dropLast() }
        return String(name)
    }
}
