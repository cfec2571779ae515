/// How dates are written in a file (`--date-format`): a strftime-style
/// pattern such as `%d/%m/%Y`, or `excel` serial day numbers.
///
/// A text column whose every non-missing value matches the pattern is read
/// as a date column (day numbers since 1970-01-01, as R's `Date`); ISO
/// `YYYY-MM-DD` columns are recognised as well. `excel` dates are numbers in
/// the file (the 1900 date system: serial 1 is 1900-01-01, with Excel's
/// phantom 1900-02-29 = 60, so from 1900-03-01 on the serial is days since
/// 1899-12-30 and 25569 is 1970-01-01); they stay numeric columns and are read
/// as dates where a command uses dates (`Cohort.addingDuration`).
public enum DateFormat: Sendable, Equatable, CustomStringConvertible {
    case pattern(DatePattern)
    case excel

    /// The serial day number of 1970-01-01 in Excel's 1900 date system.
    public static let excelSerialOfUnixEpoch = 25569.0

    /// Parses `excel` or a pattern (see `DatePattern`); `nil` when neither.
    public init?(argument: String) {
        if argument.lowercased() == "excel" {
            self = .excel
        } else if let pattern = DatePattern(argument) {
            self = .pattern(pattern)
        } else {
            return nil
        }
    }

    /// `excel` or the pattern as given (JSON `input.date_format`).
    public var description: String {
        switch self {
        case .excel: return "excel"
        case .pattern(let p): return p.text
        }
    }

    /// The day number (days since 1970-01-01) of an Excel serial day, `nil`
    /// when it is not finite or before serial 1 (1900-01-01). Fractions (times
    /// of day) are kept.
    public static func dayNumber(excelSerial serial: Double) -> Double? {
        guard serial.isFinite, serial >= 1 else { return nil }
        return serial - excelSerialOfUnixEpoch
    }
}

/// A strftime-style date pattern: `%d` (day, 1 or 2 digits), `%m` (month, 1
/// or 2 digits), `%Y` (year, 4 digits), `%y` (year, 2 digits: 00–68 are
/// 2000–2068, 69–99 are 1969–1999, as R's `strptime`), `%%` (a percent sign);
/// every other character must appear literally. Day, month and year must
/// each appear exactly once. Examples: `%d/%m/%Y`, `%m/%d/%Y`, `%d.%m.%Y`,
/// `%Y-%m-%d`, `%d-%m-%y`.
public struct DatePattern: Sendable, Equatable {
    /// The pattern as given.
    public let text: String
    let pieces: [Piece]

    enum Piece: Equatable {
        case day, month, year4, year2
        case literal(UInt8)
    }

    /// The outcome of matching one field.
    enum Match: Equatable {
        /// A valid calendar date: its day number.
        case date(Int)
        /// The field has the pattern's shape but is no calendar date (`31/02/2020`): why.
        case invalid(String)
        /// The field does not have the pattern's shape.
        case noMatch
    }

    /// `nil` unless the pattern is well formed and has one day, one month and one year.
    public init?(_ text: String) {
        var pieces: [Piece] = []
        let bytes = Array(text.utf8)
        var k = 0
        while k < bytes.count {
            if bytes[k] != UInt8(ascii: "%") {
                pieces.append(.literal(bytes[k]))
                k += 1
                continue
            }
            guard k + 1 < bytes.count else { return nil }
            switch bytes[k + 1] {
            case UInt8(ascii: "d"): pieces.append(.day)
            case UInt8(ascii: "m"): pieces.append(.month)
            case UInt8(ascii: "Y"): pieces.append(.year4)
            case UInt8(ascii: "y"): pieces.append(.year2)
            case UInt8(ascii: "%"): pieces.append(.literal(UInt8(ascii: "%")))
            default: return nil
            }
            k += 2
        }
        let days = pieces.filter { $0 == .day }.count
        let months = pieces.filter { $0 == .month }.count
        let years = pieces.filter { $0 == .year4 || $0 == .year2 }.count
        guard days == 1, months == 1, years == 1 else { return nil }
        self.text = text
        self.pieces = pieces
    }

    /// Matches bytes `[start, end)` (already trimmed) against the pattern.
    func match(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Match {
        var i = start
        var day = 0, month = 0, year = 0
        /// Reads between `minimum` and `maximum` digits.
        func digits(_ minimum: Int, _ maximum: Int) -> Int? {
            var value = 0
            var n = 0
            while n < maximum && i < end {
                let d = base[i] &- UInt8(ascii: "0")
                if d > 9 { break }
                value = value * 10 + Int(d)
                i += 1
                n += 1
            }
            return n >= minimum ? value : nil
        }
        for piece in pieces {
            switch piece {
            case .literal(let byte):
                guard i < end, base[i] == byte else { return .noMatch }
                i += 1
            case .day:
                guard let v = digits(1, 2) else { return .noMatch }
                day = v
            case .month:
                guard let v = digits(1, 2) else { return .noMatch }
                month = v
            case .year4:
                guard let v = digits(4, 4) else { return .noMatch }
                year = v
            case .year2:
                guard let v = digits(2, 2) else { return .noMatch }
                year = v < 69 ? 2000 + v : 1900 + v
            }
        }
        if i != end { return .noMatch }
        if let d = ISODate.dayNumber(year: year, month: month, day: day) { return .date(d) }
        if !(1...12).contains(month) { return .invalid("there is no month \(month)") }
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return .invalid("\(names[month - 1]) \(year) has \(ISODate.daysIn(month: month, year: year)) days")
    }

    /// The day number of `text`, `nil` when it does not match or is no calendar date.
    public func dayNumber(_ text: String) -> Int? {
        if case .date(let d) = match(text) { return d }
        return nil
    }

    /// Matches a whole string.
    func match(_ text: String) -> Match {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b -> Match in
            guard let base = b.baseAddress else { return .noMatch }
            return match(base, 0, b.count)
        }
    }

    /// 31 December 2020 written with the pattern, for messages (`31/12/2020`).
    public var example: String {
        var out: [UInt8] = []
        for piece in pieces {
            switch piece {
            case .literal(let byte): out.append(byte)
            case .day: out += Array("31".utf8)
            case .month: out += Array("12".utf8)
            case .year4: out += Array("2020".utf8)
            case .year2: out += Array("20".utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
