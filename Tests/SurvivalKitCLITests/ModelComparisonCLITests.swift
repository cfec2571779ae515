import Foundation
import SurvivalTestSupport
import Testing

/// `aic`/`bic` on the regression commands, `cox --anova` and `survkit compare`
/// end to end: the fixtures of Tests/Reference/model_comparison.R through the
/// executable, the output without the new options unchanged but for the new
/// keys, and the refusals (different rows, robust variances, responses).
@Suite struct ModelComparisonCLITests {
    @Test("survkit matches R's AIC, BIC, anova(fit) and anova(fit1, fit2, ...)",
          arguments: Repository.fixtures("model-comparison"))
    func matchesR(caseName: String) throws {
        let fixture = try Repository.fixture("model-comparison", caseName)
        let args = try #require(fixture["args"] as? [String])
        let actual = try CommandRunner.runJSON(args)
        var comparison = JSONComparison()
        comparison.ignoredKeys.insert("ic_df")  // checked by the library tests (logLik's df)
        let diffs = comparison.differences(expected: fixture, actual: actual)
        #expect(diffs.isEmpty, "\(caseName): \(diffs.prefix(10).joined(separator: "\n"))")
    }

    static func object(_ args: [String]) throws -> [String: Any] {
        try #require(try CommandRunner.runJSON(args + ["--format", "json"]) as? [String: Any])
    }

