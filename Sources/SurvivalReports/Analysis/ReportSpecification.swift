import CohortData
import SurvivalModels

/// What `survkit report` analyses: the survival outcome, the grouping, the
/// model covariates and presentation choices. It is read from the command
/// line or from a small JSON analysis file (keys as below, snake_case):
///
/// ```json
/// { "time": "os_years", "status": "os_status", "group": "grade",
///   "covariates": ["age", "sex", "factor(grade)"], "strata": null,
///   "time_unit": "years", "times": [1, 2, 5], "title": "Sarcoma cohort",
///   "reference": { "sex": "female" },
///   "event_time": "lr_first_years", "event_status": "lr_status",
///   "recurrences": "datasets/sarcoma_recurrences.csv", "recurrence_id": "id",
///   "rate_events": "lr_count", "rate_person_time": "os_years", "rate_per": 100,
///   "recurrence_group": "margin", "subset": "age >= 18" }
/// ```
///
/// `subset` (R's `subset(d, EXPR)`, see `RowSubset`) restricts every section
/// to the rows where it is TRUE; the mean cumulative function section too
/// when the recurrences file has the columns it reads.
///
/// The recurrence keys are optional and each adds a section: `event_time` and
/// `event_status` the cumulative incidence of that event with death (`status`)
/// competing; `recurrences` (a counting-process file, with `recurrence_id` and
/// the `recurrence_start`/`recurrence_stop`/`recurrence_event` columns, default
/// `start`/`stop`/`event`) the mean cumulative function; `rate_events` and
/// `rate_person_time` the event rates per `rate_per` units of person-time.
/// These sections group by `recurrence_group`, or by `group` when it is absent.
///
/// The model sections added with issue 11 are on by default where they apply
/// (`ReportSpecification+Sections.swift` resolves them): `fine_gray` (false
/// turns it off) with `fine_gray_covariates` (default `covariates`), the
/// Fine–Gray model of the event with death competing; `cif_times` (default
/// 1, 2, 5 when `time_unit` is years, else `times`; `[]` for none), the
/// cumulative incidence with limits at those times; `rmst` (false turns it
/// off) with `rmst_tau` (default 5 years) and `rmst_group` (default `group`),
/// the restricted mean survival time by group; `logrank_trend` (default: when
/// the group's levels are three or more numbers), the log-rank test for trend.
///
/// The specification only names columns; every formula the report fits is
/// assembled from it as a `Formula` value (`ReportSpecification+Formulas.swift`),
/// so the report's reproducing commands are the exact formulas used. In the
/// JSON report it is encoded with every key, absent values as `null`.
public struct ReportSpecification: Sendable, Codable, Equatable {
    /// Follow-up time column.
    public var time: String
    /// Status column (0/1, FALSE/TRUE or 1/2 as R).
    public var status: String
    /// Column whose levels form the Kaplan–Meier curves, the log-rank groups and
    /// the columns of the cohort description; `nil` for one curve.
    public var group: String?
    /// Cox model terms, as they would be written in an R formula: `age`, `factor(grade)`.
    public var covariates: [String]
    /// A stratification column for the Cox model and the log-rank test (`strata(x)`).
    public var strata: String?
    /// Unit of the time column, for labels ("years").
    public var timeUnit: String?
    /// Times at which to report the survival curves (R `summary(fit, times=)`).
    public var times: [Double]
    /// Report title.
    public var title: String?
    /// Reference levels of categorical variables, `x → LEVEL`.
    public var reference: [String: String]
    /// Time to the first event of interest (e.g. first local recurrence), for the
    /// cumulative incidence section; death (`status`) competes.
    public var eventTime: String?
    /// 0/1 status of that event at `eventTime`.
    public var eventStatus: String?
    /// Counting-process file (one row per at-risk interval) for the mean
    /// cumulative function, as the user named it.
    public var recurrences: String?
    /// Subject column of the recurrences file (`cluster(id)`).
    public var recurrenceId: String?
    /// Interval start column of the recurrences file (default `start`).
    public var recurrenceStart: String
    /// Interval stop column of the recurrences file (default `stop`).
    public var recurrenceStop: String
    /// Event (0/1) column of the recurrences file (default `event`).
    public var recurrenceEvent: String
    /// Event-count column of the cohort, for the rates section.
    public var rateEvents: String?
    /// Person-time column of the cohort, for the rates section.
    public var ratePersonTime: String?
    /// Rates are per this many units of person-time.
    public var ratePer: Double
    /// Grouping of the recurrence sections; `group` when `nil`.
    public var recurrenceGroup: String?
    /// The rows analysed, an R expression (`RowSubset`); `nil` for all rows.
    public var subset: String?
    /// `true`: fail rather than drop rows with missing values (`--strict`) in every section.
    public var strict: Bool?
    /// The most groups (and strata) a grouping section may form; `nil`: `defaultMaxGroups`.
    public var maxGroups: Int?
    /// A landmark time T (`--landmark`): the Kaplan–Meier, log-rank, Cox and
    /// cumulative incidence sections use only the subjects with time > T,
    /// time measured from T (`ModelFrameOptions.landmark`). JSON key `landmark`.
    public var landmark: Double?
    /// Time-dependent covariates of the Cox section, `NAME=TIMECOL` (`--tdc`,
    /// `TimeDependentCovariate`): its rows are split at the switch times.
    /// JSON key `tdc`.
    public var timeDependent: [String]?
    /// `false`: no Fine–Gray section; `nil` or `true`: one wherever the cumulative incidence section is.
    public var fineGray: Bool?
    /// The Fine–Gray model terms; `nil`: the Cox `covariates`.
    public var fineGrayCovariates: [String]?
    /// Times of the cumulative incidence table with limits; `nil`: see `resolvedCIFTimes`.
    public var cifTimes: [Double]?
    /// `false`: no restricted mean section; `nil` or `true`: one where tau is known.
    public var rmst: Bool?
    /// Upper limit of the restricted mean; `nil`: 5 years in the report's time unit (`resolvedRMSTTau`).
    public var rmstTau: Double?
    /// Grouping of the restricted mean section; `nil`: `group`.
    public var rmstGroup: String?
    /// The log-rank test for trend across the group's levels: `true` always
    /// (levels must be numbers), `false` never, `nil` when there are three or more numeric levels.
    public var logrankTrend: Bool?
    /// Table 1's continuous summary, `"median"` (median [IQR], the default) or
    /// `"mean"` (mean (SD)); `nil`: median. JSON key `continuous`.
    public var continuous: ContinuousSummary?
    /// `true`: Table 1 tests each variable across the groups (gtsummary's
    /// `add_p()` defaults, `CohortDescription+Comparisons.swift`). JSON key `p_values`.
    public var pValues: Bool?
    /// `true`: Table 1 shows tableone's standardized mean differences. JSON key `smd`.
    public var smd: Bool?

