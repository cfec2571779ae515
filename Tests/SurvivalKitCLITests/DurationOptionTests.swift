import Foundation
import Testing

/// `--duration NAME=FROM:TO:unit` derives follow-up time from ISO dates.
@Suite struct DurationOptionTests {
    @Test func yearsBetweenDatesUseJulianYears() throws {
        // 2020-01-01 → 2021-01-01 is 366 days (leap year): 366 / 365.25 years.
        // 2020-01-01 → 2020-07-01 is 182 days: 182 / 365.25 years.
        let csv = "entry,exit,dead\n2020-01-01,2021-01-01,1\n2020-01-01,2020-07-01,0\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dates-\(UUID().uuidString).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let json = try CommandRunner.runJSON([
            "km", url.path, "--formula", "Surv(fu, dead) ~ 1",
            "--duration", "fu=entry:exit:years", "--format", "json",
        ])
        let strata = try #require((json as? [String: Any])?["strata"] as? [[String: Any]])
        let time = try #require(strata.first?["time"] as? [Double])
        #expect(time == [182 / 365.25, 366 / 365.25])
    }

    @Test func malformedSpecificationIsAUsageError() throws {
        let r = try CommandRunner.spawn([
            "km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ 1", "--duration", "fu=a",
        ])
        #expect(r.status == 2, "\(r.stderr)")
    }
}
