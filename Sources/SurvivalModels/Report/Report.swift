import CohortData

/// A whole survival analysis of one cohort, as `survkit report` produces it:
/// the cohort description (Table 1), Kaplan–Meier curves by group, the
/// log-rank test, and the Cox model.
///
/// Nothing here is estimated anew: each section is the result value of the
/// corresponding model (`KaplanMeierResult`, `LogRankResult`, the Cox result),
/// fitted to the formulas in `formulas`. The JSON report is this value's
/// encoding, with `"analysis": "report"` and the sections under
/// `description`, `kaplan_meier`, `logrank`, `cox`, and the optional
/// recurrence sections `cumulative_incidence` (`CumulativeIncidenceResult`),
/// `mcf` (`MeanCumulativeFunctionResult`) and `rates` (`EventRatesResult`).
public struct Report: Sendable, Codable, Equatable {
    /// Analysis name, always `report`.
    public var analysis: String = "report"
    /// The report title (the specification's, or one made from the data file name).
    public var title: String
    /// The data file as the user named it.
    public var data: String
    /// The specification the report was built from.
    public var specification: ReportSpecification
    /// The R formulas each section was fitted with.
    public var formulas: ReportFormulas
    /// Table 1 of the rows the Kaplan–Meier curves use.
    public var cohortDescription: CohortDescription
    /// Kaplan–Meier curves by group (`survfit`).
    public var kaplanMeier: KaplanMeierResult
    /// `nil` without a group variable.
    public var logrank: LogRankResult?
    /// `nil` without covariates.
    public var cox: ReportCoxSection?
    /// Cumulative incidence of the event with death competing; `nil` unless asked for.
    public var cumulativeIncidence: CumulativeIncidenceResult?
    /// Mean cumulative function of the recurrences file; `nil` unless asked for.
    public var meanCumulativeFunction: MeanCumulativeFunctionResult?
    /// Event rates by group; `nil` unless asked for.
    public var rates: EventRatesResult?
    /// Rows read and used for the Kaplan–Meier curves and the description.
    public var rows: RowAccounting
    /// Every section's warnings, prefixed by the section.
    public var warnings: [String]

    /// Creates a report from its sections.
    public init(
        title: String, data: String, specification: ReportSpecification, formulas: ReportFormulas,
        cohortDescription: CohortDescription, kaplanMeier: KaplanMeierResult, logrank: LogRankResult?,
        cox: ReportCoxSection?, cumulativeIncidence: CumulativeIncidenceResult? = nil,
        meanCumulativeFunction: MeanCumulativeFunctionResult? = nil, rates: EventRatesResult? = nil,
        rows: RowAccounting, warnings: [String]
    ) {
        self.title = title
        self.data = data
        self.specification = specification
        self.formulas = formulas
        self.cohortDescription = cohortDescription
        self.kaplanMeier = kaplanMeier
        self.logrank = logrank
        self.cox = cox
        self.cumulativeIncidence = cumulativeIncidence
        self.meanCumulativeFunction = meanCumulativeFunction
        self.rates = rates
        self.rows = rows
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case analysis, title, data, specification, formulas, logrank, cox, rates, rows, warnings
        case cohortDescription = "description"
        case kaplanMeier = "kaplan_meier"
        case cumulativeIncidence = "cumulative_incidence"
        case meanCumulativeFunction = "mcf"
    }

    /// Absent sections encode as `null` (the contract never omits keys).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(analysis, forKey: .analysis)
        try c.encode(title, forKey: .title)
        try c.encode(data, forKey: .data)
        try c.encode(specification, forKey: .specification)
        try c.encode(formulas, forKey: .formulas)
        try c.encode(cohortDescription, forKey: .cohortDescription)
        try c.encode(kaplanMeier, forKey: .kaplanMeier)
        try c.encode(logrank, forKey: .logrank)
        try c.encode(cox, forKey: .cox)
        try c.encode(cumulativeIncidence, forKey: .cumulativeIncidence)
        try c.encode(meanCumulativeFunction, forKey: .meanCumulativeFunction)
        try c.encode(rates, forKey: .rates)
        try c.encode(rows, forKey: .rows)
        try c.encode(warnings, forKey: .warnings)
    }
}

/// The R formulas each section was fitted with.
public struct ReportFormulas: Sendable, Codable, Equatable {
    /// `Surv(time, status) ~ group`, or `~ 1` without a group variable.
    public var kaplanMeier: String
    /// The Kaplan–Meier formula plus `strata(s)` if any; `nil` without a group variable.
    public var logrank: String?
    /// `Surv(time, status) ~ covariates` plus `strata(s)` if any; `nil` without covariates.
    public var cox: String?
    /// `Surv(event_time, event_status) ~ group`, the status recoded with death competing.
    public var cumulativeIncidence: String?
    /// `Surv(start, stop, event) ~ group + cluster(id)` on the recurrences file.
    public var meanCumulativeFunction: String?
    /// `events ~ group + offset(person_time)`.
    public var rates: String?

    /// Creates the formulas from their parts.
    public init(
        kaplanMeier: String, logrank: String?, cox: String?, cumulativeIncidence: String? = nil,
        meanCumulativeFunction: String? = nil, rates: String? = nil
    ) {
        self.kaplanMeier = kaplanMeier
        self.logrank = logrank
        self.cox = cox
        self.cumulativeIncidence = cumulativeIncidence
        self.meanCumulativeFunction = meanCumulativeFunction
        self.rates = rates
    }

    enum CodingKeys: String, CodingKey {
        case logrank, cox, rates
        case kaplanMeier = "kaplan_meier"
        case cumulativeIncidence = "cumulative_incidence"
        case meanCumulativeFunction = "mcf"
    }

    /// Encodes absent formulas as `null` (the contract never omits keys).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kaplanMeier, forKey: .kaplanMeier)
        try c.encode(logrank, forKey: .logrank)
        try c.encode(cox, forKey: .cox)
        try c.encode(cumulativeIncidence, forKey: .cumulativeIncidence)
        try c.encode(meanCumulativeFunction, forKey: .meanCumulativeFunction)
        try c.encode(rates, forKey: .rates)
    }
}
