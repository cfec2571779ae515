import SurvivalModels
import Testing

@testable import SurvivalReports

/// The Table 1 grid: labels from a labels map win over the file's variable
/// label, level labels replace level codes, and the p-value/SMD columns
/// appear only when the description has them.
@Suite struct TableOneTableTests {
    func description(test: Bool) -> CohortDescription {
        let columns = ["Overall", "g=a", "g=b"].map {
            DescriptionColumn(
                label: $0, n: 4, events: 2, eventPercent: 50, followUpMedian: nil, followUpLower: nil,
                followUpUpper: nil, maxTime: 3)
        }
        var sex = VariableDescription(
            name: "sex", kind: .categorical, levels: ["1", "2"],
            summaries: [
                VariableSummary(n: 8, missing: 0, counts: [4, 4], percents: [50, 50]),
                VariableSummary(n: 4, missing: 0, counts: [3, 1], percents: [75, 25]),
                VariableSummary(n: 4, missing: 0, counts: [1, 3], percents: [25, 75]),
            ])
        sex.label = "Sex of the patient"
        if test {
            sex.test = .fisher
            sex.pValue = 0.4857
            sex.smd = 1.0
        }
        return CohortDescription(groupVariable: "g", columns: columns, variables: [sex])
    }

    @Test func labelsAndLevelLabelsNameTheRows() {
        let t = TableOneTable.table(
            description(test: false), labels: ["sex": "Sex"], levelLabels: ["sex": ["1": "male", "2": "female"]])
        let first = t.rows.map { $0[0] }
        #expect(first.contains("Sex (sex), n (%)") && first.contains("  male") && first.contains("  female"))
        #expect(t.header == ["", "Overall", "g=a", "g=b"])
        // Without a labels map, the file's variable label.
        #expect(TableOneTable.table(description(test: false)).rows.contains { $0[0] == "Sex of the patient (sex), n (%)" })
    }

    @Test func testColumnsOnlyWhenPresent() {
        let t = TableOneTable.table(description(test: true))
        #expect(t.header == ["", "Overall", "g=a", "g=b", "p-value", "SMD"])
        let row = t.rows.first { $0[0].contains("(sex)") }
        #expect(row?.suffix(2) == ["0.486", "1.000"])
        #expect(t.rows.allSatisfy { $0.count == 6 })
        #expect(TableOneTable.note(description(test: true)).contains("Fisher's exact test"))
    }
}
