import Testing
@testable import CohortData

@Suite("Model frame checks and coding")
struct ModelFrameBehaviourTests {
    let data = """
        id,time,status,age,sex,grade,site
        1,5,1,60,male,1,scalp
        2,8,0,NA,female,2,trunk
        3,3,1,55,female,3,scalp
        4,9,0,70,male,1,
        5,4,1,48,female,2,trunk
        """

    func frame(_ formula: String, _ text: String? = nil, options: ModelFrameOptions = ModelFrameOptions()) throws -> ModelFrame {
        try Formula(formula).modelFrame(on: try cohort(text ?? data, file: "d.csv"), options: options)
    }

    @Test func readingLungGives228RowsAndTenColumns() throws {
        let lung = try CSVReader().read(path: datasetPath("lung.csv"))
        #expect(lung.rowCount == 228)
        #expect(lung.names.count == 10)
        #expect(lung.names.contains("ph.ecog"))
        // summary(lung$wt.loss) in R: 14 NA's.
        #expect(lung.column(named: "wt.loss")?.missingCount == 14)
    }

    @Test func textColumnsAreTreatmentCodedAgainstFirstSortedLevel() throws {
        let f = try frame("Surv(time, status) ~ sex + age")
        #expect(f.termNames == ["sex=male", "age"])
        #expect(f.termOfColumn == ["sex", "age"])
        #expect(f.rowIndex == [0, 2, 3, 4])
        #expect(f.design.column(0) == [1, 0, 1, 0])
    }

    @Test func referenceOverrideMovesLevelFirst() throws {
        let f = try frame("Surv(time, status) ~ sex + factor(grade)",
                          options: ModelFrameOptions(references: ["sex": "male", "grade": "2"]))
        #expect(f.termNames == ["sex=female", "grade=1", "grade=3"])
        let bad = cohortError { try frame("Surv(time, status) ~ sex", options: ModelFrameOptions(references: ["sex": "x"])) }
        #expect(bad?.kind == .unknownLevel)
        #expect(bad?.description == "d.csv: column \"sex\" (5): reference level \"x\" not found; levels are \"female\", \"male\"")
    }

    @Test func numericFactorLevelsSortNumericallyWithoutTrailingZero() throws {
        let text = "time,status,dose\n1,1,10\n2,1,2.5\n3,0,2\n4,1,10\n"
        let f = try frame("Surv(time, status) ~ factor(dose)", text)
        #expect(f.termNames == ["dose=2.5", "dose=10"])
        let g = try Formula("Surv(time, status) ~ factor(dose)").groupingFrame(on: try cohort(text, file: "d.csv"))
        #expect(g.groups?.labels == ["dose=2", "dose=2.5", "dose=10"])
    }

    @Test func interactionOfNumericAndFactorNamesAsR() throws {
        let f = try frame("Surv(time, status) ~ age + sex + age:sex")
        #expect(f.termNames == ["age", "sex=male", "age:sex=male"])
    }

    @Test func strataClusterAndOffset() throws {
        let f = try frame("Surv(time, status) ~ age + strata(sex) + cluster(id) + offset(log(grade))")
        #expect(f.strata?.labels == ["sex=female", "sex=male"])
        #expect(f.strata?.codes == [1, 0, 1, 0])
        #expect(f.cluster == [0, 1, 2, 3])
        let offset = try #require(f.offset)
        #expect(offset == [1, 3, 1, 2].map { log(Double($0)) })
        let g = try Formula("Surv(time, status) ~ age + strata(sex) + cluster(id)").groupingFrame(on: try cohort(data, file: "d.csv"))
        #expect(g.groups?.labels.count == 4)  // age: four distinct values, as survfit
        #expect(g.strata?.codes == [1, 0, 1, 0])
        #expect(g.cluster == [0, 1, 2, 3])
    }

    @Test func missingValuesAreCountedAndReported() throws {
        let f = try frame("Surv(time, status) ~ age + site")
        var rows = RowAccounting(read: 5, used: 3, dropped: ["missing: age": 1, "missing: site": 1])
        rows.missingByColumn = ["age": 1, "site": 1]
        #expect(f.rows == rows)
        #expect(f.warnings == ["2 rows dropped for missing values (missing: age 1, missing: site 1)"])
        #expect(f.rowIndex == [0, 2, 4])
    }

