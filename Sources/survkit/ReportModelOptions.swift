import ArgumentParser
import SurvivalKit

/// The `survkit report` options of the model sections added with issue 11
/// (the Fine–Gray model, the cumulative incidence with limits, the restricted
/// mean, the test for trend); each overrides its analysis-file key.
struct ReportModelOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help: "The Fine–Gray model of the --event-status event with death competing (default: with --event-time).")
    var fineGray: Bool?

    @Option(help: "Comma-separated Fine–Gray model terms (default: the --covariates), e.g. margin,factor(grade).")
    var fineGrayCovariates: String?

    @Option(
        help: ArgumentHelp(
            "Comma-separated times of the cumulative incidence table with 95% limits (default: 1,2,5 with"
                + " --time-unit years, else --times), as survkit cif --times; none for no table."))
    var cifTimes: String?

    @Flag(inversion: .prefixedNo, help: "The restricted mean survival time by group (default: where tau is known).")
    var rmst: Bool?

    @Option(help: "Upper limit of the restricted mean, in the time unit (default 5 with --time-unit years).")
    var rmstTau: Double?

    @Option(help: "Grouping of the restricted mean section (default: --group).")
    var rmstGroup: String?

    @Flag(
        inversion: .prefixedNo,
        help: "The log-rank test for trend across the --group levels (default: three or more levels, all numbers).")
    var trend: Bool?

    func validate() throws {
        if let cifTimes, cifTimes != "none", [Double](commaSeparated: cifTimes) == nil {
            throw ValidationError("--cif-times must be comma-separated finite numbers ≥ 0, e.g. 1,2,5 (or none).")
        }
        if let rmstTau, !(rmstTau.isFinite && rmstTau > 0) {
            throw ValidationError("--rmst-tau must be a finite number > 0 (the upper limit of the restricted mean).")
        }
    }

    /// The options given, written over the specification's keys.
    func apply(to spec: inout ReportSpecification) {
        if let fineGray { spec.fineGray = fineGray }
        if let fineGrayCovariates { spec.fineGrayCovariates = ReportCommand.splitTerms(fineGrayCovariates) }
        if cifTimes == "none" {
            spec.cifTimes = []
        } else if let values = cifTimes.flatMap({ [Double](commaSeparated: $0) }) {
            spec.cifTimes = values
        }
        if let rmst { spec.rmst = rmst }
        if let rmstTau { spec.rmstTau = rmstTau }
        if let rmstGroup { spec.rmstGroup = rmstGroup }
        if let trend { spec.logrankTrend = trend }
    }

    /// The keys of an analysis file checked as the options are (`cif_times`
    /// finite and ≥ 0, `rmst_tau` finite and > 0).
    static func check(_ spec: ReportSpecification) throws {
        if let times = spec.cifTimes, !times.allSatisfy({ $0.isFinite && $0 >= 0 }) {
            throw ValidationError("cif_times must be finite numbers ≥ 0, e.g. [1, 2, 5].")
        }
        if let tau = spec.rmstTau, !(tau.isFinite && tau > 0) {
            throw ValidationError("rmst_tau must be a finite number > 0 (the upper limit of the restricted mean).")
        }
    }

    /// The `survkit report` options that give `spec`'s choices of these sections (defaults left out).
    static func reproducingArguments(_ spec: ReportSpecification) -> [String] {
        var out: [String] = []
        if let v = spec.fineGray { out.append(v ? "--fine-gray" : "--no-fine-gray") }
        if let terms = spec.fineGrayCovariates { out += ["--fine-gray-covariates", terms.joined(separator: ",")] }
        if let times = spec.cifTimes {
            out += ["--cif-times", times.isEmpty ? "none" : times.map(NumberFormatting.label).joined(separator: ",")]
        }
        if let v = spec.rmst { out.append(v ? "--rmst" : "--no-rmst") }
        if let tau = spec.rmstTau { out += ["--rmst-tau", NumberFormatting.label(tau)] }
        if let g = spec.rmstGroup { out += ["--rmst-group", g] }
        if let v = spec.logrankTrend { out.append(v ? "--trend" : "--no-trend") }
        return out
    }
}
