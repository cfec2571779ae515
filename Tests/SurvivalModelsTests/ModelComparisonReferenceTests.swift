import CohortData
import Foundation
import SurvivalModels
import SurvivalTestSupport
import Testing

/// The model-comparison fixtures (Tests/Reference/model_comparison.R) against
/// the library directly: AIC/BIC and logLik's df of `cox`, `survreg`,
/// `poisson`, `negbin` (`*_ic`), `CoxFit.anova` (`cox_anova_*`, R's
/// `anova(fit)`) and `ModelComparison` (`compare_*`, R's `anova(fit1, fit2, ...)`).
@Suite struct ModelComparisonReferenceTests {
    static let kind = "model-comparison"

    /// A fixture's `args` read back into library inputs. Every option must be
    /// one this translation knows, so a new option cannot run on defaults unseen.
    struct Arguments {
        var command: String
        var data: String
        var formulas: [String] = []
        var model: String?
        var weights: String?
        var subset: String?
        var ties: CoxTies = .efron
        var dist: SurvregDistribution = .weibull
        var anova = false

        init(_ args: [String]) throws {
            command = try #require(args.first)
            var positional: [String] = []
            var i = 1
            while i < args.count {
                let arg = args[i]
                if arg == "--anova" { anova = true; i += 1; continue }
                guard arg.hasPrefix("--") else { positional.append(arg); i += 1; continue }
                try #require(i + 1 < args.count, "option \(arg) has no value")
                let value = args[i + 1]
                switch arg {
                case "--formula": formulas.append(value)
                case "--model": model = value
                case "--weights": weights = value
                case "--subset": subset = value
                case "--ties": ties = try #require(CoxTies(rawValue: value))
                case "--dist": dist = try #require(SurvregDistribution(rawValue: value))
                case "--format": break
                default: Issue.record("option \(arg) is not mapped to a library input")
                }
                i += 2
            }
            data = try #require(positional.first)
            try #require(positional.count == 1 && !formulas.isEmpty)
        }

        var frameOptions: ModelFrameOptions {
            get throws { ModelFrameOptions(weights: weights, subset: try subset.map { try RowSubset($0) }) }
        }

        func cohort() throws -> Cohort {
            try CSVReader(options: CSVOptions(delimiter: .comma, extraMissingTokens: [])).read(path: Repository.url(data).path)
        }

        func survivalFrame(_ formula: String) throws -> ModelFrame {
            try Formula(formula).modelFrame(on: cohort(), options: frameOptions)
        }

        func countFrame(_ formula: String) throws -> (CountModelFrame, RateRegressionOptions) {
            let parsed = try Formula(formula)
            return (try parsed.countFrame(on: cohort(), options: frameOptions), RateRegressionOptions(intercept: parsed.hasIntercept))
        }

        var coxOptions: CoxOptions {
            var o = CoxOptions()
            o.ties = ties
            return o
        }

        func coxFit(_ formula: String) throws -> CoxFit { try CoxModel.fit(survivalFrame(formula), options: coxOptions) }

        func survreg(_ formula: String) throws -> SurvregResult {
            try SurvregModel.fit(survivalFrame(formula), options: SurvregOptions(distribution: dist)).makeResult()
        }

        func rate(_ kind: String, _ formula: String) throws -> RateRegressionResult {
            let (frame, options) = try countFrame(formula)
            return kind == "poisson"
                ? try RateRegression.poisson(frame, options: options)
                : try RateRegression.negativeBinomial(frame, options: options)
        }
    }

