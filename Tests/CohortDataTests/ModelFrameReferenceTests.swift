import Foundation
import Testing
@testable import CohortData

/// Design matrices, term names, used rows, group labels and missing-value
/// accounting against R on datasets/lung.csv
/// (Tests/Reference/model_frame_lung.R → Tests/Fixtures/model_frame_lung.json).
@Suite("Model frames match R on lung")
struct ModelFrameReferenceTests {
    struct Fixture: Decodable {
        struct Design: Decodable {
            var formula: String
            var names: [String]
            var rows: [Int]
            var columns: [[Double]]
        }
        struct Groups: Decodable {
            var formula: String
            var labels: [String]
            var n: [Int]
        }
        struct Dropped: Decodable {
            var formula: String
            var keys: [String]
            var counts: [Int]
            var used: Int
        }
        var designs: [Design]
        var groups: [Groups]
        var dropped: Dropped
        var status: [Int]
    }

    static func load() throws -> (Fixture, Cohort) {
        let url = repositoryRoot().appendingPathComponent("Tests/Fixtures/model_frame_lung.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        let lung = try CSVReader().read(path: datasetPath("lung.csv"))
        return (fixture, lung)
    }

    @Test func designMatricesAndTermNamesMatchModelMatrix() throws {
        let (fixture, lung) = try Self.load()
        for design in fixture.designs {
            let frame = try Formula(design.formula).modelFrame(on: lung)
            #expect(frame.termNames == design.names, "\(design.formula)")
            #expect(frame.rowIndex == design.rows, "\(design.formula)")
            guard frame.design.columns == design.columns.count, frame.count == design.rows.count else {
                Issue.record("shape differs for \(design.formula)")
                continue
            }
            for j in 0..<design.columns.count {
                for i in 0..<frame.count {
                    let expected = design.columns[j][i]
                    let got = frame.design[i, j]
                    #expect(abs(got - expected) <= 1e-12 * max(1, abs(expected)), "\(design.formula) [\(i), \(j)]")
                }
            }
        }
    }

    @Test func groupsFollowSurvfitStrataOrder() throws {
        let (fixture, lung) = try Self.load()
        for reference in fixture.groups {
            let frame = try Formula(reference.formula).groupingFrame(on: lung)
            let groups = try #require(frame.groups)
            #expect(groups.labels == reference.labels, "\(reference.formula)")
            let sizes = (0..<groups.labels.count).map { g in groups.codes.filter { $0 == g }.count }
            #expect(sizes == reference.n, "\(reference.formula)")
        }
    }

    @Test func droppedRowsAreAttributedToTheFirstMissingVariable() throws {
        let (fixture, lung) = try Self.load()
        let frame = try Formula(fixture.dropped.formula).modelFrame(on: lung)
        let expected = Dictionary(uniqueKeysWithValues: zip(fixture.dropped.keys, fixture.dropped.counts))
        #expect(frame.rows.dropped == expected)
        #expect(frame.rows.used == fixture.dropped.used)
        #expect(frame.rows.read == 228)
        // Reasons listed in formula order: ph.ecog, wt.loss, meal.cal; then the exact
        // per-column counts, as R's colSums(is.na(lung[c("ph.ecog", "wt.loss", "meal.cal")])) = 1, 14, 47.
        #expect(frame.warnings == [
            "58 rows dropped for missing values (missing: ph.ecog 1, missing: wt.loss 14, missing: meal.cal 43);"
                + " rows missing each column: ph.ecog 1, wt.loss 14, meal.cal 47"
        ])
        #expect(frame.rows.missingByColumn == ["ph.ecog": 1, "wt.loss": 14, "meal.cal": 47])
    }

    @Test func lungStatusOneTwoMapsAsSurv() throws {
        let (fixture, lung) = try Self.load()
        let frame = try Formula("Surv(time, status) ~ 1").modelFrame(on: lung)
        #expect(frame.response.status.map { Int($0) } == fixture.status)
        #expect(frame.design.columns == 0)
        #expect(try Formula("Surv(time, status) ~ 1").groupingFrame(on: lung).groups == nil)
    }
}