    @Test func statusCodings() throws {
        let trueFalse = "time,dead\n1,TRUE\n2,FALSE\n3,true\n"
        #expect(try frame("Surv(time, dead) ~ 1", trueFalse).response.status == [1, 0, 1])
        let oneTwo = "time,status\n1,2\n2,1\n"
        #expect(try frame("Surv(time, status) ~ 1", oneTwo).response.status == [1, 0])
        let competing = "time,cause\n1,0\n2,1\n3,2\n"
        #expect(try frame("Surv(time, cause) ~ 1", competing,
                          options: ModelFrameOptions(allowCompetingRisks: true)).response.status == [0, 1, 2])
        #expect(try frame("Surv(time, cause == 2) ~ 1", competing).response.status == [0, 0, 1])
    }

    @Test func statusThreeInZeroOneColumnNamesLineAndColumn() {
        let text = "time,status\n1,0\n2,1\n3,3\n"
        let error = cohortError { try frame("Surv(time, status) ~ 1", text) }
        #expect(error?.kind == .invalidStatus)
        #expect(error?.description.hasPrefix("d.csv: line 4, column \"status\" (2): status 3 in a 0/1 column") == true)
    }

    @Test func negativeTimeNamesLineAndColumn() {
        let text = "id,time,status\n1,4,1\n2,-1,0\n"
        let error = cohortError { try frame("Surv(time, status) ~ 1", text) }
        #expect(error?.kind == .negativeTime)
        #expect(error?.description == "d.csv: line 3, column \"time\" (2): time must be ≥ 0, found -1")
    }

    @Test func nonNumericTimeNamesLineAndColumn() {
        let text = "time,status\n4,1\nsoon,0\n"
        let error = cohortError { try frame("Surv(time, status) ~ 1", text) }
        #expect(error?.kind == .notNumeric)
        #expect(error?.description == "d.csv: line 3, column \"time\" (1): \"time\" is used as a time, but 1 of its 2"
            + " values is not a number: line 3 \"soon\". If it means a missing value, add --na=soon.")
    }

    @Test func unknownColumnListsAvailableColumns() {
        let error = cohortError { try frame("Surv(time, status) ~ agee") }
        #expect(error?.kind == .unknownColumn)
        #expect(error?.description
            == "d.csv: column \"agee\": unknown column (did you mean \"age\"?); available columns: \"id\", \"time\","
            + " \"status\", \"age\", \"sex\", \"grade\", \"site\"")
    }

    @Test func unknownColumnInAWideFileListsTwentyColumnsAndTheNearMatch() throws {
        let names = ["time", "status"] + (1...500).map { "biomarker_\($0)" }
        let text = names.joined(separator: ",") + "\n" + names.map { _ in "1" }.joined(separator: ",") + "\n"
        let cohort = try CSVReader().read(string: text, fileName: "wide.csv")
        let error = cohortError { _ = try Formula("Surv(time, status) ~ Biomarker.17").modelFrame(on: cohort) }
        let listed = names.prefix(20).map { "\"\($0)\"" }.joined(separator: ", ")
        #expect(error?.description == "wide.csv: column \"Biomarker.17\": unknown column (did you mean \"biomarker_17\"?);"
            + " available columns: \(listed) and 482 more (survkit describe lists them all)")
    }

    @Test func startMustPrecedeStop() throws {
        let text = "id,start,stop,event\n1,0,5,1\n1,5,5,0\n"
        let error = cohortError { try frame("Surv(start, stop, event) ~ 1", text) }
        #expect(error?.kind == .startNotBeforeStop)
        #expect(error?.line == 3)
        #expect(error?.column == "stop")
        let ok = try frame("Surv(start, stop, event) ~ 1", "start,stop,event\n0,5,1\n5,9,0\n")
        #expect(ok.response.start == [0, 5])
    }

    @Test func gapTimeArithmeticInSurv() throws {
        let f = try frame("Surv(stop - start, event) ~ 1", "start,stop,event\n0,5,1\n5,9,0\n")
        #expect(f.response.stop == [5, 4])
        #expect(f.response.start == nil)
    }

    @Test func aPlainOutcomeMakesACountFrameAndIsRefusedAsASurvivalResponse() throws {
        let text = "events,pt,x\n2,10,1\n0,5,0\n"
        #expect(cohortError { try frame("events ~ x", text) }?.kind == .formulaSyntax)
        let data = try cohort(text, file: "d.csv")
        let f = try Formula("events ~ x + offset(log(pt))").countFrame(on: data)
        #expect(f.outcome == [2, 0])
        #expect(f.offset == [log(10), log(5)])
        #expect(f.termNames == ["x"])
        let g = try Formula("events ~ x + offset(pt)").countGroupingFrame(on: data)
        #expect(g.response == [2, 0])
        #expect(g.groups?.labels == ["x=0", "x=1"])
        #expect(cohortError { try Formula("Surv(pt, events) ~ x").countFrame(on: data) }?.kind == .formulaSyntax)
    }

    /// A grouping frame stores one code per row: a grouping column with a
    /// level per row (here 50,000 levels on 100,000 rows) would need a
    /// 100,000 × 50,000 design matrix (40 GB) in a regression frame.
    @Test func aGroupingFrameWithFiftyThousandLevelsHoldsCodesNotADesign() throws {
        var text = "time,status,id\n"
        for i in 0..<100_000 { text += "\(i % 97 + 1),\(i % 3 == 0 ? 1 : 0),c\(i % 50_000)\n" }
        let g = try Formula("Surv(time, status) ~ id").groupingFrame(on: try cohort(text, file: "d.csv"))
        #expect(g.count == 100_000)
        #expect(g.groups?.labels.count == 50_000)
        #expect(g.groups?.codes.count == 100_000)
    }

    @Test func allRowsMissingIsAnError() {
        let error = cohortError { try frame("Surv(time, status) ~ x", "time,status,x\n1,1,NA\n") }
        #expect(error?.kind == .noRowsLeft)
    }

    @Test func millionRowImportKeepsEveryRow() throws {
        // 200,000 rows × 4 numeric columns generated here (a smaller stand-in for 1M; not timed).
        let rows = 200_000
        var text = "id,time,status,x\n"
        text.reserveCapacity(rows * 24)
        for i in 0..<rows { text += "\(i),\(Double(i % 997) + 0.25),\(i % 2),\(i % 7 == 0 ? "NA" : String(i % 13))\n" }
        let c = try cohort(text)
        #expect(c.rowCount == rows)
        let time = try #require(c.column(named: "time")?.numbers)
        #expect(time[rows - 1] == Double((rows - 1) % 997) + 0.25)
        // Rows with i % 7 == 0 are NA: ceil(200000 / 7) = 28572.
        #expect(c.column(named: "x")?.missingCount == 28_572)
        let f = try Formula("Surv(time, status) ~ x").modelFrame(on: c)
        #expect(f.rows.used == rows - 28_572)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
