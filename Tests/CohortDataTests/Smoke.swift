import Testing
@testable import CohortData
@Test func smoke() throws { _ = try CSVReader().read(string: "a\n1\n") }
