import ArgumentParser
import SurvivalKit

/// `survkit relsurv`: relative (net) survival against a population life
/// table, with the comparison of net survival between groups.
struct RelSurvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relsurv",
        abstract: "Relative (net) survival against a population life table, as relsurv rs.surv and rs.diff.",
        discussion: """
            One curve per group on the right of ~: Pohar Perme's net survival (default), Ederer II, \
            Hakulinen or Ederer I, with relsurv's standard errors and limits; with two or more groups \
            the log-rank-type test of net survival (rs.diff). Each subject's population hazard comes \
            from --ratetable by age (--age, years at diagnosis), sex (--sex) and calendar date \
            (--year, the diagnosis date or year) as follow-up proceeds.

            The rate table is a CSV with columns age (whole years), year, sex (spelled as in the \
            data) and rate (daily hazard) or qx (annual probability of death). An example made from \
            R's survexp.us is datasets/lifetables/us_population_rates.csv.

            Example: survkit relsurv datasets/sarcoma_patients.csv --formula "Surv(os_years, os_status) ~ sex" \
            --ratetable datasets/lifetables/us_population_rates.csv --age age --year diagnosis_date \
            --sex sex --time-unit years --times 1,5,10
            """
    )

    /// The unit of the data's times.
    enum TimeUnit: String, ExpressibleByArgument, CaseIterable {
        case days, weeks, months, years

        /// Days per unit, with relsurv's 365.241-day year.
        var days: Double {
            switch self {
            case .days: return 1
            case .weeks: return 7
            case .months: return RateTableReader.daysPerYear / 12
            case .years: return RateTableReader.daysPerYear
            }
        }
    }

    @OptionGroup var cohort: CohortOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "The population rate table (CSV: age, year, sex, rate or qx).")
    var ratetable: String

    @Option(help: "Column of the age at diagnosis, in years.")
    var age: String

    @Option(help: "Column of the diagnosis date (YYYY-MM-DD, or --date-format), or of a whole year (1 January).")
    var year: String

    @Option(help: "Column of the sex, spelled as in the rate table.")
    var sex: String

    @Option(help: "Estimator: pohar-perme (net survival, default), ederer2, hakulinen or ederer1.")
    var method: RelativeSurvivalMethod = .poharPerme

    @Option(help: "Unit of the times in the formula (and of --times): days (default), weeks, months or years (365.241 days).")
    var timeUnit: TimeUnit = .days

    @Option(help: "Confidence limits: log (default, as relsurv), log-log or plain.")
    var confType: ConfidenceType = .log

    @OptionGroup var confidence: ConfidenceOptions

    @Option(help: "Comma-separated times (in --time-unit) at which to report the curves (adds summary_at).")
    var times: String?

    @Flag(help: "With --times, also report times after a curve's last time, as R's extend = TRUE.")
    var extend = false

    mutating func validate() throws {
        if let times, [Double](commaSeparated: times) == nil {
            throw ValidationError("--times must be comma-separated finite numbers ≥ 0, e.g. 365,1826.")
        }
        if extend && times == nil {
            throw ValidationError("--extend applies to --times; give the times too, e.g. --times 1,5 --extend.")
        }
        if ratetable == "-" {
            throw ValidationError("--ratetable must be a file (standard input may hold the cohort).")
        }
    }

    func run() throws {
        let destination = try ReportWriter.destination(
            output, inputs: [InputFile(cohort.data), InputFile(ratetable)])
        let grid: RateTableGrid
        do { grid = try RateTableReader.read(path: ratetable) } catch {
            throw AnalysisFailure(message: FrameLoader.locate(error, file: ratetable))
        }
        let table = PopulationRateTable(grid)
        var options = ModelFrameOptions()
        options.requiredColumns = [age, year, sex]
        var columns: [String: Column] = [:]
        let frame = try FrameLoader.load(
            cohort, frameOptions: options, extraColumns: [age, year, sex], build: Formula.groupingFrame,
            transform: { cohort in
                for name in [age, year, sex] { columns[name] = cohort.column(named: name) }
                return cohort
            })
        var result: RelativeSurvivalResult
        do {
            guard let a = columns[age], let y = columns[year], let s = columns[sex] else {
                throw ModelError("the columns --age \(age), --year \(year) and --sex \(sex) are needed.")
            }
            let covariates = try PopulationCovariates.matching(
                age: (age, a), year: (year, y), sex: (sex, s), rows: frame.rowIndex, table: table)
            let fitOptions = RelativeSurvivalOptions(
                method: method, confType: confType, confLevel: confidence.confLevel, daysPerUnit: timeUnit.days,
                times: times.flatMap { [Double](commaSeparated: $0) } ?? [], extend: extend)
            result = try RelativeSurvival.fit(frame, covariates: covariates, table: table, options: fitOptions)
        } catch {
            throw FrameLoader.failure(error, frame: frame, file: cohort.data)
        }
        if timeUnit == .days, let last = frame.response.stop.max(), last < 30 {
            result.warnings.append(
                "The longest follow-up is \(NumberFormatting.label(last)) days: if the times are in years or months,"
                    + " give --time-unit years (or months); relsurv measures time in days.")
        }
        result.input = frame.origin.input
        PhaseTimings.mark("fit")
        let text = try RelativeSurvivalReport.render(result, format: output.format)
        try ReportWriter.emit(text, warnings: result.warnings, to: destination)
    }
}
