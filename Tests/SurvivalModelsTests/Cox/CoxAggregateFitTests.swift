import CohortData
import Foundation
import SurvivalNumerics
import Testing

@testable import SurvivalModels

/// Fits from per-time aggregate sums (``CoxModel/fitAggregates(_:termNames:options:)``)
/// against the row-level fit of the same rows and against R (`Tests/Reference/cox.R`).
@Suite struct CoxAggregateFitTests {
    static let cases = ["lung_efron", "lung_breslow", "lung_strata", "lung_interaction", "veteran"]

    func options(_ fixture: CoxFixture) -> CoxOptions {
        CoxOptions(ties: CoxTies(rawValue: fixture.expected.ties) ?? .efron)
    }

    func expectSameFit(_ a: CoxAggregateFit, _ b: CoxFit, tol: Double = 1e-10) {
        #expect(allClose(a.coefficients, b.coefficients, tol))
        let p = a.beta.count
        for i in 0..<p {
            for j in 0..<p { #expect(close(a.variance[i, j], b.naiveVariance[i, j], tol)) }
        }
        #expect(close(a.loglik, b.loglik.final, tol))
        #expect(close(a.loglikInitial, b.loglik.initial, tol))
        let ra = a.result(rows: b.frame.rows), rb = b.result
        #expect(close(ra.tests.likelihoodRatio.statistic, rb.tests.likelihoodRatio.statistic, tol))
        #expect(close(ra.tests.wald.statistic, rb.tests.wald.statistic, tol))
        #expect(close(ra.tests.score?.statistic, rb.tests.score?.statistic, tol))
        #expect(ra.iterations == rb.iterations)
        #expect(ra.n == rb.n && ra.events == rb.events)
    }

    @Test("sums of the rows give the row-level fit to 1e-10 and R's coefficients", arguments: cases)
    func aggregatesOfRowsEqualRowLevelFit(name: String) throws {
        let fixture = try CoxFixture.load(name)
        let frame = fixture.frame
        let opts = options(fixture)
        let rows = try CoxModel.fit(frame, options: opts)
        let agg = try CoxModel.fitAggregates(
            FrameCoxAggregateSource(frame: frame), termNames: frame.termNames, options: opts)
        expectSameFit(agg, rows)
        #expect(allClose(agg.coefficients, fixture.expected.coef, 1e-6))
        #expect(allClose(agg.coefficients.indices.map { agg.variance[$0, $0].squareRoot() },
                         fixture.expected.se, 1e-6))
        #expect(close(agg.loglik, fixture.expected.loglik[1], 1e-9))
    }

    /// The frame's rows `keep` (in order).
    func subset(_ f: ModelFrame, _ keep: [Int]) -> ModelFrame {
        var g = f
        g.response = SurvivalResponse(
            stop: keep.map { f.response.stop[$0] }, status: keep.map { f.response.status[$0] })
        var storage: [Double] = []
        for j in 0..<f.design.columns { storage += keep.map { f.design[$0, j] } }
        g.design = Matrix(rows: keep.count, columns: f.design.columns, columnMajor: storage)
        g.strata = f.strata.map { Grouping(codes: keep.map { $0 }.map { f.strata!.codes[$0] }, labels: $0.labels) }
        g.rowIndex = Array(0..<keep.count)
        g.rows = RowAccounting(read: keep.count, used: keep.count)
        return g
    }

    @Test("three sites with a common baseline give the fit of their union", arguments: ["lung_efron", "lung_strata"])
    func pooledCommonBaselineEqualsUnion(name: String) throws {
        let fixture = try CoxFixture.load(name)
        let frame = fixture.frame
        let sites = try (0..<3).map { s in
            try FrameCoxAggregateSource(frame: subset(frame, frame.rowIndex.filter { $0 % 3 == s }))
        }
        let pooled = try CoxModel.fitAggregates(
            PooledCoxAggregateSource(sites: sites, stratifiedBySite: false), termNames: frame.termNames,
            options: options(fixture))
        expectSameFit(pooled, try CoxModel.fit(frame, options: options(fixture)))
    }

    @Test("three sites stratified by site give the fit with strata(site)")
    func pooledStratifiedEqualsSiteStrata() throws {
        let fixture = try CoxFixture.load("lung_efron")
        let frame = fixture.frame
        let site = frame.rowIndex.map { $0 % 3 }
        let parts = (0..<3).map { s in frame.rowIndex.filter { site[$0] == s } }
        let sources = try parts.map { try FrameCoxAggregateSource(frame: subset(frame, $0)) }
        let pooled = try CoxModel.fitAggregates(
            PooledCoxAggregateSource(sites: sources, stratifiedBySite: true), termNames: frame.termNames)
        var stratified = frame
        stratified.strata = Grouping(codes: site.map { Int32($0) }, labels: ["site=0", "site=1", "site=2"])
        let whole = try CoxModel.fit(stratified)
        expectSameFit(pooled, whole)
        // Not the common-baseline fit: stratifying changes the estimates.
        let common = try CoxModel.fit(frame)
        #expect(!allClose(pooled.coefficients, common.coefficients, 1e-6))
    }

    @Test("counts give the fit of the expanded rows, Efron applied per replicated subject")
    func countsEqualExpandedRows() throws {
        let fixture = try CoxFixture.load("lung_efron")
        let frame = fixture.frame
        // Each row stands for 1, 2 or 3 subjects; the expanded frame repeats it.
        let counts = frame.rowIndex.map { Double($0 % 3 + 1) }
        let expanded = subset(frame, frame.rowIndex.flatMap { i in [Int](repeating: i, count: i % 3 + 1) })
        let agg = try CoxModel.fitAggregates(
            FrameCoxAggregateSource(frame: frame, counts: counts), termNames: frame.termNames)
        expectSameFit(agg, try CoxModel.fit(expanded))
        // R's weighted Efron (weights = counts) is a different estimator.
        var weighted = frame
        weighted.weights = counts
        let w = try CoxModel.fit(weighted, options: CoxOptions(robust: false))
        #expect(!allClose(agg.coefficients, w.coefficients, 1e-8))
    }

    struct FailingSource: CoxAggregateSource {
        struct Lost: Error, Equatable {}
        let inner: FrameCoxAggregateSource
        var columnCount: Int { inner.columnCount }
        func moments(noScaleValues: Set<Double>) throws -> CoxAggregateMoments {
            try inner.moments(noScaleValues: noScaleValues)
        }
        func absoluteDeviations(from means: [Double]) throws -> [Double] { try inner.absoluteDeviations(from: means) }
        func timeSums(beta: [Double], means: [Double]) throws -> [CoxTimeSums] {
            if beta.contains(where: { $0 != 0 }) { throw Lost() }
            return try inner.timeSums(beta: beta, means: means)
        }
    }

    @Test("a source that fails during the iteration fails the fit")
    func sourceFailureIsRethrown() throws {
        let frame = try CoxFixture.load("lung_efron").frame
        let source = FailingSource(inner: try FrameCoxAggregateSource(frame: frame))
        #expect(throws: FailingSource.Lost.self) {
            try CoxModel.fitAggregates(source, termNames: frame.termNames)
        }
    }

    @Test("fractional counts and (start, stop] data are refused")
    func unsupportedInputsAreRefused() throws {
        let frame = try CoxFixture.load("lung_efron").frame
        #expect(throws: CoxAggregateSourceError.fractionalCount(row: 0, value: 0.5)) {
            try FrameCoxAggregateSource(frame: frame, counts: [0.5] + [Double](repeating: 1, count: frame.count - 1))
        }
        let cp = try CoxFixture.load("heart_cp").frame
        #expect(throws: CoxAggregateSourceError.self) { try FrameCoxAggregateSource(frame: cp) }
    }
}
