import ArgumentParser
import SurvivalKit

/// `survkit logrank`: the log-rank test and the G-rho family.
struct LogRankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logrank",
        abstract: "Log-rank / G-rho test comparing survival between groups, as R survdiff.",
        discussion: """
            Compares the groups formed by the variables on the right of ~; strata(...) in the \
            formula gives a stratified test. --rho 0 is the log-rank test, --rho 1 the \
            Peto & Peto modification of the Gehan–Wilcoxon test. --trend adds the test for \
            trend across the levels of one grouping variable (1 df), with scores equal to the \
            levels when they are all numbers, else 1, 2, ... in level order (--trend-scores to \
            choose them).

            Example: survkit logrank datasets/lung.csv --formula "Surv(time, status) ~ sex + strata(inst)"
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var landmark: LandmarkOptions

    @Option(help: "The rho of the G-rho family: 0 = log-rank, 1 = Peto & Peto.")
    var rho: Double = 0

    @Flag(help: "Add the test for trend across the ordered levels of the (single) grouping variable.")
    var trend = false

    @Option(
        help: ArgumentHelp(
            "Comma-separated scores of the levels, in level order (with --trend; default: the level values"
                + " when all are numbers, else 1, 2, ...)."))
    var trendScores: String?

    /// `--trend-scores` as numbers (any sign); `nil` when absent or malformed.
    var parsedTrendScores: [Double]? {
        guard let trendScores else { return nil }
        var out: [Double] = []
        for part in trendScores.split(separator: ",", omittingEmptySubsequences: false) {
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)), v.isFinite else { return nil }
            out.append(v)
        }
        return out
    }

    mutating func validate() throws {
        // R's survdiff takes any rho; weights S(t)^rho need it finite, and a
        // negative rho weighs late differences without bound.
        guard rho.isFinite && rho >= 0 else { throw ValidationError("--rho must be a finite number ≥ 0.") }
        if trendScores != nil && !trend {
            throw ValidationError("--trend-scores applies to --trend; add --trend.")
        }
        if trendScores != nil && parsedTrendScores == nil {
            throw ValidationError("--trend-scores must be comma-separated finite numbers, one per level, e.g. 0,1,2,3.")
        }
        if trend {
            // The test for trend orders the levels of one variable.
            let formula: Formula
            do { formula = try Formula(cohort.formula) } catch { return }  // reported with its location by run()
            let grouping = formula.terms
            guard grouping.count == 1, grouping[0].variables.count == 1 else {
                let names = grouping.map(\.label).joined(separator: ", ")
                throw ValidationError(
                    "--trend needs exactly one grouping variable on the right of ~ (besides strata(...)); got "
                        + (names.isEmpty ? "none" : names)
                        + ". Combine the variables into one ordered column, or put the others in strata(...).")
            }
        }
    }

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(cohort.data)])
        let frame = try FrameLoader.load(
            cohort, frameOptions: landmark.applied(), build: Formula.groupingFrame, acceptsCounts: true,
            database: .logrank)
        var result: LogRankResult
        do { result = try LogRank.test(frame, rho: rho) } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        if trend {
            let scores: [Double]
            if let given = parsedTrendScores {
                guard given.count == result.groups.count else {
                    throw ValidationError(
                        "--trend-scores gives \(given.count) scores but there are \(result.groups.count) levels ("
                            + result.groups.map(\.label).joined(separator: ", ") + "); give one per level, in that order.")
                }
                scores = given
            } else {
                let variable = (try? Formula(cohort.formula))?.terms.first?.variables.first
                let labels = result.groups.map(\.label)
                let names = variable.map { [$0.label, $0.baseName] } ?? []
                let levels = LogRankTrend.levels(ofLabels: labels, names: names) ?? labels
                scores = LogRankTrend.defaultScores(levels: levels)
            }
            do { result.trend = try result.trend(scores: scores) } catch {
                throw FrameLoader.failure(error, frame: frame, file: cohort.data)
            }
        }
        result.input = frame.origin.input
        PhaseTimings.mark("fit")
        let text = try LogRankReport.render(result, format: output.format)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
