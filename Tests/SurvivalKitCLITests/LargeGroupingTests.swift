import Foundation
import SurvivalTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `survkit km` by a grouping column with a level per two rows: the grouping
/// frame keeps one integer code per row, so 50,000 levels on 100,000 rows
/// take a few hundred MB (before the re-cut it built a 100,000 × 50,000
/// design matrix: 24 GB and over a minute).
@Suite struct LargeGroupingTests {
    @Test func kaplanMeierByFiftyThousandLevelsFinishesInBoundedMemory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("survkit-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "time,status,centre\n"
        csv.reserveCapacity(2_000_000)
        for i in 0..<100_000 { csv += "\(i % 997 + 1),\(i % 3 == 0 ? 1 : 0),c\(i % 50_000)\n" }
        let data = dir.appendingPathComponent("cohort.csv")
        let out = dir.appendingPathComponent("km.json")
        try csv.write(to: data, atomically: true, encoding: .utf8)
        // Past the default --max-groups (1,000) it is a located error, not a 50,000-curve report.
        let refused = try CommandRunner.spawn(["km", data.path, "--formula", "Surv(time, status) ~ centre"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "\(data.path): centre forms 50000 groups, more than --max-groups 1000: a continuous"
            + " covariate belongs in a regression (survkit cox), or group it first with cut(); raise --max-groups to go"
            + " on anyway\n")
        let run = try CommandRunner.spawn([
            "km", data.path, "--formula", "Surv(time, status) ~ centre", "--format", "json", "--output", out.path,
            "--max-groups", "50000",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
        #expect((json["strata"] as? [Any])?.count == 50_000)
        #expect(json["n"] as? Int == 100_000)
        #if canImport(Glibc)
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        // ru_maxrss is in kilobytes: the largest child so far stayed under 2 GB.
        #expect(usage.ru_maxrss < 2_000_000, "peak RSS \(usage.ru_maxrss) kB")
        #endif
    }
}
