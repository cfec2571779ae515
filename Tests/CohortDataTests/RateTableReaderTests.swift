import Foundation
import Testing
@testable import CohortData

@Suite("Rate tables: the grid, qx, and located errors")
struct RateTableReaderTests {
    static let good = """
        age,year,sex,rate
        0,2000,male,0.001
        1,2000,male,0.002
        0,2010,male,0.003
        1,2010,male,0.004
        0,2000,female,0.005
        1,2000,female,0.006
        0,2010,female,0.007
        1,2010,female,0.008
        """

    func error(_ text: String) -> CohortError? {
        cohortError { try RateTableReader.read(string: text, fileName: "rates.csv") }
    }

    @Test func aCompleteTableIsReadIntoItsGrid() throws {
        // Rows in any order: shuffle the good table's rows.
        var lines = Self.good.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        let grid = try RateTableReader.read(string: ([header] + lines.reversed()).joined(separator: "\n"))
        #expect(grid.ages == [0, 1])
        #expect(grid.years == [2000, 2010])
        #expect(grid.sexes == ["female", "male"])  // order of first appearance
        #expect(grid.rate(age: 1, year: 1, sex: 1) == 0.004)
        #expect(grid.rate(age: 0, year: 0, sex: 0) == 0.005)
        #expect(!grid.fromProbabilities)
    }

    @Test func qxIsConvertedToADailyHazard() throws {
        let text = Self.good.replacingOccurrences(of: ",rate", with: ",QX")
        let grid = try RateTableReader.read(string: text)
        #expect(grid.fromProbabilities)
        #expect(grid.sexes == ["male", "female"])
        #expect(abs(grid.rate(age: 0, year: 0, sex: 0) - (-Foundation.log(1 - 0.001) / 365.241)) < 1e-18)
    }

    @Test func aNumericSexColumnKeepsItsSpelling() throws {
        let grid = try RateTableReader.read(string: "age,year,sex,rate\n0,2000,1,0.1\n0,2000,2,0.2\n")
        #expect(grid.sexes == ["1", "2"])
    }

    @Test func aMissingColumnIsNamedWithASuggestion() {
        let e = error("age,yeer,sex,rate\n0,2000,male,0.1\n")
        #expect(e?.kind == .unknownColumn)
        #expect(e?.description.contains("no column \"year\"") == true)
        #expect(e?.description.contains("did you mean \"yeer\"") == true)
        #expect(error("age,year,sex\n0,2000,male\n")?.description.contains("rate") == true)
        #expect(error("age,year,sex,rate,qx\n0,2000,male,0.1,0.1\n")?.description.contains("both a rate and a qx") == true)
    }

    @Test func badValuesNameTheirLineAndColumn() {
        let notWhole = error("age,year,sex,rate\n0,2000,male,0.1\n1.5,2000,male,0.1\n")
        #expect(notWhole?.description.hasPrefix("rates.csv: line 3, column \"age\" (1): expected an age in whole years") == true)
        let text = error("age,year,sex,rate\n0,2000,male,0.1\n0,2001,male,abc\n")
        #expect(text?.line == 3)
        #expect(text?.column == "rate")
        #expect(text?.description.contains("found \"abc\"") == true)
        let negative = error("age,year,sex,rate\n0,2000,male,-0.1\n")
        #expect(negative?.line == 2)
        #expect(negative?.description.contains("daily hazard ≥ 0") == true)
        let missing = error("age,year,sex,rate\n0,2000,,0.1\n")
        #expect(missing?.column == "sex")
        #expect(missing?.description.contains("missing value") == true)
        let certain = error("age,year,sex,qx\n0,2000,male,0.1\n1,2000,male,1\n")
        #expect(certain?.line == 3)
        #expect(certain?.description.contains("qx = 1") == true)
        let negativeAge = error("age,year,sex,rate\n-1,2000,male,0.1\n")
        #expect(negativeAge?.description.contains("age ≥ 0") == true)
    }

    @Test func aCellGivenTwiceNamesBothLines() {
        let e = error("age,year,sex,rate\n0,2000,male,0.1\n1,2000,male,0.1\n0,2000,male,0.2\n")
        #expect(e?.line == 4)
        #expect(e?.description.contains("given twice (first on line 2)") == true)
    }

    @Test func aGapInTheGridIsNamed() {
        let lines = Self.good.split(separator: "\n").filter { $0 != "1,2010,female,0.008" }
        let e = error(lines.joined(separator: "\n"))
        #expect(e?.description.contains("no row for age 1, year 2010, sex female") == true)
    }

    @Test func theShippedUSTableIsComplete() throws {
        let grid = try RateTableReader.read(path: datasetPath("lifetables/us_population_rates.csv"))
        #expect(grid.ages == Array(0...109))
        #expect(grid.years == Array(1940...2014))
        #expect(grid.sexes == ["male", "female"])
        #expect(grid.rates.allSatisfy { $0 > 0 && $0 < 1 })
    }
}
