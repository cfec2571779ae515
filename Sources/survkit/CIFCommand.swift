import ArgumentParser
import SurvivalKit

/// `survkit cif`: cumulative incidence with competing risks.
struct CIFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cif",
        abstract: "Cumulative incidence with competing risks (Aalen–Johansen), as R survfit; Gray's test as cmprsk.",
        discussion: """
            The status column codes 0 = censored and 1, 2, ... = the competing causes (the first \
            event of any cause ends follow-up). One set of curves per group on the right of ~ \
            (crossed with strata(...)); standard errors are R survfit's infinitesimal jackknife \
            (not cmprsk::cuminc's variance). With two or more groups, Gray's test per cause \
            (cmprsk::cuminc, rho = 0), stratified by strata(...).

            Example: survkit cif datasets/mgus2_competing.csv --formula "Surv(etime, event) ~ sex"
            """
    )

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let frame = try FrameLoader.load(cohort, frameOptions: ModelFrameOptions(allowCompetingRisks: true))
        let result: CumulativeIncidenceResult
        do { result = try CumulativeIncidence.fit(frame) } catch {
            throw AnalysisFailure(message: "\(cohort.data): \(error.message)")
        }
        let text = try CumulativeIncidenceReport.render(result, format: output.format)
        try ReportWriter.emit(text, warnings: result.warnings, output: output)
    }
}
