import Testing
@testable import CohortData

@Suite("Date formats: patterns, Excel serials, --duration")
struct DateFormatTests {
    func pattern(_ text: String) throws -> DatePattern {
        try #require(DatePattern(text), "\(text) should be a pattern")
    }

    @Test func patternsParseAndNeedDayMonthAndYear() throws {
        #expect(DateFormat(argument: "excel") == .excel)
        #expect(DateFormat(argument: "%d/%m/%Y")?.description == "%d/%m/%Y")
        for bad in ["%d/%m", "%d/%m/%Y/%d", "%q/%m/%Y", "%d/%m/%", "", "dd/mm/yyyy"] {
            #expect(DatePattern(bad) == nil, "\(bad)")
        }
        #expect(try pattern("%d.%m.%Y").example == "31.12.2020")
        #expect(try pattern("%Y%%%m%%%d").dayNumber("2020%01%02") == ISODate.parse("2020-01-02"))
    }

    @Test func patternsGiveRDayNumbers() throws {
        // as.numeric(as.Date("29/02/2000", "%d/%m/%Y")) is 11016 in R; 1900-03-01 is -25508.
        #expect(try pattern("%d/%m/%Y").dayNumber("29/02/2000") == 11016)
        #expect(try pattern("%m/%d/%Y").dayNumber("02/29/2000") == 11016)
        #expect(try pattern("%d.%m.%Y").dayNumber("1.3.1900") == -25508)
        #expect(try pattern("%Y-%m-%d").dayNumber("2000-02-29") == 11016)
        // %y as R's strptime: 00-68 are 20xx, 69-99 are 19xx.
        #expect(try pattern("%d-%m-%y").dayNumber("31-12-68") == ISODate.parse("2068-12-31"))
        #expect(try pattern("%d-%m-%y").dayNumber("01-01-69") == -365)
    }

    @Test func impossibleDatesAndOtherShapesDoNotMatch() throws {
        let dmy = try pattern("%d/%m/%Y")
        #expect(dmy.match("31/02/2020") == .invalid("February 2020 has 29 days"))
        #expect(dmy.match("29/02/2021") == .invalid("February 2021 has 28 days"))
        #expect(dmy.match("01/13/2020") == .invalid("there is no month 13"))
        #expect(dmy.match("00/01/2020") == .invalid("January 2020 has 31 days"))
        #expect(dmy.match("2020/01/01") == .noMatch)
        #expect(dmy.match("01/01/20") == .noMatch)
        #expect(dmy.match("01/01/2020 ") == .noMatch)
        #expect(dmy.match("001/01/2020") == .noMatch)
    }

    @Test func patternColumnsBecomeDatesAndISOStaysRecognised() throws {
        let options = CSVOptions(dateFormat: DateFormat(argument: "%d/%m/%Y"))
        let c = try cohort("entry,iso,note\n29/02/2000,2000-02-29,a\n1/3/1900,NA,01/01/2000\n,1970-01-01,b\n", options)
        guard case .date(let entry)? = c.column(named: "entry"), case .date(let iso)? = c.column(named: "iso") else {
            Issue.record("entry and iso should be date columns")
            return
        }
        #expect(entry[0] == 11016 && entry[1] == -25508 && entry[2].isNaN)
        #expect(iso[0] == 11016 && iso[1].isNaN && iso[2] == 0)
        // A column with other text stays text.
        #expect(c.column(named: "note")?.levelsAndCodes?.0 == ["01/01/2000", "a", "b"])
        // Without the pattern the same column is text.
        #expect(try cohort("entry\n29/02/2000\n").column(named: "entry")?.levelsAndCodes?.0 == ["29/02/2000"])
    }

