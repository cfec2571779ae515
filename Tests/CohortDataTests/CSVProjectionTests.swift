import Testing
@testable import CohortData

@Suite("CSV column projection reads only the named columns, as a full read would")
struct CSVProjectionTests {

    /// A projected read of `file` gives exactly the full read's columns of those names, in file order.
    private func expectSameAsFullRead(_ file: String, _ wanted: Set<String>) throws {
        let path = datasetPath(file)
        let full = try CSVReader().read(path: path)
        let projected = try CSVReader(options: CSVOptions(columns: wanted)).read(path: path)
        let expectedNames = full.names.filter { wanted.contains($0) }
        #expect(projected.names == expectedNames)
        #expect(projected.rowCount == full.rowCount)
        for name in expectedNames { #expect(identicalColumns(projected.column(named: name), full.column(named: name)), "\(name)") }
        for row in [0, full.rowCount / 2, full.rowCount - 1] { #expect(projected.line(ofRow: row) == full.line(ofRow: row)) }
        #expect(projected.headerNames == full.names)
        for name in expectedNames { #expect(projected.position(of: name) == full.position(of: name)) }
    }

    @Test func lungProjectionMatchesFullRead() throws {
        try expectSameAsFullRead("lung.csv", ["time", "status", "age", "ph.ecog", "wt.loss"])
        try expectSameAsFullRead("lung.csv", ["sex"])
    }

    @Test func sarcomaProjectionMatchesFullRead() throws {
        // Numbers, text (categorical) and date columns.
        try expectSameAsFullRead(
            "sarcoma_patients.csv", ["os_years", "os_status", "age", "sex", "site", "grade", "surgery_date", "death_cause"])
    }

    @Test func noProjectionAndFullProjectionAreTheDefaultRead() throws {
        let text = "a,b,c\n1,x,2020-01-02\n"
        let all = try cohort(text, CSVOptions(columns: ["a", "b", "c"]))
        #expect(all.names == ["a", "b", "c"])
        #expect(all.headerNames == ["a", "b", "c"])
        #expect(all.position(of: "c") == 3)
    }

    @Test func errorsKeepFilePositions() throws {
        let path = datasetPath("lung.csv")
        let projected = try CSVReader(options: CSVOptions(columns: ["time", "status", "age"])).read(path: path)
        #expect(projected.index(of: "age") == 2)
        #expect(projected.position(of: "age") == 4)
        let error = projected.error(.invalidValue, row: 0, column: "age", "bad")
        #expect(error.columnPosition == 4)
        #expect(error.description.contains("column \"age\" (4)"))
        #expect(projected.origin.location(ofRow: 0, column: "age") == "line 2, column \"age\" (4)")
        // A column added later comes after the file's columns, as in a full read.
        var derived = projected
        try derived.setColumn(.numeric(Array(repeating: 1, count: projected.rowCount)), named: "one")
        #expect(derived.position(of: "one") == 11)
        #expect(derived.headerNames.last == "one")
    }

    @Test func readerErrorsInProjectedColumnsNameFilePositions() {
        let error = cohortError { try cohort("a,b,c\n1,2,3\n4,5,\"x\"y\n", CSVOptions(columns: ["c"])) }
        #expect(error?.kind == .malformedQuote)
        #expect(error?.column == "c")
        #expect(error?.columnPosition == 3)
    }

    @Test func raggedRowsAreFoundInColumnsNotRead() {
        let short = cohortError { try cohort("a,b,c\n1,2,3\n4,5\n", CSVOptions(columns: ["a"]), file: "lung.csv") }
        #expect(short?.description == "lung.csv: line 3, column \"c\" (3): expected 3 fields, found 2")
        let long = cohortError { try cohort("a,b\n1,2\n3,4,5,6\n", CSVOptions(columns: ["a"])) }
        #expect(long?.description == "test.csv: line 3: expected 2 fields, found 4")
        let quote = cohortError { try cohort("a,b\n1,2\n3,\"open\n4,5\n", CSVOptions(columns: ["a"])) }
        #expect(quote?.kind == .unterminatedQuote)
        #expect(quote?.columnPosition == 2)
    }

    @Test func unknownProjectedNameIsLeftOutAndOfferedOverTheWholeHeader() throws {
        let path = datasetPath("lung.csv")
        let projected = try CSVReader(options: CSVOptions(columns: ["time", "status", "ph_ecog"])).read(path: path)
        #expect(projected.names == ["time", "status"])
        let full = try CSVReader().read(path: path)
        let error = projected.unknownColumnError("ph_ecog")
        #expect(error.description == full.unknownColumnError("ph_ecog").description)
        #expect(error.description.contains("did you mean \"ph.ecog\"?"))
        #expect(error.description.contains("\"meal.cal\", \"wt.loss\""))
    }
}