    /// The JSON of each command has exactly its earlier keys plus `aic` and `bic`
    /// (survreg had `aic` already); `--anova` adds `anova` and changes nothing else.
    @Test func theNewKeysAreTheOnlyChange() throws {
        let lung = "datasets/lung.csv"
        let cox = try Self.object(["cox", lung, "--formula", "Surv(time, status) ~ age + sex"])
        #expect(Set(cox.keys) == [
            "analysis", "ties", "n", "events", "n_dropped_missing", "iterations", "converged", "coefficients",
            "loglik_null", "loglik", "tests", "concordance", "variance", "warnings", "rows", "input", "aic", "bic",
        ])
        // Byte for byte: the JSON with --anova, less its "anova" block, is the JSON without.
        let plain = try CommandRunner.run(["cox", lung, "--formula", "Surv(time, status) ~ age + sex", "--format", "json"])
        let withAnova = try CommandRunner.run([
            "cox", lung, "--formula", "Surv(time, status) ~ age + sex", "--anova", "--format", "json",
        ])
        var lines = withAnova.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "  \"anova\" : ["))
        let end = try #require(lines[start...].firstIndex(of: "  ],"))
        lines.removeSubrange(start...end)
        #expect(lines.joined(separator: "\n") == plain)

        let survreg = try Self.object(["survreg", lung, "--formula", "Surv(time, status) ~ age + sex"])
        #expect(Set(survreg.keys) == [
            "analysis", "dist", "n", "events", "n_dropped_missing", "iterations", "converged", "coefficients",
            "scale", "log_scale", "strata_scales", "loglik", "loglik_null", "tests", "aic", "variance",
            "variance_terms", "warnings", "rows", "input", "bic",
        ])
        for command in ["poisson", "negbin"] {
            let rate = try Self.object([command, "datasets/quine.csv", "--formula", "Days ~ Eth + Sex"])
            var expected: Set<String> = [
                "analysis", "n", "events", "n_dropped_missing", "iterations", "converged", "coefficients", "deviance",
                "null_deviance", "df_residual", "df_null", "aic", "loglik", "variance", "warnings", "rows", "input", "bic",
            ]
            if command == "negbin" { expected.formUnion(["theta", "theta_se"]) }
            #expect(Set(rate.keys) == expected, "\(command)")
        }
    }

    @Test func theTextReportsShowAICAndBIC() throws {
        let cox = try CommandRunner.run(["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex", "--anova"])
        #expect(cox.contains("(n = 165 events)"), "\(cox)")  // BIC's n: R's nobs(fit) = 165 events in lung
        #expect(cox.contains("Analysis of deviance") && cox.contains("NULL"), "\(cox)")
        let survreg = try CommandRunner.run(["survreg", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex"])
        // R: AIC(fit) 2302.109, BIC(fit) 2315.826 (Tests/Fixtures/model-comparison/survreg_lung_ic.json).
        #expect(survreg.contains("AIC = 2302.109, BIC = 2315.826"), "\(survreg)")
        let negbin = try CommandRunner.run(["negbin", "datasets/quine.csv", "--formula", "Days ~ Eth + Sex + Age + Lrn"])
        // R: BIC(fit) 1133.02 (negbin_quine_ic.json).
        #expect(negbin.contains("BIC: 1133.02"), "\(negbin)")
        let md = try CommandRunner.run([
            "compare", "datasets/quine.csv", "--model", "poisson", "--formula", "Days ~ Sex", "--formula", "Days ~ Sex + Eth",
            "--format", "markdown",
        ])
        #expect(md.contains("| 1 vs 2 |") && md.contains("Days ~ Sex + Eth"), "\(md)")
    }

    /// lung's ph.ecog is missing in one row: `~ age` and `~ age + ph.ecog` use different rows.
    @Test func differentRowSetsAreRefusedWithTheWayOut() throws {
        let r = try CommandRunner.spawn([
            "compare", "datasets/lung.csv", "--model", "cox", "--formula", "Surv(time, status) ~ age",
            "--formula", "Surv(time, status) ~ age + ph.ecog",
        ])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("different rows"), "\(r.stderr)")
        #expect(r.stderr.contains("column \"ph.ecog\" is missing in 1 row"), "\(r.stderr)")
        #expect(r.stderr.contains("leaves out 1 row"), "\(r.stderr)")
        #expect(r.stderr.contains("--subset '!is.na(ph.ecog)'"), "\(r.stderr)")
        // The suggested subset works, and an existing subset is kept in the suggestion.
        let fixed = try CommandRunner.spawn([
            "compare", "datasets/lung.csv", "--model", "survreg", "--formula", "Surv(time, status) ~ age",
            "--formula", "Surv(time, status) ~ age + ph.ecog", "--subset", "!is.na(ph.ecog)",
        ])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let kept = try CommandRunner.spawn([
            "compare", "datasets/lung.csv", "--model", "poisson", "--formula", "status ~ age",
            "--formula", "status ~ age + wt.loss", "--subset", "sex == 1",
        ])
        #expect(kept.status == 1)
        #expect(kept.stderr.contains("--subset '(sex == 1) & !is.na(wt.loss)'"), "\(kept.stderr)")
    }

    @Test func robustVariancesHaveNoLikelihoodRatioTables() throws {
        let cluster = try CommandRunner.spawn([
            "cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + cluster(inst)", "--anova",
        ])
        #expect(cluster.status == 1 && cluster.stderr.contains("robust variance"), "\(cluster.stderr)")
        let robust = try CommandRunner.spawn([
            "cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age", "--anova", "--robust",
        ])
        #expect(robust.status == 2, "\(robust.stderr)")
        let compared = try CommandRunner.spawn([
            "compare", "datasets/lung.csv", "--model", "cox", "--formula", "Surv(time, status) ~ age + cluster(inst)",
            "--formula", "Surv(time, status) ~ age + sex + cluster(inst)", "--subset", "!is.na(inst)",
        ])
        #expect(compared.status == 1 && compared.stderr.contains("robust variance"), "\(compared.stderr)")
    }

    @Test func usageErrorsAndDifferentResponses() throws {
        let one = try CommandRunner.spawn(["compare", "datasets/lung.csv", "--model", "cox", "--formula", "Surv(time, status) ~ age"])
        #expect(one.status == 2 && one.stderr.contains("at least two"), "\(one.stderr)")
        let ties = try CommandRunner.spawn([
            "compare", "datasets/quine.csv", "--model", "poisson", "--formula", "Days ~ Sex", "--formula", "Days ~ Sex + Eth",
            "--ties", "breslow",
        ])
        #expect(ties.status == 2, "\(ties.stderr)")
        let response = try CommandRunner.spawn([
            "compare", "datasets/lung.csv", "--model", "cox", "--formula", "Surv(time, status) ~ age",
            "--formula", "Surv(meal.cal, status) ~ age",
        ])
        #expect(response.status == 1 && response.stderr.contains("different response"), "\(response.stderr)")
    }
}
