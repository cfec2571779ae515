import Testing
@testable import CohortData

@Suite("CSV errors name file, line and column")
struct CSVReaderErrorTests {
    @Test func raggedRowNamesLineAndFirstAbsentColumn() {
        let error = cohortError { try cohort("a,b,c\n1,2,3\n4,5\n", file: "lung.csv") }
        #expect(error?.kind == .raggedRow)
        #expect(error?.line == 3)
        #expect(error?.description == "lung.csv: line 3, column \"c\" (3): expected 3 fields, found 2")
    }

    @Test func rowWithTooManyFieldsIsAnError() {
        let error = cohortError { try cohort("a,b\n1,2\n3,4,5,6\n") }
        #expect(error?.kind == .raggedRow)
        #expect(error?.description == "test.csv: line 3: expected 2 fields, found 4")
    }

    @Test func unterminatedQuoteNamesLineWhereQuoteOpens() {
        let error = cohortError { try cohort("a,b\n1,2\n3,\"open\n4,5\n") }
        #expect(error?.kind == .unterminatedQuote)
        #expect(error?.line == 3)
        #expect(error?.column == "b")
        #expect(error?.columnPosition == 2)
    }

    @Test func characterAfterClosingQuoteIsAnError() {
        let error = cohortError { try cohort("a,b\n1,\"x\"y\n") }
        #expect(error?.kind == .malformedQuote)
        #expect(error?.line == 2)
        #expect(error?.column == "b")
    }

    @Test func emptyFileIsAnError() {
        #expect(cohortError { try cohort("") }?.kind == .emptyFile)
        #expect(cohortError { try cohort("\u{FEFF}\n\n") }?.kind == .emptyFile)
    }

    @Test func duplicateHeaderNamesAreAnError() {
        let error = cohortError { try cohort("time,age,time\n1,2,3\n") }
        #expect(error?.kind == .duplicateHeader)
        #expect(error?.description == "test.csv: line 1, column \"time\" (3): duplicate column name (also column 1)")
    }

    @Test func missingFileIsAnIOError() {
        let error = cohortError { try CSVReader().read(path: "/nonexistent/file.csv") }
        #expect(error?.kind == .io)
        #expect(error?.file == "/nonexistent/file.csv")
    }

    @Test func raggedRowAfterMultilineFieldCountsPhysicalLines() {
        let error = cohortError { try cohort("a,b\n\"x\ny\",1\n2\n") }
        #expect(error?.line == 4)
    }
}
