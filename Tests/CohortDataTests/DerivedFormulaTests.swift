import Foundation
import Testing
@testable import CohortData

/// Parsing and row accounting of derived variables and subsets. Expected
/// labels come from R (`term_labels` in Tests/Fixtures/derived/cut_labels.json,
/// Tests/Reference/derived.R); the rest are behaviours of the contract.
@Suite("Derived variables and subsets")
struct DerivedFormulaTests {
    struct Labels: Decodable {
        struct TermLabels: Decodable {
            var formula: String
            var labels: [String]
        }
        var term_labels: TermLabels
    }

    @Test func termLabelsAreRsDeparse() throws {
        let url = repositoryRoot().appendingPathComponent("Tests/Fixtures/derived/cut_labels.json")
        let r = try JSONDecoder().decode(Labels.self, from: Data(contentsOf: url)).term_labels
        let f = try Formula(r.formula)
        #expect(f.terms.map(\.label) == r.labels)
    }

    @Test func aBareInTermIsRsNestingOperatorAndAnError() {
        let e = cohortError { try Formula("Surv(t, s) ~ x %in% c(\"a\", \"b\")") }
        #expect(e?.kind == .formulaSyntax)
        #expect(e?.description.contains("I(x %in% c(") == true, "\(String(describing: e))")
    }

    @Test func theCodebookResponseParses() throws {
        let f = try Formula("Surv(os_years, death_cause == \"sarcoma\") ~ age + sex")
        #expect(f.response?.text == "Surv(os_years, death_cause == \"sarcoma\")")
        #expect(f.columnsUsed == ["os_years", "death_cause", "age", "sex"])
    }

    @Test func logicalStatusIsZeroOne() throws {
        let c = try cohort("t,cause\n1,a\n2,b\n3,a\n4,\n")
        let frame = try Formula("Surv(t, cause == \"a\") ~ 1").modelFrame(on: c)
        #expect(frame.response.status == [1, 0, 1])
        #expect(frame.rows.dropped == ["missing: cause": 1])
    }

    @Test func invalidDerivedValuesAreDroppedAndNamed() throws {
        let c = try cohort("t,s,x\n1,1,2\n2,0,-1\n3,1,\n4,1,5\n5,0,3\n")
        let frame = try Formula("Surv(t, s) ~ log(x)").modelFrame(on: c)
        var rows = RowAccounting(read: 5, used: 3, dropped: ["missing: x": 1, "invalid: log(x)": 1])
        rows.missingByColumn = ["x": 1]
        #expect(frame.rows == rows)
        #expect(frame.warnings == ["2 rows dropped for missing or invalid values (missing: x 1, invalid: log(x) 1)"])
    }

    @Test func subsetUsesThreeValuedLogic() throws {
        let c = try cohort("a,b,g,d\n1,,x,2020-01-01\n,1,y,2019-05-01\n0,0,x,\n1,1,z,2021-03-03\n")
        func kept(_ text: String) throws -> [Bool] { try RowSubset(text).keeps(in: c) }
        #expect(try kept("a == 1 | b == 1") == [true, true, false, true])   // NA | TRUE is TRUE
        #expect(try kept("a == 1 & b == 1") == [false, false, false, true]) // NA & FALSE is FALSE, NA & TRUE is NA
        #expect(try kept("is.na(a) | g %in% c('z')") == [false, true, false, true])
        #expect(try kept("!(g == \"x\")") == [false, true, false, true])
        #expect(try kept("d >= \"2020-01-01\"") == [true, false, false, true])
    }

    @Test func subsetErrors() throws {
        let c = try cohort("a,g\n1,x\n2,y\n")
        let syntax = cohortError { try RowSubset("a >") }
        #expect(syntax?.kind == .formulaSyntax && syntax?.description.contains("in subset \"a >\"") == true)
        #expect(syntax?.description.contains("position 4") == true)
        let unknown = cohortError { try RowSubset("b > 1").keeps(in: c) }
        #expect(unknown?.kind == .unknownColumn && unknown?.description.contains("\"g\"") == true)
        let mixed = cohortError { try RowSubset("a == \"1\"").keeps(in: c) }
        #expect(mixed?.kind == .invalidValue)
        let notLogical = cohortError { try RowSubset("a + 1").keeps(in: c) }
        #expect(notLogical?.kind == .invalidValue)
    }

    @Test func subsetIsAppliedBeforeCompleteCases() throws {
        let c = try cohort("t,s,x,g\n1,1,,a\n2,0,1,b\n3,1,2,a\n4,1,,b\n5,0,3,a\n")
        let options = ModelFrameOptions(subset: try RowSubset("g == \"a\""))
        let frame = try Formula("Surv(t, s) ~ x").modelFrame(on: c, options: options)
        var rows = RowAccounting(read: 5, used: 2, dropped: ["missing: x": 1], excludedBySubset: 2)
        rows.missingByColumn = ["x": 1]  // among the rows the subset keeps
        #expect(frame.rows == rows)
        #expect(frame.rowIndex == [2, 4])
    }
}
