import CohortData
import Foundation
@testable import SurvivalModels
import SurvivalTestSupport
import Testing

/// `--counts COL` (frequency-weighted rows) at library level: the compressed
/// tables of `Tests/Fixtures/counts/data/` fitted with `ModelFrameOptions.counts`
/// against R on the expanded rows (Tests/Reference/counts.R), every fixture
/// field compared with the result struct — km, logrank, cif, cox (Breslow and
/// Efron, strata, robust), poisson and rates.
@Suite struct CountsReferenceTests {
    @Test("Fits of the compressed table with counts equal R's on the expanded rows", arguments: Repository.fixtures("counts"))
    func countsMatchTheExpandedRows(caseName: String) throws {
        let command = try FixtureCommand(
            kind: "counts", caseName: caseName,
            subcommand: (try Repository.fixture("counts", caseName)["args"] as? [String])?.first)
        let args = try #require(command.fixture["args"] as? [String])
        let mapped: FixtureValue
        let origin: RowOrigin
        switch args[0] {
        case "km":
            let frame = try command.frame { formula, cohort, options in try formula.groupingFrame(on: cohort, options: options) }
            origin = frame.origin
            mapped = try KaplanMeier.fit(frame).fixtureValue
        case "logrank":
            let frame = try command.frame { formula, cohort, options in try formula.groupingFrame(on: cohort, options: options) }
            origin = frame.origin
            mapped = try LogRank.test(frame).fixtureValue
        case "cif":
            let frame = try command.frame(allowCompetingRisks: true) { formula, cohort, options in
                try formula.groupingFrame(on: cohort, options: options)
            }
            origin = frame.origin
            mapped = try CumulativeIncidence.fit(frame).fixtureValue
        case "cox":
            let frame = try command.frame { formula, cohort, options in try formula.modelFrame(on: cohort, options: options) }
            origin = frame.origin
            var options = CoxOptions()
            options.ties = try command.choice("--ties", default: CoxTies.efron)
            options.robust = command.flag("--robust") ? true : nil
            mapped = try CoxModel.fit(frame, options: options).result.fixtureValue
        case "poisson":
            let frame = try command.frame { formula, cohort, options in try formula.countFrame(on: cohort, options: options) }
            origin = frame.origin
            let result = try RateRegression.poisson(frame)
            mapped = result.fixtureValue.adding(["bic": result.bic.fixtureValue])
        case "rates":
            let events = try command.required("--events"), personTime = try command.required("--person-time")
            let by = try command.required("--by")
            let frame = try command.frame(formula: "\(events) ~ \(by) + offset(\(personTime))") { formula, cohort, options in
                try formula.countGroupingFrame(on: cohort, options: options)
            }
            origin = frame.origin
            mapped = try EventRates.compute(
                events: frame.response, personTime: try #require(frame.offset), grouping: frame.groups,
                rows: frame.rows, counts: frame.counts
            ).fixtureValue
        default:
            Issue.record("counts/\(caseName): no library mapping for \(args[0])")
            return
        }
        command.expectEveryOptionMapped()
        // `input` is set by survkit from the frame's origin.
        let input = origin.input
        let inputValue = FixtureValue.record([
            "format": input.format.rawValue, "delimiter": input.delimiter, "decimal": input.decimal,
            "counts": input.counts,
        ])
        expectMatchesFixture(mapped.adding(["input": inputValue]), command)
    }

