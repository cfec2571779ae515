import Foundation
import SurvivalTestSupport
import Testing
@testable import CohortData

/// Stata, SPSS and SAS files read through ReadStat against what R's haven
/// reads back (Tests/Reference/statfiles.R writes the files and
/// `Tests/Fixtures/statfiles/<file>.json`), and against the CSV holding the
/// same data.
@Suite("Statistical files (ReadStat) against R haven")
struct StatisticalFileReaderTests {
    static let files = ["lung.dta", "lung.sav", "lung.zsav", "lung.xpt", "lung.sas7bdat"]
    /// haven's example files; iris.sas7bdat was written by SAS.
    static let foreignFiles = ["iris.dta", "iris.sav", "iris.sas7bdat"]

    static func path(_ file: String) -> String { Repository.url("Tests/Fixtures/statfiles/\(file)").path }

    @Test(arguments: files + foreignFiles, ValueLabelMode.allCases)
    func columnsMatchHaven(file: String, mode: ValueLabelMode) throws {
        let expected = try Repository.loadJSON("Tests/Fixtures/statfiles/\(file).json")
        let cohort = try StatisticalFileReader(valueLabels: mode).read(path: Self.path(file))
        let columns = try #require(expected[mode.rawValue] as? [[String: Any]])
        #expect(cohort.rowCount == expected["rows"] as? Int)
        #expect(cohort.names == columns.compactMap { $0["name"] as? String })
        #expect(cohort.input == InputDescription(format: InputDescription.Format(path: file) ?? .csv))
        for spec in columns {
            let name = try #require(spec["name"] as? String)
            let column = try #require(cohort.column(named: name), "\(name)")
            #expect(cohort.variableLabels[name] == spec["label"] as? String, "\(file) \(name) label")
            #expect(column.missingCount == spec["missing"] as? Int, "\(file) \(name) missing")
            switch (spec["type"] as? String, column) {
            case ("numeric", .numeric(let v)), ("date", .date(let v)):
                let sum = v.filter { !$0.isNaN }.reduce(0, +)
                let expected = spec["sum"] as? Double ?? .nan
                #expect(abs(sum - expected) <= 1e-10 * max(1, abs(expected)), "\(file) \(name) sum \(sum)")
            case ("categorical", .categorical(let codes, let levels)):
                #expect(levels == spec["levels"] as? [String], "\(file) \(name) levels")
                let counts = levels.indices.map { k in codes.reduce(0) { $0 + ($1 == Int32(k) ? 1 : 0) } }
                #expect(counts == spec["counts"] as? [Int], "\(file) \(name) counts")
            default:
                Issue.record("\(file) \(name): expected \(spec["type"] ?? "?"), read \(column.typeName)")
            }
        }
    }

    /// A labelled variable gives exactly the column of a CSV holding its labels.
    @Test(arguments: files)
    func labelsModeGivesTheColumnsOfTheEquivalentCSV(file: String) throws {
        let csv = try CSVReader().read(path: Self.path("lung.csv"))
        let cohort = try StatisticalFileReader().read(path: Self.path(file))
        #expect(cohort.names == csv.names)
        for name in csv.names {
            let a = try #require(cohort.column(named: name)), b = try #require(csv.column(named: name))
            #expect(Self.same(a, b), "\(file) \(name): \(a.typeName) vs CSV \(b.typeName)")
        }
    }

