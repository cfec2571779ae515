import Foundation
import Testing
@testable import SurvivalReports

/// The JSON writer never fails on, and never prints, a non-finite number:
/// it writes `null` and says where in `warnings`.
@Suite struct JSONNonFiniteTests {
    struct Value: Encodable {
        var estimate: Double
        var limits: [Double]
        var nested: [Inner]
        var warnings: [String]
        struct Inner: Encodable { var z: Double }
    }

    @Test func nonFiniteNumbersBecomeNullWithAWarningNamingThePaths() throws {
        let value = Value(estimate: .nan, limits: [1, .infinity, 2], nested: [Value.Inner(z: 3), Value.Inner(z: -.infinity)],
                          warnings: ["an earlier warning"])
        let text = try JSONReport.render(value)
        #expect(!text.contains("NaN") && !text.contains("inf"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["estimate"] is NSNull)
        #expect((json["limits"] as? [Any])?[1] is NSNull)
        #expect(((json["nested"] as? [[String: Any]])?[1])?["z"] is NSNull)
        #expect(json["warnings"] as? [String] == [
            "an earlier warning",
            "3 values with no finite answer written as null: $.estimate, $.limits[1], $.nested[1].z",
        ])
    }

    @Test func finiteDocumentsAreUnchanged() throws {
        let value = Value(estimate: 1.5, limits: [1, 2], nested: [], warnings: [])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(value).utf8)) as? [String: Any])
        #expect(json["warnings"] as? [String] == [])
    }
}