    static func labels(_ formula: String) throws -> [String: String] {
        Dictionary(try Formula(formula).terms.map { ($0.name, $0.label) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("AIC, BIC, cox --anova and compare match R", arguments: Repository.fixtures(kind))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.fixture(Self.kind, caseName)
        let a = try Arguments(try #require(fixture["args"] as? [String]))
        let mapped: FixtureValue
        switch a.command {
        case "cox":
            let fit = try a.coxFit(a.formulas[0])
            let r = fit.result
            var entries: [String: any FixtureValueConvertible] = [
                "n": r.n, "loglik": r.loglik, "aic": r.aic, "bic": r.bic, "ic_df": r.tests.likelihoodRatio.df,
            ]
            if a.anova { entries["anova"] = try fit.anova(termLabels: Self.labels(a.formulas[0])) }
            mapped = .record(entries)
        case "survreg":
            let r = try a.survreg(a.formulas[0])
            mapped = .record(["n": r.n, "loglik": r.loglik, "aic": r.aic, "bic": r.bic, "ic_df": r.loglikDF])
        case "poisson", "negbin":
            let r = try a.rate(a.command, a.formulas[0])
            mapped = .record(["n": r.n, "loglik": r.loglik, "aic": r.aic, "bic": r.bic, "ic_df": r.loglikDF])
        case "compare":
            let result: ModelComparisonResult
            switch try #require(a.model) {
            case "cox": result = try ModelComparison.cox(try a.formulas.map { ($0, try a.coxFit($0).result) })
            case "survreg": result = ModelComparison.survreg(try a.formulas.map { ($0, try a.survreg($0)) })
            case "poisson": result = ModelComparison.poisson(try a.formulas.map { ($0, try a.rate("poisson", $0)) })
            case "negbin": result = ModelComparison.negativeBinomial(try a.formulas.map { ($0, try a.rate("negbin", $0)) })
            case let other: Issue.record("unknown --model \(other)"); return
            }
            mapped = result.fixtureValue
        default:
            Issue.record("\(caseName): unknown command \(a.command)")
            return
        }
        let diffs = mapped.differences(fromFixture: fixture)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(15).joined(separator: "\n"))")
    }

    // MARK: - Behaviour R defines without a fixture number

    /// `anova.coxph` and `anova.coxphlist` stop on a robust variance; so do these.
    @Test func aRobustVarianceHasNoAnalysisOfDeviance() throws {
        let a = try Arguments(["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex + cluster(inst)"])
        let fit = try a.coxFit(a.formulas[0])
        #expect(throws: ModelError.self) { try fit.anova() }
        let plain = try a.coxFit("Surv(time, status) ~ age")
        #expect(throws: ModelError.self) {
            try ModelComparison.cox([("Surv(time, status) ~ age", plain.result), (a.formulas[0], fit.result)])
        }
    }

    /// lung has one missing ph.ecog: the model that uses it leaves that row out.
    @Test func differentRowSetsAreFoundWithTheColumnToBlame() throws {
        let a = try Arguments(["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age"])
        let small = try a.survivalFrame("Surv(time, status) ~ age")
        let large = try a.survivalFrame("Surv(time, status) ~ age + ph.ecog")
        let mismatch = try #require(ModelComparison.rowSetMismatch([(small.rowIndex, small.rows), (large.rowIndex, large.rows)]))
        #expect(mismatch.first == 0 && mismatch.second == 1)
        #expect(mismatch.onlyInFirst == 1 && mismatch.onlyInSecond == 0)
        #expect(mismatch.missingColumns.map(\.column) == ["ph.ecog"] && mismatch.missingColumns.map(\.rows) == [1])
        #expect(ModelComparison.rowSetMismatch([(small.rowIndex, small.rows), (small.rowIndex, small.rows)]) == nil)
    }

    /// R's `pchisq(x, df, lower.tail = FALSE)` at its edges: `pchisq(0, 0, lower.tail = FALSE)` = 1,
    /// `pchisq(0.5, 0, lower.tail = FALSE)` = 0, `pchisq(-1, 2, lower.tail = FALSE)` = 1,
    /// `pchisq(3.84145882069412, 1, lower.tail = FALSE)` = 0.05 (values printed by R 4.2).
    @Test func chiSquaredTailsFollowRAtTheEdges() {
        #expect(LikelihoodRatioTest.upperTail(0, df: 0) == 1)
        #expect(LikelihoodRatioTest.upperTail(0.5, df: 0) == 0)
        #expect(LikelihoodRatioTest.upperTail(-1, df: 2) == 1)
        #expect(LikelihoodRatioTest.lowerTail(0.5, df: 0) == 1)
        #expect(LikelihoodRatioTest.upperTail(1, df: -1) == nil)
        let p = LikelihoodRatioTest.upperTail(3.84145882069412, df: 1) ?? .nan
        #expect(abs(p - 0.05) < 1e-12)
    }
}

extension CoxAnovaRow: FixtureValueConvertible {
    var fixtureValue: FixtureValue { .record(["term": term, "loglik": loglik, "chisq": chisq, "df": df, "p": p]) }
}

extension ComparedModel: FixtureValueConvertible {
    var fixtureValue: FixtureValue { .record(["formula": formula, "loglik": loglik, "df": df, "aic": aic]) }
}

extension LikelihoodRatioTest: FixtureValueConvertible {
    var fixtureValue: FixtureValue { .record(["chisq": chisq, "df": df, "p": p]) }
}

extension ModelComparisonResult: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["analysis": "model-comparison", "model": model.rawValue, "n": n, "models": models, "tests": tests])
    }
}
