import Foundation
import SurvivalTestSupport
@testable import CohortData

/// The repository root (see `Repository`).
func repositoryRoot() -> URL { Repository.root }

func datasetPath(_ name: String) -> String {
    repositoryRoot().appendingPathComponent("datasets/\(name)").path
}

/// Reads CSV text with the default options (or those given).
func cohort(_ text: String, _ options: CSVOptions = CSVOptions(), file: String = "test.csv") throws -> Cohort {
    try CSVReader(options: options).read(string: text, fileName: file)
}

/// The error thrown by `body`, or nil.
func cohortError<T>(_ body: () throws -> T) -> CohortError? {
    do {
        _ = try body()
        return nil
    } catch let error as CohortError {
        return error
    } catch {
        return nil
    }
}

extension Column {
    var numbers: [Double]? {
        if case .numeric(let v) = self { return v }
        return nil
    }
    var levelsAndCodes: ([String], [Int32])? {
        if case .categorical(let codes, let levels) = self { return (levels, codes) }
        return nil
    }
}

/// Whether two columns are the same, NaN (missing) matching NaN: bit patterns of numbers and days.
func identicalColumns(_ a: Column?, _ b: Column?) -> Bool {
    switch (a, b) {
    case (.numeric(let x)?, .numeric(let y)?), (.date(let x)?, .date(let y)?):
        return x.map(\.bitPattern) == y.map(\.bitPattern)
    case (.categorical(let c, let l)?, .categorical(let d, let m)?):
        return c == d && l == m
    default:
        return false
    }
}
