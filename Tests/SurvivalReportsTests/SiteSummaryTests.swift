import CohortData
import Testing
@testable import SurvivalReports

/// The site-summary format at library level: exact round trip, strict
/// reading, and the min-cell control's merging and suppression.
@Suite struct SiteSummaryTests {
    /// One pattern variable g (levels a, b), status 0/1.
    static func summary(time: [Double], status: [Int], group: [Int], subjects: [Int]) -> SiteSummary {
        SiteSummary(
            site: "S", analysis: .km, formula: "Surv(t, s) ~ g",
            variables: [
                SiteVariable(name: "t", role: .time, levels: nil),
                SiteVariable(name: "s", role: .status, levels: .numbers([0, 1])),
                SiteVariable(name: "g", role: .covariate, levels: .text(["a", "b"])),
            ],
            time: SiteTimeAxis(unit: "days"),
            cells: SiteCells(time: time, codes: [status, group], subjects: subjects),
            rows: RowAccounting(read: subjects.reduce(0, +), used: subjects.reduce(0, +)))
    }

    @Test func writtenSummariesReadBackExactly() throws {
        let s = Self.summary(
            time: [0.1, 1.0 / 3, 1e-300, 2.5e12], status: [1, 0, 1, 1], group: [0, 0, 1, 1], subjects: [3, 1, 7, 2])
        var t = s
        t.cells = SiteCells.aggregate(time: s.cells.time, codes: s.cells.codes, subjects: s.cells.subjects)
        let back = try SiteSummary.read(Array(t.jsonText.utf8), file: "s.json")
        #expect(back == t)
        #expect(back.cells.time.contains(1.0 / 3))
    }

    @Test func duplicatedOrUnsortedCellsAreRefusedWithTheirPath() throws {
        let dup = Self.summary(time: [5, 5], status: [1, 1], group: [0, 0], subjects: [1, 2])
        #expect {
            try SiteSummary.read(Array(dup.jsonText.utf8), file: "d.json")
        } throws: { ($0 as? SiteSummaryError)?.message.hasPrefix("d.json: $.cells[1]: ") == true }
        let unsorted = Self.summary(time: [7, 5], status: [1, 1], group: [0, 0], subjects: [1, 2])
        #expect(throws: SiteSummaryError.self) { try SiteSummary.read(Array(unsorted.jsonText.utf8), file: "u.json") }
        let negative = Self.summary(time: [5], status: [1], group: [0], subjects: [1])
        let text = negative.jsonText.replacingOccurrences(of: "\"subjects\": [1]", with: "\"subjects\": [-1]")
        #expect {
            try SiteSummary.read(Array(text.utf8), file: "n.json")
        } throws: { ($0 as? SiteSummaryError)?.message == "n.json: $.cells.subjects[0]: -1: expected a whole number ≥ 1 (subjects in the cell)" }
        #expect(throws: SiteSummaryError.self) { try SiteSummary.read(Array("{\"format\": ".utf8), file: "x.json") }
    }

    @Test func minCellMergesConsecutiveTimesUntilEveryCellHasK() {
        // Pattern a: deaths 2@1, 1@2, 3@3, censored 3@3, deaths 1@4.  K = 3.
        // Interval 1: times 1,2 (3 deaths) closes at 2; interval 2: time 3 (3 deaths, 3 censored);
        // time 4 (1 death) falls short and merges into interval 2, which ends at 4.
        // Pattern b: one death only: suppressed.
        let s = Self.summary(
            time: [1, 2, 3, 3, 4, 9], status: [1, 1, 0, 1, 1, 1], group: [0, 0, 0, 0, 0, 1],
            subjects: [2, 1, 3, 3, 1, 1])
        let c = s.applyingMinCell(3)
        #expect(c.cells.time == [2, 4, 4])
        #expect(c.cells.codes[0] == [1, 0, 1])
        #expect(c.cells.subjects == [3, 3, 4])
        #expect(c.cells.subjects.allSatisfy { $0 >= 3 })
        let d = c.disclosure
        #expect(d?.timesMerged == 2 && d?.cellsSuppressed == 1 && d?.subjectsSuppressed == 1)
        #expect(c.time.grid == [2, 4] && c.time.gridSource == .minCell)
        // K = 1 changes nothing.
        #expect(s.applyingMinCell(1).cells == s.cells)
    }

    @Test func anAgreedGridMovesTimesUpToTheNextPoint() throws {
        let s = Self.summary(time: [1, 2, 31], status: [1, 1, 1], group: [0, 0, 0], subjects: [1, 1, 1])
        let g = try s.onGrid([0, 30, 60])
        #expect(g.cells.time == [30, 60] && g.cells.subjects == [2, 1])
        #expect(throws: SiteSummaryError.self) { try s.onGrid([0, 10]) }
    }
}
