import ArgumentParser
import SurvivalKit

extension ContinuousSummary: ExpressibleByArgument {}

/// The `survkit report` options of Table 1 (issue 12): the continuous
/// summary, p-values and standardized mean differences; each overrides its
/// analysis-file key (`continuous`, `p_values`, `smd`).
struct ReportTableOneOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Continuous variables in Table 1 as median [IQR] or mean (SD) (default median).",
            discussion: "Quartiles as R quantile (type 7); SD with n − 1. With --p-values it also chooses the test.",
            valueName: "mean|median"))
    var continuous: ContinuousSummary?

    @Flag(
        help: ArgumentHelp(
            "Add a p-value per Table 1 variable (gtsummary add_p() defaults).",
            discussion: """
                Categories: chi-squared without continuity correction, or Fisher's exact test when an expected \
                count is below 5; medians: Wilcoxon rank-sum (2 groups) or Kruskal–Wallis; means \
                (--continuous mean): Welch's t-test (2 groups) or one-way ANOVA.
                """))
    var pValues = false

    @Flag(help: "Add the standardized mean difference per Table 1 variable (as R tableone; mean of pairs for > 2 groups).")
    var smd = false

    /// The options given, written over the specification's keys.
    func apply(to spec: inout ReportSpecification) {
        if let continuous { spec.continuous = continuous }
        if pValues { spec.pValues = true }
        if smd { spec.smd = true }
    }

    /// The `survkit report` options that give `spec`'s Table 1 choices (defaults left out).
    static func reproducingArguments(_ spec: ReportSpecification) -> [String] {
        var out: [String] = []
        if let c = spec.continuous { out += ["--continuous", c.rawValue] }
        if spec.pValues == true { out.append("--p-values") }
        if spec.smd == true { out.append("--smd") }
        return out
    }
}