    /// Efron with counts runs over the subjects the tied rows stand for; R's
    /// weighted Efron (weights = n on the compressed rows) over the tied rows.
    /// The two differ on this table, and `weights` reproduces R's weighted fit.
    @Test func efronWithCountsIsNotRsWeightedEfron() throws {
        let weighted = try Repository.fixture("counts", "colon_efron_weighted")
        let expanded = try Repository.fixture("counts", "colon_efron")
        let cohort = try CSVReader().read(path: Repository.url("Tests/Fixtures/counts/data/colon_death.csv").path)
        let formula = try Formula("Surv(time, status) ~ rx + sex + factor(extent)")
        var options = ModelFrameOptions()
        options.counts = "n"
        let counted = try CoxModel.fit(try formula.modelFrame(on: cohort, options: options)).result
        let byWeight = try CoxModel.fit(try formula.modelFrame(on: cohort, options: ModelFrameOptions(weights: "n"))).result
        func coefficients(_ fixture: [String: Any]) -> [Double] {
            ((fixture["coefficients"] as? [[String: Any]]) ?? []).compactMap { $0["coef"] as? Double }
        }
        let rExpanded = coefficients(expanded), rWeighted = coefficients(weighted)
        try #require(rExpanded.count == 6 && rWeighted.count == 6)
        for j in 0..<6 {
            let a = try #require(counted.coefficients[j].coef), b = try #require(byWeight.coefficients[j].coef)
            #expect(abs(a - rExpanded[j]) <= 1e-9 * abs(rExpanded[j]))
            #expect(abs(b - rWeighted[j]) <= 1e-9 * abs(rWeighted[j]))
        }
        // The first coefficient moves by about 5e-4 relative between the two.
        #expect(abs(rExpanded[0] - rWeighted[0]) > 1e-4 * abs(rExpanded[0]))
        #expect(abs(counted.loglik - byWeight.loglik) > 0.1)
        // Sizes: subjects with counts, rows with weights (R's fit$n, fit$nevent).
        #expect(counted.n == 929 && byWeight.n == 582)
    }

    /// The exact identity behind the semantics: doubling every count is the
    /// same expanded data as listing every row twice (Efron included, where
    /// R's weighted Efron would not be invariant under the first).
    @Test func doublingEveryCountEqualsDuplicatingEveryRow() throws {
        let cohort = try CSVReader().read(path: Repository.url("Tests/Fixtures/counts/data/lung_months.csv").path)
        let formula = try Formula("Surv(time, status) ~ sex + factor(ph.ecog)")
        guard case .numeric(let n)? = cohort.column(named: "n") else {
            Issue.record("n is not numeric")
            return
        }
        let names = cohort.headerNames
        let doubled = try Cohort(columns: names.map { name in
            (name, name == "n" ? .numeric(n.map { $0 * 2 }) : try #require(cohort.column(named: name)))
        })
        let duplicated = try Cohort(columns: names.map { name in
            let c = try #require(cohort.column(named: name))
            return (name, concatenated(c, c))
        })
        var options = ModelFrameOptions()
        options.counts = "n"
        let a = try CoxModel.fit(try formula.modelFrame(on: doubled, options: options)).result
        let b = try CoxModel.fit(try formula.modelFrame(on: duplicated, options: options)).result
        #expect(a.n == b.n && a.events == b.events && a.n == 2 * 227)
        for (x, y) in zip(a.coefficients, b.coefficients) {
            let cx = try #require(x.coef), cy = try #require(y.coef)
            #expect(abs(cx - cy) <= 1e-9 * abs(cx))
            let sx = try #require(x.se), sy = try #require(y.se)
            #expect(abs(sx - sy) <= 1e-9 * sx)
        }
        #expect(abs(a.loglik - b.loglik) <= 1e-9 * abs(a.loglik))
    }

    /// One tied row of a million subjects: Efron's sum over D = 10⁶ runs in
    /// scalars (no D·p² work) and equals the fit where that row is split into
    /// two rows of half a million each (the same expanded rows).
    @Test func aMillionTiedSubjectsOnOneRowEqualTwoHalfRows() throws {
        let base = try Cohort(columns: [
            ("time", .numeric([1, 1, 2, 2, 3, 3])), ("status", .numeric([1, 1, 1, 0, 1, 0])),
            ("x", .numeric([0, 1, 0, 1, 0, 1])), ("n", .numeric([1_000_000, 400_000, 300_000, 500_000, 700_000, 200_000])),
        ])
        let split = try Cohort(columns: [
            ("time", .numeric([1, 1, 1, 2, 2, 3, 3])), ("status", .numeric([1, 1, 1, 1, 0, 1, 0])),
            ("x", .numeric([0, 0, 1, 0, 1, 0, 1])),
            ("n", .numeric([500_000, 500_000, 400_000, 300_000, 500_000, 700_000, 200_000])),
        ])
        let formula = try Formula("Surv(time, status) ~ x")
        var options = ModelFrameOptions()
        options.counts = "n"
        let a = try CoxModel.fit(try formula.modelFrame(on: base, options: options)).result
        let b = try CoxModel.fit(try formula.modelFrame(on: split, options: options)).result
        let ca = try #require(a.coefficients[0].coef), cb = try #require(b.coefficients[0].coef)
        #expect(abs(ca - cb) <= 1e-9 * abs(ca))
        #expect(abs(a.loglik - b.loglik) <= 1e-9 * abs(a.loglik))
        #expect(a.events == 2_400_000 && a.n == 3_100_000)
    }

    private func concatenated(_ a: Column, _ b: Column) -> Column {
        switch (a, b) {
        case (.numeric(let x), .numeric(let y)): return .numeric(x + y)
        case (.date(let x), .date(let y)): return .date(x + y)
        case (.categorical(let x, let levels), .categorical(let y, _)): return .categorical(codes: x + y, levels: levels)
        default: return a
        }
    }
}

extension FixtureValue {
    /// These fields with `extra` added (a struct mapping only).
    func adding(_ extra: [String: FixtureValue]) -> FixtureValue {
        guard case .fields(let mapped) = self else { return self }
        return .fields(mapped.merging(extra) { $1 })
    }
}

extension CoxResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record([
            "analysis": "cox",
            "ties": ties.rawValue,
            "n": n,
            "events": events,
            "n_dropped_missing": nDroppedMissing,
            "iterations": iterations,
            "converged": converged,
            "coefficients": coefficients,
            "loglik_null": loglikNull,
            "loglik": loglik,
            "tests": FixtureValue.record([
                "likelihood_ratio": tests.likelihoodRatio, "wald": tests.wald, "score": tests.score,
            ]),
            "variance": variance,
            "concordance": concordance.map { FixtureValue.record(["c": $0.c, "se": $0.se]) },
            "aic": aic,
            "bic": bic,
            "rows": rows,
        ])
    }
}