    @Test func anImpossibleDateInADateColumnIsLocated() {
        let options = CSVOptions(dateFormat: DateFormat(argument: "%d/%m/%Y"))
        let error = cohortError { try cohort("id,entry\n1,30/01/2020\n2,31/02/2020\n3,NA\n", options) }
        #expect(error?.kind == .invalidValue)
        #expect(error?.description == "test.csv: line 3, column \"entry\" (2): \"31/02/2020\" is not a valid date "
            + "(February 2020 has 29 days); expected a date like 31/12/2020 (--date-format %d/%m/%Y)")
    }

    @Test func durationFromPatternDates() throws {
        let options = CSVOptions(dateFormat: DateFormat(argument: "%d.%m.%Y"))
        let c = try cohort("start,end\n01.01.2020,01.01.2021\n01.01.2020,NA\n", options)
        let fu = try #require(try c.addingDuration(name: "fu", from: "start", to: "end", unit: .years).column(named: "fu")?.numbers)
        #expect(fu[0] == 366 / 365.25)
        #expect(fu[1].isNaN)
    }

    @Test func excelSerialsInDuration() throws {
        // 25569 is 1970-01-01; 43831 is 2020-01-01 and 44197 2021-01-01 (366 days later).
        #expect(DateFormat.dayNumber(excelSerial: 25569) == 0)
        #expect(DateFormat.dayNumber(excelSerial: 61) == Double(ISODate.parse("1900-03-01") ?? 0))
        #expect(DateFormat.dayNumber(excelSerial: 0) == nil)
        let options = CSVOptions(dateFormat: .excel)
        let c = try cohort("start,end\n43831,44197\n43831,NA\n25569,25569.5\n", options)
        #expect(c.input.dateFormat == "excel")
        let days = try #require(try c.addingDuration(name: "fu", from: "start", to: "end").column(named: "fu")?.numbers)
        #expect(days[0] == 366 && days[1].isNaN && days[2] == 0.5)
        // ISO date columns still work with excel.
        let mixed = try cohort("start,end\n2020-01-01,44197\n", options)
        #expect(try mixed.addingDuration(name: "fu", from: "start", to: "end").column(named: "fu")?.numbers == [366])
        let bad = cohortError { try cohort("start,end\n43831,0\n", options).addingDuration(name: "fu", from: "start", to: "end") }
        #expect(bad?.description == "test.csv: line 2, column \"end\" (2): 0 is not an Excel serial day number "
            + "(--date-format excel): expected a number of days of at least 1, as 43831 for 2020-01-01")
    }

    @Test func numericColumnsWithoutExcelSayHow() {
        let error = cohortError { try cohort("start,end\n43831,44197\n").addingDuration(name: "fu", from: "start", to: "end") }
        #expect(error?.description == "test.csv: column \"start\" (1): expected a date column, found a numeric column; "
            + "if it holds Excel serial day numbers (43831 is 2020-01-01), add --date-format excel")
    }

    @Test func durationErrorsNameTheLineAndValue() {
        let iso = cohortError {
            try cohort("start,end\n2020-01-01,2021-01-01\n2020-01-01,2021/01/01\n").addingDuration(name: "fu", from: "start", to: "end")
        }
        #expect(iso?.description == "test.csv: line 3, column \"end\" (2): \"2021/01/01\" is not a valid date; expected a "
            + "date YYYY-MM-DD (or give the file's format, e.g. --date-format %d/%m/%Y)")
        let options = CSVOptions(dateFormat: DateFormat(argument: "%d/%m/%Y"))
        let unknown = cohortError {
            try cohort("start,end\n01/01/2020,unknown\n01/01/2020,31/12/2020\n", options).addingDuration(name: "fu", from: "start", to: "end")
        }
        #expect(unknown?.description == "test.csv: line 2, column \"end\" (2): \"unknown\" is not a valid date; expected a "
            + "date like 31/12/2020 (--date-format %d/%m/%Y); if \"unknown\" means missing, add --na unknown")
        // An impossible date in a column that also holds other text: located with the reason.
        let impossible = cohortError {
            try cohort("start,end\n01/01/2020,later\n01/01/2020,30/02/2020\n", options).addingDuration(name: "fu", from: "end", to: "start")
        }
        #expect(impossible?.line == 2)
        let impossible2 = cohortError {
            try cohort("start,end\n01/01/2020,30/02/2020\n01/01/2020,later\n", options).addingDuration(name: "fu", from: "start", to: "end")
        }
        #expect(impossible2?.description == "test.csv: line 2, column \"end\" (2): \"30/02/2020\" is not a valid date "
            + "(February 2020 has 29 days); expected a date like 31/12/2020 (--date-format %d/%m/%Y)")
    }
}
