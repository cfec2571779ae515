import Foundation
import SurvivalTestSupport
import Testing

/// A file large enough for the chunked reader (above 4 MB of records) gives
/// the same output read on one thread as on every core, end to end: the
/// command line's `--threads` reaches the reader and does not change a number.
@Suite struct ParallelReadingCLITests {
    /// About 6 MB: time, status, a group, two covariates (one with a quoted
    /// text level, so pass 2 runs too), some missing values.
    static func writeCohort(to url: URL) throws {
        var state: UInt64 = 20_261_201
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var text = "time,status,group,x,z\n"
        text.reserveCapacity(6_500_000)
        for i in 0..<120_000 {
            let u = Double(next()) / Double(1 << 53)
            let time = Int(next() % 2000) + 1
            let status = next() % 3 == 0 ? 0 : 1
            let group = ["\"a, early\"", "b", "c"][Int(next() % 3)]
            let x = i % 997 == 0 ? "NA" : String(u * 10 - 5)
            text += "\(time),\(status),\(group),\(x),\(Double(next() % 100) / 7)\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("km and cox give byte-identical JSON with --threads 1 and on all cores")
    func threadsDoNotChangeWhatIsRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("cohort.csv")
        try Self.writeCohort(to: file)
        let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        #expect(size > 5_000_000)
        // x is missing on every 997th row: 121 rows dropped where it is used.
        for (command, used) in [
            (["km", file.path, "--formula", "Surv(time, status) ~ group"], 120_000),
            (["cox", file.path, "--formula", "Surv(time, status) ~ x + z + group"], 119_879),
        ] {
            let one = try CommandRunner.run(command + ["--format", "json", "--threads", "1"])
            let all = try CommandRunner.run(command + ["--format", "json"])
            #expect(one == all)
            let json = try JSONSerialization.jsonObject(with: Data(one.utf8)) as? [String: Any]
            let rows = json?["rows"] as? [String: Any]
            #expect(rows?["used"] as? Int == used)
            #expect(rows?["read"] as? Int == 120_000)
        }
    }
}
