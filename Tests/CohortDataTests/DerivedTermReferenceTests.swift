import Foundation
import Testing
@testable import CohortData

/// Derived terms against R (Tests/Reference/derived.R →
/// Tests/Fixtures/derived/designs.json, cut_labels.json): term labels as R
/// deparses them, design-column names (R's `model.matrix` names mapped by the
/// script's documented rule: `<label><level>` → `<label>=<level>`,
/// `factor(x)<level>` → `x=<level>`), used rows (NA/NaN derived values
/// dropped as `model.frame` drops them), the first rows and the column sums
/// of the design, and the status of `Surv()` expressions.
@Suite("Derived terms match R")
struct DerivedTermReferenceTests {
    struct Design: Decodable {
        var data: String
        var formula: String
        var term_labels: [String]
        var names: [String]
        var n: Int
        var rows: [Int]
        var head: [[Double]]
        var column_sums: [Double]
        var status: [Int]
    }

    struct Labels: Decodable {
        struct Cut: Decodable {
            var x: [Double]
            var args: String
            var labels: [String]
            var codes: [Int?]
        }
        struct Rounding: Decodable {
            var x: [Double]
            var digits: [Int]
            var rounded: [Double]
        }
        var cut: [Cut]
        var round: Rounding
    }

    static func fixture<T: Decodable>(_ name: String, as: T.Type) throws -> T {
        let url = repositoryRoot().appendingPathComponent("Tests/Fixtures/derived/\(name)")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func read(_ path: String) throws -> Cohort {
        try CSVReader().read(path: repositoryRoot().appendingPathComponent(path).path)
    }

    @Test func designsMatchModelMatrix() throws {
        let designs = try Self.fixture("designs.json", as: [Design].self)
        var cohorts: [String: Cohort] = [:]
        for d in designs {
            let cohort = try cohorts[d.data] ?? Self.read(d.data)
            cohorts[d.data] = cohort
            let formula = try Formula(d.formula)
            #expect(formula.terms.map(\.label) == d.term_labels, "\(d.formula)")
            let frame = try formula.modelFrame(on: cohort)
            #expect(frame.termNames == d.names, "\(d.formula)")
            #expect(frame.rowIndex == d.rows, "\(d.formula)")
            #expect(frame.rows.used == d.n && frame.rows.read - frame.rows.droppedTotal == d.n, "\(d.formula)")
            #expect(frame.response.status.prefix(d.status.count).map { Int($0) } == d.status, "\(d.formula)")
            guard frame.design.columns == d.names.count, frame.count == d.n else {
                Issue.record("shape differs for \(d.formula)")
                continue
            }
            for (i, row) in d.head.enumerated() {
                for (j, expected) in row.enumerated() {
                    let got = frame.design[i, j]
                    #expect(abs(got - expected) <= 1e-12 * max(1, abs(expected)), "\(d.formula) [\(i), \(j)]")
                }
            }
            for (j, expected) in d.column_sums.enumerated() {
                let got = (0..<frame.count).reduce(0.0) { $0 + frame.design[$1, j] }
                #expect(abs(got - expected) <= 1e-9 * max(1, abs(expected)), "\(d.formula) column \(j) sum")
            }
        }
    }

    @Test func cutLabelsAndCodesMatchR() throws {
        let labels = try Self.fixture("cut_labels.json", as: Labels.self)
        for c in labels.cut {
            var parser = try FormulaParser(c.args)
            let e = try parser.parseWholeExpression()
            // R's deparse of the call, numbers included (1e+05, 1e-05).
            #expect(e.text == c.args)
            let cohort = try Cohort(columns: [("x", .numeric(c.x))])
            let evaluator = ExpressionEvaluator(cohort: cohort, rows: Array(c.x.indices), numericColumn: { _ in [] })
            guard case .factor(let codes, let levels) = try evaluator.evaluate(e) else {
                Issue.record("\(c.args) is not a factor")
                continue
            }
            #expect(levels == c.labels, "\(c.args)")
            #expect(codes.map { $0 < 0 ? nil : Int($0) + 1 } == c.codes, "\(c.args)")
        }
    }

    @Test func roundHalvesAsR() throws {
        let r = try Self.fixture("cut_labels.json", as: Labels.self).round
        for (k, x) in r.x.enumerated() {
            #expect(ExpressionEvaluator.round(x, digits: r.digits[k]) == r.rounded[k], "round(\(x), \(r.digits[k]))")
        }
    }
}
