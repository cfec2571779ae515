import CohortData
import SurvivalModels

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
/// `mcf` (`MeanCumulativeFunctionResult`) and `rates` (`EventRatesResult`);
/// the model sections added with issue 11 are `fine_gray` (`FineGrayResult`)
/// and `rmst` (`RestrictedMeanComparisonResult`), present only where the
/// report has them, with `logrank.trend` and the cumulative incidence's
/// `summary_at`; `notes` says why a section that was due was left out.
/// Only the keys that are not a property's snake_case name are in `CodingKeys`.
public struct Report: Sendable, Encodable {
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
    public var cox: CoxResult?
    /// Cumulative incidence of the event with death competing; `nil` unless asked for.
    public var cumulativeIncidence: CumulativeIncidenceResult?
    /// Mean cumulative function of the recurrences file; `nil` unless asked for.
    public var meanCumulativeFunction: MeanCumulativeFunctionResult?
    /// Event rates by group; `nil` unless asked for.
    public var rates: EventRatesResult?
    /// The Fine–Gray model of the event with death competing; `nil` without it.
    public var fineGray: FineGrayResult? = nil
    /// The publication table of the Cox model (as `survkit cox --table
    /// publication`), built where the model frame exists; `nil` without a Cox
    /// model. Not part of the JSON (`cox` has every number in it).
    public var coxTable: PublicationTable? = nil
    /// The publication table of the Fine–Gray model (as `survkit finegray
    /// --table publication`); `nil` without the section. Not part of the JSON.
    public var fineGrayTable: PublicationTable? = nil
    /// Restricted mean survival time by group up to tau; `nil` without it.
    public var restrictedMean: RestrictedMeanComparisonResult? = nil
    /// Why a section the specification called for was left out, keyed by the
    /// specification key that controls it (`fine_gray`, `cif_times`, `rmst`,
    /// `logrank_trend`); `nil` when none was.
    public var notes: [String: String]? = nil
    /// Rows read and used for the Kaplan–Meier curves and the description.
    public var rows: RowAccounting
    /// How the data file was read (format, dialect); set by the caller that read it.
    public var input: InputDescription? = nil
    /// Every section's warnings, prefixed by the section.
    public var warnings: [String]

    /// Creates a report from its sections.
    public init(
        title: String, data: String, specification: ReportSpecification, formulas: ReportFormulas,
        cohortDescription: CohortDescription, kaplanMeier: KaplanMeierResult, logrank: LogRankResult?,
        cox: CoxResult?, cumulativeIncidence: CumulativeIncidenceResult? = nil,
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
        case title, data, specification, formulas, logrank, cox, rates, rows, input, warnings
        case cohortDescription = "description"
        case kaplanMeier = "kaplan_meier"
        case cumulativeIncidence = "cumulative_incidence"
        case meanCumulativeFunction = "mcf"
        case fineGray = "fine_gray"
        case restrictedMean = "rmst"
        case notes
    }
}

/// The R formulas each section was fitted with, as assembled from the
/// specification (`ReportSpecification+Formulas.swift`); encoded as their text.
public struct ReportFormulas: Sendable, Encodable {
    /// The Kaplan–Meier formula.
    public var kaplanMeierFormula: Formula
    /// The log-rank formula; `nil` without a group variable.
    public var logRankFormula: Formula?
    /// The Cox formula; `nil` without covariates.
    public var coxFormula: Formula?
    /// The cumulative incidence formula; `nil` unless asked for.
    public var cumulativeIncidenceFormula: Formula?
    /// The mean cumulative function formula; `nil` unless asked for.
    public var meanCumulativeFunctionFormula: Formula?
    /// The rates formula; `nil` unless asked for.
    public var ratesFormula: Formula?
    /// The Fine–Gray formula; `nil` without the section.
    public var fineGrayFormula: Formula?
    /// The restricted mean formula; `nil` without the section.
    public var restrictedMeanFormula: Formula?

    /// The formulas of every section `spec` asks for.
    public init(_ spec: ReportSpecification) throws {
        kaplanMeierFormula = try spec.kaplanMeierFormula()
        logRankFormula = try spec.logRankFormula()
        coxFormula = try spec.coxFormula()
        cumulativeIncidenceFormula = try spec.cumulativeIncidenceFormula()
        meanCumulativeFunctionFormula = try spec.meanCumulativeFunctionFormula()
        ratesFormula = try spec.ratesFormula()
        fineGrayFormula = try spec.fineGrayFormula()
        restrictedMeanFormula = try spec.restrictedMeanFormula()
    }

    /// `Surv(time, status) ~ group`, or `~ 1` without a group variable.
    public var kaplanMeier: String { kaplanMeierFormula.text }
    /// The Kaplan–Meier formula plus `strata(s)` if any; `nil` without a group variable.
    public var logrank: String? { logRankFormula?.text }
    /// `Surv(time, status) ~ covariates` plus `strata(s)` if any; `nil` without covariates.
    public var cox: String? { coxFormula?.text }
    /// `Surv(event_time, event_status) ~ group`, the status recoded with death competing.
    public var cumulativeIncidence: String? { cumulativeIncidenceFormula?.text }
    /// `Surv(start, stop, event) ~ group + cluster(id)` on the recurrences file.
    public var meanCumulativeFunction: String? { meanCumulativeFunctionFormula?.text }
    /// `events ~ group + offset(person_time)`.
    public var rates: String? { ratesFormula?.text }
    /// `Surv(event_time, event_status) ~ terms`, the status recoded with death competing.
    public var fineGray: String? { fineGrayFormula?.text }
    /// `Surv(time, status) ~ rmst_group`.
    public var restrictedMean: String? { restrictedMeanFormula?.text }

    /// The JSON keys of the section each formula belongs to.
    enum CodingKeys: String, CodingKey {
        case kaplanMeierFormula = "kaplan_meier"
        case logRankFormula = "logrank"
        case coxFormula = "cox"
        case cumulativeIncidenceFormula = "cumulative_incidence"
        case meanCumulativeFunctionFormula = "mcf"
        case ratesFormula = "rates"
        case fineGrayFormula = "fine_gray"
        case restrictedMeanFormula = "rmst"
    }
}
