import CohortData
import Foundation
import SurvivalModels
import SurvivalTestSupport
import Testing

/// Cox fits with derived terms and on `RowSubset`s against R's `coxph` and
/// `survfit` (Tests/Reference/derived.R → Tests/Fixtures/derived/designs.json,
/// subsets.json), R's defaults (Efron ties).
@Suite struct DerivedTermFitTests {
    struct Design: Decodable {
        var data: String
        var formula: String
        var n: Int
        var events: Int
        var coef: [Double?]
        var se: [Double?]
        var loglik: [Double]
    }

    struct Subset: Decodable {
        var data: String
        var subset: String
        var formula: String
        var read: Int
        var kept: Int
        var excluded_by_subset: Int
        var used: Int
        var events: Int
        var coef: [Double?]
        var se: [Double?]
        var loglik: [Double]
        var km_n: Int
        var km_events: Int
        var km_median: Double?
    }

    struct Prediction: Decodable {
        var data: String
        var formula: String
        var newdata: [String: [Double]]
        var lp: [Double]
    }

    static func load<T: Decodable>(_ name: String, as: T.Type) throws -> T {
        let url = Repository.root.appendingPathComponent("Tests/Fixtures/derived/\(name)")
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func read(_ path: String) throws -> Cohort {
        try CSVReader().read(path: Repository.root.appendingPathComponent(path).path)
    }

    @Test("Cox fits with derived terms match R's coxph")
    func derivedTermFitsMatchR() throws {
        var cohorts: [String: Cohort] = [:]
        for d in try Self.load("designs.json", as: [Design].self) {
            let cohort = try cohorts[d.data] ?? Self.read(d.data)
            cohorts[d.data] = cohort
            let frame = try Formula(d.formula).modelFrame(on: cohort)
            let fit = try CoxModel.fit(frame)
            let r = fit.result
            #expect(r.n == d.n && r.events == d.events, "\(d.formula)")
            #expect(allClose(r.coefficients.map(\.coef), d.coef, 1e-6), "\(d.formula): coef \(r.coefficients.map(\.coef)) vs \(d.coef)")
            #expect(allClose(r.coefficients.map(\.se), d.se, 1e-6), "\(d.formula): se")
            #expect(close(r.loglikNull, d.loglik[0], 1e-9) && close(r.loglik, d.loglik[1], 1e-9), "\(d.formula): loglik")
        }
    }

    @Test("subsets keep R's rows; Cox and Kaplan–Meier on them match R")
    func subsetsMatchR() throws {
        var cohorts: [String: Cohort] = [:]
        for s in try Self.load("subsets.json", as: [Subset].self) {
            let cohort = try cohorts[s.data] ?? Self.read(s.data)
            cohorts[s.data] = cohort
            let subset = try RowSubset(s.subset)
            let keep = try subset.keeps(in: cohort)
            #expect(keep.count == s.read && keep.filter { $0 }.count == s.kept, "\(s.subset)")
            let options = ModelFrameOptions(subset: subset)
            let frame = try Formula(s.formula).modelFrame(on: cohort, options: options)
            #expect(frame.rows.excludedBySubset == s.excluded_by_subset, "\(s.subset)")
            #expect(frame.rows.read == s.read && frame.rows.used == s.used, "\(s.subset)")
            #expect(frame.rows.used + frame.rows.droppedTotal + frame.rows.excludedBySubset == s.read, "\(s.subset)")
            let r = try CoxModel.fit(frame).result
            #expect(r.events == s.events, "\(s.subset)")
            #expect(allClose(r.coefficients.map(\.coef), s.coef, 1e-6), "\(s.subset): coef")
            #expect(allClose(r.coefficients.map(\.se), s.se, 1e-6), "\(s.subset): se")
            #expect(close(r.loglikNull, s.loglik[0], 1e-9) && close(r.loglik, s.loglik[1], 1e-9), "\(s.subset): loglik")
            let response = s.formula.split(separator: "~")[0]
            let km = try KaplanMeier.fit(try Formula("\(response)~ 1").groupingFrame(on: cohort, options: options))
            #expect(km.strata.count == 1 && km.strata[0].n == s.km_n && km.strata[0].events == Double(s.km_events), "\(s.subset)")
            #expect(close(km.strata[0].median, s.km_median, 1e-9), "\(s.subset): median")
        }
    }

    @Test("new data are coded with the fit's levels of derived factors, as predict.coxph")
    func predictionsWithDerivedFactorsMatchR() throws {
        for p in try Self.load("predictions.json", as: [Prediction].self) {
            let formula = try Formula(p.formula)
            let fit = try CoxModel.fit(try formula.modelFrame(on: Self.read(p.data)))
            let newData = try Cohort(columns: p.newdata.keys.sorted().map { ($0, Column.numeric(p.newdata[$0] ?? [])) })
            let design = try formula.newDataDesign(on: newData, like: fit.frame)
            let lp = fit.linearPredictors(newDesign: design.design, offset: design.offset)
            #expect(allClose(lp, p.lp, 1e-9), "\(p.formula): \(lp) vs \(p.lp)")
        }
    }
}
