import Testing
@testable import CohortData

@Suite("CSV dialect")
struct CSVReaderDialectTests {
    @Test func readsHeaderAndNumericColumns() throws {
        let c = try cohort("time,status\n5,1\n7.5,0\n")
        #expect(c.names == ["time", "status"])
        #expect(c.rowCount == 2)
        #expect(c.column(named: "time")?.numbers == [5, 7.5])
        #expect(c.column(named: "status")?.numbers == [1, 0])
    }

    @Test func semicolonAndTabDelimiters() throws {
        let semi = try cohort("a;b\n1;x\n2;y\n", CSVOptions(delimiter: .semicolon))
        #expect(semi.column(named: "a")?.numbers == [1, 2])
        #expect(semi.column(named: "b")?.levelsAndCodes?.0 == ["x", "y"])
        let tab = try cohort("a\tb\n1\t2\n", CSVOptions(delimiter: .tab))
        #expect(tab.column(named: "b")?.numbers == [2])
        #expect(CSVOptions.Delimiter(argument: ";") == .semicolon)
        #expect(CSVOptions.Delimiter(argument: "tab") == .tab)
    }

    @Test func quotedFieldsWithEscapedQuotesDelimitersAndNewlines() throws {
        let text = "id,note\n1,\"say \"\"hi\"\", ok\"\n2,\"two\nlines\"\n3,plain\n"
        let c = try cohort(text)
        #expect(c.rowCount == 3)
        let (levels, codes) = try #require(c.column(named: "note")?.levelsAndCodes)
        // Byte order: `p` < `s` < `t`.
        #expect(levels == ["plain", "say \"hi\", ok", "two\nlines"])
        #expect(codes == [1, 2, 0])
        // Row 3 starts on physical line 5 because row 2 spans lines 3-4.
        #expect(c.line(ofRow: 0) == 2)
        #expect(c.line(ofRow: 2) == 5)
    }

    @Test func quotedHeaderNamesAndQuotedNumbersAreNumeric() throws {
        let c = try cohort("\"time\",\"ph.ecog\"\n\"3\",1\n")
        #expect(c.names == ["time", "ph.ecog"])
        #expect(c.column(named: "time")?.numbers == [3])
    }

    @Test func utf8ByteOrderMarkIsSkipped() throws {
        let c = try cohort("\u{FEFF}time,status\n1,0\n")
        #expect(c.names == ["time", "status"])
    }

    @Test func crlfAndMissingFinalNewline() throws {
        let c = try cohort("a,b\r\n1,2\r\n3,4")
        #expect(c.column(named: "a")?.numbers == [1, 3])
        #expect(c.column(named: "b")?.numbers == [2, 4])
    }

    @Test func standardMissingTokensAreMissing() throws {
        let c = try cohort("x,y\n1,a\n,NA\nNA,.\n.,b\n\"\",b\n")
        let x = try #require(c.column(named: "x")?.numbers)
        #expect(x[0] == 1)
        #expect(x[1...].allSatisfy { $0.isNaN })
        let (levels, codes) = try #require(c.column(named: "y")?.levelsAndCodes)
        #expect(levels == ["a", "b"])
        #expect(codes == [0, -1, -1, 1, 1])
        #expect(c.column(named: "x")?.missingCount == 4)
    }

    @Test func userMissingTokensAreMissing() throws {
        let c = try cohort("x\n1\n-99\nunknown\n", CSVOptions(extraMissingTokens: ["-99", "unknown"]))
        let x = try #require(c.column(named: "x")?.numbers)
        #expect(x[0] == 1 && x[1].isNaN && x[2].isNaN)
    }

    @Test func isoDateColumnsBecomeDayNumbers() throws {
        let c = try cohort("entry,exit\n1970-01-01,1970-01-31\n2000-02-29,NA\n")
        guard case .date(let entry)? = c.column(named: "entry") else {
            Issue.record("entry is not a date column")
            return
        }
        // 1970-01-01 is day 0; 2000-02-29 is day 11016 (as.numeric(as.Date("2000-02-29")) in R).
        #expect(entry == [0, 11016])
        #expect(ISODate.format(dayNumber: 11016) == "2000-02-29")
    }