    /// Creates a specification; only the time and status columns are required.
    public init(
        time: String, status: String, group: String? = nil, covariates: [String] = [],
        strata: String? = nil, timeUnit: String? = nil, times: [Double] = [], title: String? = nil,
        reference: [String: String] = [:], eventTime: String? = nil, eventStatus: String? = nil,
        recurrences: String? = nil, recurrenceId: String? = nil, recurrenceStart: String = "start",
        recurrenceStop: String = "stop", recurrenceEvent: String = "event", rateEvents: String? = nil,
        ratePersonTime: String? = nil, ratePer: Double = 100, recurrenceGroup: String? = nil,
        subset: String? = nil
    ) {
        self.subset = subset
        self.time = time
        self.status = status
        self.group = group
        self.covariates = covariates
        self.strata = strata
        self.timeUnit = timeUnit
        self.times = times
        self.title = title
        self.reference = reference
        self.eventTime = eventTime
        self.eventStatus = eventStatus
        self.recurrences = recurrences
        self.recurrenceId = recurrenceId
        self.recurrenceStart = recurrenceStart
        self.recurrenceStop = recurrenceStop
        self.recurrenceEvent = recurrenceEvent
        self.rateEvents = rateEvents
        self.ratePersonTime = ratePersonTime
        self.ratePer = ratePer
        self.recurrenceGroup = recurrenceGroup
    }

    enum CodingKeys: String, CodingKey {
        case time, status, group, covariates, strata, times, title, reference
        case timeUnit = "time_unit"
        case eventTime = "event_time"
        case eventStatus = "event_status"
        case recurrences
        case recurrenceId = "recurrence_id"
        case recurrenceStart = "recurrence_start"
        case recurrenceStop = "recurrence_stop"
        case recurrenceEvent = "recurrence_event"
        case rateEvents = "rate_events"
        case ratePersonTime = "rate_person_time"
        case ratePer = "rate_per"
        case recurrenceGroup = "recurrence_group"
        case subset, strict
        case maxGroups = "max_groups"
        case landmark
        case timeDependent = "tdc"
        case fineGray = "fine_gray"
        case fineGrayCovariates = "fine_gray_covariates"
        case cifTimes = "cif_times"
        case rmst
        case rmstTau = "rmst_tau"
        case rmstGroup = "rmst_group"
        case logrankTrend = "logrank_trend"
        case continuous
        case pValues = "p_values"
        case smd
    }

    /// Every key an analysis file may have.
    public static var keys: [String] {
        [CodingKeys.time, .status, .group, .covariates, .strata, .times, .title, .reference, .timeUnit, .eventTime,
         .eventStatus, .recurrences, .recurrenceId, .recurrenceStart, .recurrenceStop, .recurrenceEvent, .rateEvents,
         .ratePersonTime, .ratePer, .recurrenceGroup, .subset, .strict, .maxGroups, .landmark, .timeDependent,
         .fineGray, .fineGrayCovariates, .cifTimes, .rmst, .rmstTau, .rmstGroup, .logrankTrend, .continuous, .pValues,
         .smd].map(\.stringValue)
    }

