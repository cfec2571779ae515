/// ISO 8601 calendar dates `YYYY-MM-DD` ↔ day numbers (days since
/// 1970-01-01, as R's `Date`), proleptic Gregorian calendar.
///
/// The conversion is Howard Hinnant's `days_from_civil` algorithm
/// (<http://howardhinnant.github.io/date_algorithms.html>): shift the year to
/// start on 1 March so the leap day is last, then count whole 400-year eras,
/// years of the era and days of the year.
public enum ISODate {
    /// Day number of a valid calendar date; `nil` when month or day is out of range.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * m + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day number (inverse of `dayNumber`).
    public static func civil(fromDayNumber z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Formats a day number as `YYYY-MM-DD`.
    public static func format(dayNumber: Int) -> String {
        let (y, m, d) = civil(fromDayNumber: dayNumber)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses exactly `YYYY-MM-DD` from bytes `[start, end)`.
    @inline(__always)
    static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end - start == 10, base[start + 4] == UInt8(ascii: "-"), base[start + 7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for k in from..<(from + count) {
                let d = base[k] &- UInt8(ascii: "0")
                if d > 9 { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        guard let y = number(start, 4), let m = number(start + 5, 2), let d = number(start + 8, 2) else { return nil }
        return dayNumber(year: y, month: m, day: d)
    }

    /// Parses a `YYYY-MM-DD` string.
    public static func parse(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return nil }
            return parse(base, 0, b.count)
        }
    }
}