    /// Equal columns, NaN equal to NaN.
    static func same(_ a: Column, _ b: Column) -> Bool {
        switch (a, b) {
        case (.numeric(let x), .numeric(let y)), (.date(let x), .date(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        case (.categorical, .categorical):
            return a == b
        default:
            return false
        }
    }

    @Test func stataValueLabelsBecomeLevelsInByteOrder() throws {
        let cohort = try StatisticalFileReader().read(path: Self.path("lung.dta"))
        let (levels, codes) = try #require(cohort.column(named: "sex")?.levelsAndCodes)
        #expect(levels == ["Female", "Male"])
        #expect(codes.prefix(3) == [1, 1, 1])
        // 100 is labelled "normal"; unlabelled values keep their code as text.
        #expect(cohort.column(named: "ph_karno")?.levelsAndCodes?.0 == ["50", "60", "70", "80", "90", "normal"])
        #expect(cohort.variableLabels["sex"] == "Sex of patient")
    }

    @Test func codesModeKeepsTheNumbers() throws {
        let cohort = try StatisticalFileReader(valueLabels: .codes).read(path: Self.path("lung.sav"))
        #expect(cohort.column(named: "sex")?.numbers?.prefix(3) == [1, 1, 1])
        // SPSS user-missing 9 in ph_ecog stays missing in codes mode.
        #expect(cohort.column(named: "ph_ecog")?.missingCount == 1)
    }

    @Test func missingKindsAreMissing() throws {
        // Stata .a/.b, SPSS user-missing 999 and range 9000-99999, SAS .A and ._
        for file in ["lung.dta", "lung.sav", "lung.xpt"] {
            let cohort = try StatisticalFileReader().read(path: Self.path(file))
            let wt = try #require(cohort.column(named: "wt_loss"))
            #expect(wt.isMissing(4) && wt.isMissing(9), "\(file)")
            #expect(cohort.column(named: "meal_cal")?.isMissing(1) == true, "\(file)")
        }
    }

    @Test func datesAreDaysSince1970() throws {
        for file in Self.files {
            let cohort = try StatisticalFileReader().read(path: Self.path(file))
            guard case .date(let days)? = cohort.column(named: "entry") else {
                Issue.record("\(file): entry is not a date")
                continue
            }
            #expect(days.first == -579, "\(file)")  // 1968-06-01
            #expect(days[53] == 4, "\(file)")  // 1970-01-05
            #expect(cohort.column(named: "entry")?.text(at: 0) == "1968-06-01")
        }
    }

    @Test func formatFromExtension() {
        #expect(InputDescription.Format(path: "a/b.DTA") == .dta)
        #expect(InputDescription.Format(path: "x.zsav") == .sav)
        #expect(InputDescription.Format(path: "x.Sav") == .sav)
        #expect(InputDescription.Format(path: "x.sas7bdat") == .sas7bdat)
        #expect(InputDescription.Format(path: "x.xpt") == .xpt)
        #expect(InputDescription.Format(path: "x.csv") == nil)
        #expect(InputDescription.Format(path: "-") == nil)
        #expect(InputDescription.Format(path: "dir.dta/file") == nil)
    }

    @Test func missingFileIsAnIOError() {
        let error = cohortError { try StatisticalFileReader().read(path: "/nonexistent/cohort.dta") }
        #expect(error?.kind == .io)
        #expect(error?.file == "/nonexistent/cohort.dta")
    }

    @Test func corruptAndTruncatedFilesAreErrorsNamingTheFile() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.path("lung.dta")))
        let dir = FileManager.default.temporaryDirectory
        let cases: [(String, Data)] = [
            ("garbage", Data("this is not a Stata file at all".utf8)),
            ("truncated", bytes.prefix(bytes.count / 2)),
            ("empty", Data()),
            ("sav-named-dta", try Data(contentsOf: URL(fileURLWithPath: Self.path("lung.sav")))),
        ]
        for (name, data) in cases {
            let url = dir.appendingPathComponent("statfile-\(name)-\(UUID().uuidString).dta")
            try data.write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let error = cohortError { try StatisticalFileReader().read(path: url.path) }
            #expect(error != nil, "\(name) read without error")
            #expect(error?.file == url.path, "\(name)")
            #expect(error?.description.contains("Stata .dta") == true, "\(name): \(error?.description ?? "")")
        }
    }

    @Test func rowErrorsNameTheDataRow() throws {
        let cohort = try StatisticalFileReader().read(path: Self.path("lung.dta"))
        let error = cohort.error(.negativeTime, row: 15, column: "time", "expected a time ≥ 0")
        #expect(error.description.hasSuffix("lung.dta: row 16, column \"time\" (2): expected a time ≥ 0"))
        #expect(error.line == nil)
    }
}
