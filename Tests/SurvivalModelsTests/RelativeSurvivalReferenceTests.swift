import CohortData
import Foundation
@testable import SurvivalModels
import SurvivalTestSupport
import Testing

/// The `relsurv` fixtures (relsurv `rs.surv` and `rs.diff` on rdata and
/// colrec with slopop, and on the sarcoma cohort with the shipped US table;
/// Tests/Reference/relsurv.R) run against `RelativeSurvival.fit` directly.
@Suite struct RelativeSurvivalReferenceTests {
    @Test("Net and relative survival, standard errors, limits and rs.diff match relsurv",
          arguments: Repository.fixtures("relsurv"))
    func survivalMatchesRelsurv(caseName: String) throws {
        let command = try FixtureCommand(kind: "relsurv", caseName: caseName)
        let result = try Self.fit(command)
        command.expectEveryOptionMapped()
        expectMatchesFixture(result.fixtureValue, command)
    }

    /// Runs a fixture's command line through the library, as `RelSurvCommand` does.
    static func fit(_ command: FixtureCommand) throws -> RelativeSurvivalResult {
        let age = try command.required("--age"), year = try command.required("--year"), sex = try command.required("--sex")
        let grid = try RateTableReader.read(path: Repository.url(try command.required("--ratetable")).path)
        let table = PopulationRateTable(grid)
        var columns: [String: Column] = [:]
        let frame = try command.frame(
            transform: { cohort, _ in
                for name in [age, year, sex] { columns[name] = cohort.column(named: name) }
                return cohort
            },
            build: { formula, cohort, options in
                var options = options
                options.requiredColumns = [age, year, sex]
                return try formula.groupingFrame(on: cohort, options: options)
            })
        let covariates = try PopulationCovariates.matching(
            age: (age, try #require(columns[age])), year: (year, try #require(columns[year])),
            sex: (sex, try #require(columns[sex])), rows: frame.rowIndex, table: table)
        let unit = command.value("--time-unit") ?? "days"
        let days: Double = unit == "years" ? RateTableReader.daysPerYear : 1
        let options = RelativeSurvivalOptions(
            method: try command.choice("--method", default: RelativeSurvivalMethod.poharPerme),
            confType: try command.choice("--conf-type", default: ConfidenceType.log), daysPerUnit: days,
            times: try command.doubles("--times"))
        return try RelativeSurvival.fit(frame, covariates: covariates, table: table, options: options)
    }
}

/// Behaviour that does not need R: the estimators on a population with no
/// deaths, and the checks on the input.
@Suite struct RelativeSurvivalBehaviourTests {
    /// A table of zero hazards for ages 0–100 and years 2000–2001.
    static func zeroTable() throws -> PopulationRateTable {
        var rows = ["age,year,sex,rate"]
        for sex in ["f", "m"] { for year in [2000, 2001] { for age in 0...100 { rows.append("\(age),\(year),\(sex),0") } } }
        return PopulationRateTable(try RateTableReader.read(string: rows.joined(separator: "\n")))
    }

    static let cohort = """
        time,status,age,year,sex,g
        10,1,50,2000,f,a
        20,0,60,2000,m,a
        30,1,70,2001,f,a
        40,1,55,2001,m,b
        50,0,65,2000,f,b
        60,1,75,2001,m,b
        60,1,45,2000,f,b
        """

    static func frame(_ formula: String) throws -> (SurvivalGroupingFrame, PopulationCovariates, PopulationRateTable) {
        let cohort = try CSVReader().read(string: cohort, fileName: "toy.csv")
        let table = try zeroTable()
        var options = ModelFrameOptions()
        options.requiredColumns = ["age", "year", "sex"]
        let frame = try Formula(formula).groupingFrame(on: cohort, options: options)
        let covariates = try PopulationCovariates.matching(
            age: ("age", try #require(cohort.column(named: "age"))), year: ("year", try #require(cohort.column(named: "year"))),
            sex: ("sex", try #require(cohort.column(named: "sex"))), rows: frame.rowIndex, table: table)
        return (frame, covariates, table)
    }

    @Test func withNoPopulationDeathsNetSurvivalIsKaplanMeier() throws {
        let (frame, covariates, table) = try Self.frame("Surv(time, status) ~ g")
        let km = try KaplanMeier.fit(frame)
        for method in [RelativeSurvivalMethod.poharPerme, .ederer2] {
            let r = try RelativeSurvival.fit(frame, covariates: covariates, table: table, options: .init(method: method))
            #expect(r.strata.map(\.label) == ["g=a", "g=b"])
            for (curve, reference) in zip(r.strata, km.strata) {
                #expect(curve.time == reference.time)
                #expect(curve.nRisk == reference.nRisk)
                for (s, k) in zip(curve.survival, reference.survival) { #expect(abs(s - k) < 1e-14, "\(method)") }
            }
            #expect(r.test != nil)
            #expect(r.test?.df == 1)
        }
    }

    @Test func ederer1DividesKaplanMeierByTheCohortsExpectedSurvival() throws {
        // relsurv's netwei takes a zero hazard as 1e-9 a day: the expected
        // survival at t is exp(−1e-9 t), so relative survival is KM × exp(1e-9 t).
        let (frame, covariates, table) = try Self.frame("Surv(time, status) ~ 1")
        let km = try KaplanMeier.fit(frame)
        let r = try RelativeSurvival.fit(frame, covariates: covariates, table: table, options: .init(method: .ederer1))
        let curve = try #require(r.strata.first)
        for (k, t) in curve.time.enumerated() {
            let expected = km.strata[0].survival[k] * Foundation.exp(1e-9 * t)
            #expect(abs(curve.survival[k] - expected) < 1e-13)
        }
        #expect(r.test == nil)
    }

    @Test func aSexTheTableLacksIsNamedWithItsRow() throws {
        let cohort = try CSVReader().read(string: "time,status,age,year,sex\n5,1,50,2000,f\n6,0,50,2000,x\n", fileName: "toy.csv")
        let frame = try Formula("Surv(time, status) ~ 1").groupingFrame(on: cohort)
        let error = #expect(throws: ModelError.self) {
            try PopulationCovariates.matching(
                age: ("age", cohort.column(named: "age")!), year: ("year", cohort.column(named: "year")!),
                sex: ("sex", cohort.column(named: "sex")!), rows: frame.rowIndex, table: try Self.zeroTable())
        }
        #expect(error?.row == 1)
        #expect(error?.column == "sex")
        #expect(error?.message.contains("\"x\"") == true)
    }

    @Test func aYearThatIsNotWholeIsRefused() throws {
        let cohort = try CSVReader().read(string: "time,status,age,year,sex\n5,1,50,2000.5,f\n", fileName: "toy.csv")
        let frame = try Formula("Surv(time, status) ~ 1").groupingFrame(on: cohort)
        let error = #expect(throws: ModelError.self) {
            try PopulationCovariates.matching(
                age: ("age", cohort.column(named: "age")!), year: ("year", cohort.column(named: "year")!),
                sex: ("sex", cohort.column(named: "sex")!), rows: frame.rowIndex, table: try Self.zeroTable())
        }
        #expect(error?.column == "year")
    }

    @Test func theTableExtendsItsEdgeCells() throws {
        let csv = "age,year,sex,rate\n0,2000,f,1\n10,2000,f,2\n0,2010,f,3\n10,2010,f,4\n"
        let table = PopulationRateTable(try RateTableReader.read(string: csv))
        let y2000 = Double(ISODate.dayNumber(year: 2000, month: 1, day: 1)!)
        let y2010 = Double(ISODate.dayNumber(year: 2010, month: 1, day: 1)!)
        #expect(table.rate(age: 5 * 365.241, date: y2000 - 400, sex: 0) == 1)  // before the first year
        #expect(table.rate(age: 50 * 365.241, date: y2000 + 10, sex: 0) == 2)  // past the last age
        #expect(table.rate(age: 50 * 365.241, date: y2010 + 9000, sex: 0) == 4)  // past both
        #expect(table.rate(age: 10 * 365.241, date: y2010, sex: 0) == 4)  // a boundary belongs to the cell it starts
        // A step stops at the next boundary (age 10 here), not past it; past the last ones it runs its length.
        let step = table.step(age: 10 * 365.241 - 3, date: y2000, sex: 0, limit: 100)
        #expect(step.rate == 1 && abs(step.duration - 3) < 1e-9)
        let open = table.step(age: 20 * 365.241, date: y2010 + 5, sex: 0, limit: 100)
        #expect(open.rate == 4 && open.duration == 100)
    }

    @Test func theCursorFindsTheCellsTheSearchFinds() throws {
        // Ages 0, 5, 10, …, 100 and years 1990, 1995, …, 2020 with distinct rates.
        var rows = ["age,year,sex,rate"]
        var k = 0
        for year in stride(from: 1990, through: 2020, by: 5) {
            for age in stride(from: 0, through: 100, by: 5) {
                k += 1
                rows.append("\(age),\(year),f,\(k)")
            }
        }
        let table = PopulationRateTable(try RateTableReader.read(string: rows.joined(separator: "\n")))
        var state: UInt64 = 20261201
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<50 {
            var age = uniform() * 40 * 365.241, date = (uniform() * 30 + 5) * 365.241
            var cursor = PopulationRateTable.Cursor(), stepper = PopulationRateTable.Cursor()
            for _ in 0..<200 {
                #expect(cursor.rate(table, age: age, date: date, sex: 0) == table.rate(age: age, date: date, sex: 0))
                let a = stepper.step(table, age: age, date: date, sex: 0, limit: 400)
                let b = table.step(age: age, date: date, sex: 0, limit: 400)
                #expect(a.rate == b.rate && a.duration == b.duration)
                // Forward by a random amount, sometimes exactly onto the next boundary.
                let move = uniform() < 0.2 ? b.duration : uniform() * 300
                age += move
                date += move
            }
        }
    }

    @Test func countingProcessDataAndWeightsAreRefused() throws {
        let cohort = try CSVReader().read(
            string: "start,time,status,age,year,sex,w\n0,5,1,50,2000,f,1\n1,6,0,50,2000,f,2\n", fileName: "toy.csv")
        let table = try Self.zeroTable()
        let counting = try Formula("Surv(start, time, status) ~ 1").groupingFrame(on: cohort)
        let covariates = PopulationCovariates(age: [0, 0], date: [0, 0], sex: [0, 0])
        #expect(throws: ModelError.self) { try RelativeSurvival.fit(counting, covariates: covariates, table: table) }
        let weighted = try Formula("Surv(time, status) ~ 1").groupingFrame(on: cohort, options: .init(weights: "w"))
        #expect(throws: ModelError.self) { try RelativeSurvival.fit(weighted, covariates: covariates, table: table) }
    }
}

extension RelativeSurvivalResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "relative-survival",  // the JSON layer's tag for this result
            "method": method.rawValue,
            "conf_type": confType.rawValue,
            "n": n,
            "events": events,
            "rows": rows,
            "strata": strata,
            "test": test,
        ])
    }
}

extension RelativeSurvivalCurve: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "label": label, "n": n, "events": events, "time": time, "n_risk": nRisk, "n_event": nEvent,
            "survival": survival, "std_err": stdErr, "lower": lower, "upper": upper, "summary_at": summaryAt,
        ])
    }
}

// RelativeSurvivalTest is CoxTest, whose fixture mapping is in FixtureValue.swift.
