import Foundation
import Testing

/// The human-readable reports read like R's print methods.
@Suite struct TextReportTests {
    @Test func kaplanMeierTableShowsNEventsMedianAndLimitsPerStratum() throws {
        // R: print(survfit(Surv(time, status) ~ sex, lung)) →
        //   sex=1 138 112 270 212 310 / sex=2 90 53 426 348 550
        let text = try CommandRunner.run(["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex"])
        let rows = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains { Array($0.prefix(6)) == ["sex=1", "138", "112", "270", "212", "310"] })
        #expect(rows.contains { Array($0.prefix(6)) == ["sex=2", "90", "53", "426", "348", "550"] })
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test func logRankShowsChiSquareDfAndP() throws {
        // R: survdiff(Surv(time, status) ~ sex, lung): Chisq = 10.3 on 1 df, p = 0.001.
        let text = try CommandRunner.run(["logrank", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex"])
        #expect(text.contains("Chisq = 10.33 on 1 degrees of freedom, p = 0.00131"))
    }

    @Test func markdownReportHasPipeTables() throws {
        let md = try CommandRunner.run([
            "km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex", "--format", "markdown",
        ])
        #expect(md.contains("| sex=1 | 138 | 112 | 270 | 212 | 310 |"))
    }
}
