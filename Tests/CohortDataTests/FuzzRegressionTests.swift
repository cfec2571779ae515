import Foundation
import SurvivalTestSupport
import Testing
@testable import CohortData

/// Inputs the libFuzzer targets in `Fuzz/` found to crash, hang or exhaust
/// memory (see docs/fuzzing.md), replayed as the targets replay them. Each
/// file under `Tests/Fixtures/fuzz-regressions/<target>/` is a raw fuzzer
/// input: for `fuzz-csv` and `fuzz-statfile` byte 0 chooses the options, as in
/// `Fuzz/Sources/<target>/`; for `fuzz-formula` and `fuzz-subset` the bytes are
/// the text. A regression input must now give a `CohortError` (or a result),
/// never a crash or a hang.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = "Tests/Fixtures/fuzz-regressions"

    /// The regression inputs of one target, sorted by name.
    static func inputs(_ target: String) -> [String] {
        let dir = Repository.url("\(folder)/\(target)").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func bytes(_ target: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Repository.url("\(folder)/\(target)/\(name)")))
    }

    /// The fuzz targets' fixed cohort (`Fuzz/Sources/FuzzSupport/FixedCohort.swift`).
    static func cohort() throws -> Cohort {
        try CSVReader().read(path: Repository.url("\(folder)/fuzz-cohort.csv").path)
    }

    /// Runs `body`; a thrown error must be a `CohortError`.
    static func expectCohortErrorOrResult(_ input: String, _ body: () throws -> Void) {
        do {
            try body()
        } catch let error as CohortError {
            _ = error.description
        } catch {
            Issue.record("\(input): expected a CohortError, got \(error)")
        }
    }

    @Test func theFolderHasInputs() {
        let all = ["fuzz-csv", "fuzz-statfile", "fuzz-formula", "fuzz-subset"].flatMap(Self.inputs)
        #expect(!all.isEmpty, "no inputs under \(Self.folder)")
    }

    @Test(arguments: inputs("fuzz-formula"))
    func formula(_ name: String) throws {
        let text = String(decoding: try Self.bytes("fuzz-formula", name), as: UTF8.self)
        let cohort = try Self.cohort()
        Self.expectCohortErrorOrResult(name) {
            let builder = ModelFrameBuilder(cohort: cohort, formula: try Formula(text))
            Self.expectCohortErrorOrResult(name) { _ = try builder.build() }
            Self.expectCohortErrorOrResult(name) { _ = try builder.buildCounts() }
            Self.expectCohortErrorOrResult(name) { _ = try builder.buildGrouping() }
            Self.expectCohortErrorOrResult(name) { _ = try builder.buildCountGrouping() }
        }
    }

    @Test(arguments: inputs("fuzz-subset"))
    func subset(_ name: String) throws {
        let text = String(decoding: try Self.bytes("fuzz-subset", name), as: UTF8.self)
        let cohort = try Self.cohort()
        Self.expectCohortErrorOrResult(name) {
            let keep = try RowSubset(text).keeps(in: cohort)
            #expect(keep.count == cohort.rowCount)
        }
    }

    @Test(arguments: inputs("fuzz-csv"))
    func csv(_ name: String) throws {
        let input = try Self.bytes("fuzz-csv", name)
        guard let selector = input.first else { return }
        var options = CSVOptions()
        options.decimal = selector & 1 != 0 ? .comma : .point
        options.encoding = [nil, .utf8, .latin1, .windows1252][Int((selector >> 1) & 3)]
        let delimiters: [CSVOptions.Delimiter?] = [nil, .comma, .semicolon, .tab, .pipe, nil, nil, nil]
        options.delimiter = delimiters[Int((selector >> 3) & 7)]
        if selector & 64 != 0 { options.extraMissingTokens = ["-99", "n/a"] }
        if selector & 128 != 0 { options.dateFormat = selector & 1 != 0 ? .excel : DateFormat(argument: "%d/%m/%Y") }
        Self.expectCohortErrorOrResult(name) {
            let cohort = try CSVReader(options: options).read(bytes: Array(input.dropFirst()), fileName: name)
            _ = cohort.columnDescriptions()
        }
    }

    @Test(arguments: inputs("fuzz-statfile"))
    func statisticalFile(_ name: String) throws {
        let input = try Self.bytes("fuzz-statfile", name)
        guard let selector = input.first else { return }
        let formats: [(InputDescription.Format, String)] = [(.dta, "dta"), (.sav, "sav"), (.xpt, "xpt"), (.sas7bdat, "sas7bdat")]
        let (format, ext) = formats[Int(selector & 3)]
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("survkit-fuzz-regression-\(UUID().uuidString).\(ext)").path
        try Data(input.dropFirst()).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        Self.expectCohortErrorOrResult(name) {
            let cohort = try StatisticalFileReader(valueLabels: selector & 4 != 0 ? .codes : .labels)
                .read(path: path, format: format)
            _ = cohort.columnDescriptions()
        }
    }

    // MARK: - The fixes, pinned down

    /// `a*b*c*...` doubles the terms with every factor: the fuzzer's 15-factor
    /// formula hung the parser (quadratic duplicate removal over 2^15 terms).
    /// Now the parser stops at `FormulaParser.maxTerms` model terms.
    @Test func crossedTermsAreBounded() throws {
        let text = String(decoding: try Self.bytes("fuzz-formula", "timeout-crossed-terms-68a72b09"), as: UTF8.self)
        #expect(throws: CohortError.self) { try Formula(text) }
        let ten = (1...10).map { "x\($0)" }.joined(separator: "*")
        #expect(try Formula("y ~ \(ten)").terms.count == 1023)
        let eleven = (1...11).map { "x\($0)" }.joined(separator: "*")
        let error = #expect(throws: CohortError.self) { try Formula("y ~ \(eleven)") }
        #expect(error?.kind == .formulaSyntax)
        #expect(error?.description.contains("more than 1024 model terms") == true)
        let wide = (1...40).map { "(a\($0)*b\($0)*c\($0)*d\($0)*e\($0))" }.joined(separator: " + ")
        #expect(throws: CohortError.self) { try Formula("y ~ \(wide)") }
    }

    /// A damaged .xpt whose `DATE9.` variable holds a day number beyond Int's range: describing
    /// the cohort trapped in `Int(day)`. Now such a variable stays numeric.
    @Test func hugeDayNumbersStayNumeric() throws {
        let input = try Self.bytes("fuzz-statfile", "crash-xpt-date-overflow-cf822640")
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("survkit-fuzz-regression-\(UUID().uuidString).xpt").path
        try Data(input.dropFirst()).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cohort = try StatisticalFileReader().read(path: path, format: .xpt)
        for column in cohort.columns {
            if case .date(let days) = column {
                #expect(days.allSatisfy { $0.isNaN || abs($0) <= StatisticalFileReader.largestDayNumber })
            }
        }
        _ = cohort.columnDescriptions()
    }

    /// `round(x, digits)` and `cut(..., dig.lab =)` converted a huge whole number to Int, which
    /// traps. Now digits are clamped to ±400 (the result is unchanged) and dig.lab must be 0...50.
    @Test func hugeDigitsDoNotTrap() throws {
        let cohort = try Self.cohort()
        let rounded = try RowSubset("round(age, 1e300) == age").keeps(in: cohort)
        let age = try #require(cohort.column(named: "age"))
        #expect(rounded == (0..<cohort.rowCount).map { !age.isMissing($0) })
        #expect(try RowSubset("round(age, -1e300) == 0").keeps(in: cohort).count == cohort.rowCount)
        let error = #expect(throws: CohortError.self) {
            try RowSubset("cut(age, c(0, 50, 100), dig.lab = 1e300) == \"a\"").keeps(in: cohort)
        }
        #expect(error?.description.contains("dig.lab must be a whole number from 0 to 50") == true)
        #expect(try RowSubset("cut(age, c(0, 50, 100), dig.lab = 2) == \"(0,50]\"").keeps(in: cohort).contains(true))
    }
}