/// Prior weights that are whole numbers are frequency weights in R's Poisson
/// likelihood (`poisson()$aic` is −2 Σ wt·log dpois(y, μ)): the log-likelihood
/// with `weights` equals the one with the same column as `counts` (the
/// expanded rows), while n, the degrees of freedom and BIC's n differ.
@Suite struct PoissonPriorWeightsTests {
    @Test func wholeNumberPriorWeightsGiveTheExpandedRowsLikelihood() throws {
        let cohort = try Cohort(columns: [
            ("y", .numeric([1, 0, 3, 2, 4, 1])), ("x", .numeric([0, 1, 0, 1, 0, 1])),
            ("t", .numeric([2, 1, 3, 2, 5, 1])), ("w", .numeric([2, 1, 3, 1, 2, 4])),
        ])
        let formula = try Formula("y ~ x + offset(log(t))")
        var counted = ModelFrameOptions()
        counted.counts = "w"
        let byWeight = try RateRegression.poisson(try formula.countFrame(on: cohort, options: ModelFrameOptions(weights: "w")))
        let byCount = try RateRegression.poisson(try formula.countFrame(on: cohort, options: counted))
        let a = try #require(byWeight.loglik), b = try #require(byCount.loglik)
        #expect(abs(a - b) <= 1e-12 * abs(a))
        #expect(abs((byWeight.aic ?? 0) - (byCount.aic ?? 1)) <= 1e-12 * abs(a))
        #expect(byWeight.n == 6 && byCount.n == 13)
        #expect(byWeight.dfResidual == 4 && byCount.dfResidual == 11)
    }
}
