import Foundation
import Testing
import SurvivalTestSupport

/// `survkit describe` on every bundled dataset agrees with R's `read.csv`
/// reading of it (Tests/Reference/describe.R → Tests/Fixtures/describe/).
@Suite struct DescribeCommandTests {
    static let datasets: [String] = Repository.fixtures("describe")

    @Test(arguments: datasets)
    func columnsMatchRsReading(fixture: String) throws {
        let expected = try Repository.fixture("describe", fixture)
        let data = try #require(expected["data"] as? String)
        let r = try CommandRunner.spawn(["describe", Repository.url(data).path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["analysis"] as? String == "describe")
        #expect((json["rows"] as? [String: Any])?["read"] as? Int == expected["read"] as? Int)
        let want = try #require(expected["columns"] as? [[String: Any]])
        let got = try #require(json["columns"] as? [[String: Any]])
        #expect(got.count == want.count)
        for (a, b) in zip(want, got) {
            let name = a["name"] as? String ?? "?"
            #expect(b["name"] as? String == name)
            for key in ["type", "missing", "distinct", "min", "max", "levels"] {
                let diffs = JSONComparison().differences(expected: a[key] as Any, actual: b[key], path: "\(name).\(key)")
                if a[key] == nil { #expect(b[key] == nil, "\(name).\(key) should be absent") } else { #expect(diffs.isEmpty, "\(diffs)") }
            }
        }
    }

    @Test func aNumberColumnWithAStrayTokenIsListedWithItsLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("describe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("d.csv")
        try "id,age\n1,61\n2,unknown\n3,70\n4,\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try CommandRunner.spawn(["describe", file.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("age: 2 of 3 values are numbers; not numbers: line 3 \"unknown\""), "\(r.stdout)")
        let json = try CommandRunner.spawn(["describe", file.path, "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let age = try #require((root["columns"] as? [[String: Any]])?.last)
        #expect(age["type"] as? String == "categorical")
        #expect(age["missing"] as? Int == 1)
        #expect(age["distinct"] as? Int == 3)
    }
}