    /// Decodes an analysis file: `time` and `status` are required, the rest optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        time = try c.decode(String.self, forKey: .time)
        status = try c.decode(String.self, forKey: .status)
        group = try c.decodeIfPresent(String.self, forKey: .group)
        covariates = try c.decodeIfPresent([String].self, forKey: .covariates) ?? []
        strata = try c.decodeIfPresent(String.self, forKey: .strata)
        timeUnit = try c.decodeIfPresent(String.self, forKey: .timeUnit)
        times = try c.decodeIfPresent([Double].self, forKey: .times) ?? []
        title = try c.decodeIfPresent(String.self, forKey: .title)
        reference = try c.decodeIfPresent([String: String].self, forKey: .reference) ?? [:]
        eventTime = try c.decodeIfPresent(String.self, forKey: .eventTime)
        eventStatus = try c.decodeIfPresent(String.self, forKey: .eventStatus)
        recurrences = try c.decodeIfPresent(String.self, forKey: .recurrences)
        recurrenceId = try c.decodeIfPresent(String.self, forKey: .recurrenceId)
        recurrenceStart = try c.decodeIfPresent(String.self, forKey: .recurrenceStart) ?? "start"
        recurrenceStop = try c.decodeIfPresent(String.self, forKey: .recurrenceStop) ?? "stop"
        recurrenceEvent = try c.decodeIfPresent(String.self, forKey: .recurrenceEvent) ?? "event"
        rateEvents = try c.decodeIfPresent(String.self, forKey: .rateEvents)
        ratePersonTime = try c.decodeIfPresent(String.self, forKey: .ratePersonTime)
        ratePer = try c.decodeIfPresent(Double.self, forKey: .ratePer) ?? 100
        recurrenceGroup = try c.decodeIfPresent(String.self, forKey: .recurrenceGroup)
        subset = try c.decodeIfPresent(String.self, forKey: .subset)
        strict = try c.decodeIfPresent(Bool.self, forKey: .strict)
        maxGroups = try c.decodeIfPresent(Int.self, forKey: .maxGroups)
        landmark = try c.decodeIfPresent(Double.self, forKey: .landmark)
        timeDependent = try c.decodeIfPresent([String].self, forKey: .timeDependent)
        fineGray = try c.decodeIfPresent(Bool.self, forKey: .fineGray)
        fineGrayCovariates = try c.decodeIfPresent([String].self, forKey: .fineGrayCovariates)
        cifTimes = try c.decodeIfPresent([Double].self, forKey: .cifTimes)
        rmst = try c.decodeIfPresent(Bool.self, forKey: .rmst)
        rmstTau = try c.decodeIfPresent(Double.self, forKey: .rmstTau)
        rmstGroup = try c.decodeIfPresent(String.self, forKey: .rmstGroup)
        logrankTrend = try c.decodeIfPresent(Bool.self, forKey: .logrankTrend)
        continuous = try c.decodeIfPresent(ContinuousSummary.self, forKey: .continuous)
        pValues = try c.decodeIfPresent(Bool.self, forKey: .pValues)
        smd = try c.decodeIfPresent(Bool.self, forKey: .smd)
    }

    /// The Table 1 choices of `continuous`, `p_values` and `smd` (defaults for absent keys).
    public var tableOneOptions: TableOneOptions {
        TableOneOptions(continuous: continuous ?? .median, pValues: pValues ?? false, smd: smd ?? false)
    }

    /// The most groups (and strata) a grouping section may form unless `maxGroups` says, as the CLI's `--max-groups`.
    public static let defaultMaxGroups = 1000

    /// The frame options every section uses: references, the subset, `strict`.
    /// With `landmark`, the landmark too (the rates section, whose frame is
    /// not a survival response, is refused with a landmark by `Report.run`).
    public func frameOptions(allowCompetingRisks: Bool = false) throws -> ModelFrameOptions {
        var options = ModelFrameOptions(
            references: reference, allowCompetingRisks: allowCompetingRisks, subset: try rowSubset(),
            strict: strict ?? false, maxGroups: maxGroups ?? Self.defaultMaxGroups)
        options.landmark = landmark
        return options
    }

    /// `timeDependent` parsed; an entry that is not `NAME=TIMECOL` is a `CohortError`.
    public func timeDependentCovariates() throws -> [TimeDependentCovariate] {
        try (timeDependent ?? []).map { spec in
            guard let c = TimeDependentCovariate(parsing: spec) else {
                throw CohortError(.formulaSyntax, message: "tdc \"\(spec)\" must look like NAME=TIMECOL, e.g. recurred=lr_first_years")
            }
            return c
        }
    }

    /// `subset` parsed; `nil` without one.
    ///
    /// - Throws: `CohortError` (`.formulaSyntax`) when it does not parse.
    public func rowSubset() throws -> RowSubset? {
        try subset.map { try RowSubset($0) }
    }
}