    @Test func invalidDateMakesTextColumn() throws {
        let c = try cohort("d\n2001-02-29\n2001-03-01\n")
        #expect(c.column(named: "d")?.levelsAndCodes?.0 == ["2001-02-29", "2001-03-01"])
    }

    @Test func mixedNumbersAndTextMakeTextColumn() throws {
        let c = try cohort("g\n10\n9\nabc\n")
        let (levels, _) = try #require(c.column(named: "g")?.levelsAndCodes)
        // Byte order, as R in the C locale: "10" < "9" < "abc".
        #expect(levels == ["10", "9", "abc"])
    }

    @Test func textLevelsSortInByteOrder() throws {
        let c = try cohort("g\nautosomal\nX-linked\nb\nB\n")
        // sort(c("X-linked","autosomal","b","B"), method = "radix") in R (C locale).
        #expect(c.column(named: "g")?.levelsAndCodes?.0 == ["B", "X-linked", "autosomal", "b"])
    }

    @Test func trueFalseColumnsStayText() throws {
        let c = try cohort("dead\nTRUE\nFALSE\n")
        #expect(c.column(named: "dead")?.levelsAndCodes?.0 == ["FALSE", "TRUE"])
    }

    @Test func blanksAroundUnquotedNumbersAreIgnored() throws {
        let c = try cohort("a,b\n 1 , 2\n")
        #expect(c.column(named: "a")?.numbers == [1])
        #expect(c.column(named: "b")?.numbers == [2])
    }

    @Test func emptyLinesAreSkippedAndLinesStayPhysical() throws {
        let c = try cohort("a\n1\n\n2\n\n")
        #expect(c.column(named: "a")?.numbers == [1, 2])
        #expect(c.line(ofRow: 1) == 4)
    }

    @Test func headerOnlyGivesZeroRows() throws {
        let c = try cohort("a,b\n")
        #expect(c.rowCount == 0)
        #expect(c.names == ["a", "b"])
    }

    @Test func emptyHeaderNameBecomesXAsReadCSV() throws {
        let c = try cohort("\"\",time\n1,5\n")
        #expect(c.names == ["X", "time"])
    }

    @Test func exponentsInfinityAndLongMantissasParse() throws {
        let c = try cohort("x\n1e3\n-2.5E-2\nInf\n0.1000000000000000055511151231257827\n")
        let x = try #require(c.column(named: "x")?.numbers)
        #expect(x == [1000, -0.025, .infinity, 0.1])
    }

    @Test func readsFromPathAndAddsDuration() throws {
        let c = try CSVReader().read(path: datasetPath("lung.csv"))
        #expect(c.fileName.hasSuffix("lung.csv"))
        let dates = try cohort("start,end\n2020-01-01,2021-01-01\n2020-01-01,NA\n")
        let years = try dates.addingDuration(name: "fu", from: "start", to: "end", unit: .years)
        let fu = try #require(years.column(named: "fu")?.numbers)
        // 366 days (2020 is a leap year) / 365.25.
        #expect(fu[0] == 366 / 365.25)
        #expect(fu[1].isNaN)
        let months = try dates.addingDuration(name: "m", from: "start", to: "end", unit: .months)
        #expect(months.column(named: "m")?.numbers?[0] == 366 / 30.4375)
    }
}

@Suite("ISO dates")
struct ISODateTests {
    @Test func dayNumbersMatchRDates() {
        // as.numeric(as.Date(c("1900-03-01","2000-02-29","2024-12-31","1600-01-01"))) in R.
        let expected = ["1900-03-01": -25508, "2000-02-29": 11016, "2024-12-31": 20088, "1600-01-01": -135140]
        for (text, day) in expected {
            #expect(ISODate.parse(text) == day, "\(text)")
            #expect(ISODate.format(dayNumber: day) == text)
        }
        #expect(ISODate.parse("1900-02-29") == nil)  // 1900 is not a leap year
        #expect(ISODate.parse("2020-13-01") == nil)
        #expect(ISODate.parse("2020-1-01") == nil)
    }
}
