import CohortData
/// One simulated patient with a resected localized soft-tissue sarcoma of
/// leiomyosarcoma behaviour (see ``SarcomaSimulator`` for the generating model
/// and `datasets/README-sarcoma.md` for its sources).
///
/// Dates are ``CalendarDay`` values; event times are whole days after the
/// surgery day (`surgery + ⌊365.25·t⌋`), and the `…Years` properties convert
/// them with 365.25 days per year, as the CSV does.
public struct SarcomaPatient: Sendable, Equatable, Codable {
    /// Primary tumour site.
    public enum Site: String, Sendable, Codable, CaseIterable {
        case extremity, trunk
        /// Retroperitoneum or abdomen ("RP").
        case retroperitoneum
        /// Head and neck ("H&N").
        case headNeck = "head_neck"
    }
    /// Tumour depth: dermal, subcutaneous (`subcut`) or deep.
    public enum Depth: String, Sendable, Codable, CaseIterable {
        case dermal
        case subcutaneous = "subcut"
        case deep
    }
    /// Sex of the patient.
    public enum Sex: String, Sendable, Codable, CaseIterable { case female, male }
    /// Type of the resection.
    public enum Surgery: String, Sendable, Codable, CaseIterable {
        /// Wide local excision.
        case wle
        /// Mohs micrographic surgery.
        case mohs
    }
    /// Resection margin: R0 microscopically clear, R1 microscopically involved, R2 macroscopic residue.
    public enum Margin: String, Sendable, Codable, CaseIterable {
        case r0 = "R0", r1 = "R1", r2 = "R2"
    }
    /// Cause of death; `none` when the patient did not die during follow-up.
    public enum DeathCause: String, Sendable, Codable, CaseIterable { case none, sarcoma, other }

    /// Patient number `i` (1-based); the random stream is seeded from it.
    public var id: Int
    // MARK: Covariates (§1 of the recipe)
    /// Primary tumour site.
    public var site: Site
    /// Scalp primary (35% of head-and-neck tumours; always `false` elsewhere).
    public var scalp: Bool
    /// Tumour depth.
    public var depth: Depth
    /// Age at surgery in years, one decimal.
    public var age: Double
    /// Sex.
    public var sex: Sex
    /// Largest diameter in cm, one decimal.
    public var sizeCm: Double
    /// FNCLCC grade 1, 2 or 3.
    public var grade: Int
    /// Mitoses per 10 high-power fields.
    public var mitoses: Int
    /// Ki-67 (MIB-1) labelling index, percent.
    public var ki67: Int
    /// Resection type (wide local excision or Mohs).
    public var surgery: Surgery
    /// Resection margin (R0, R1, R2).
    public var margin: Margin
    /// Adjuvant radiotherapy given (never after Mohs surgery).
    public var radiotherapy: Bool
    /// Chemotherapy given.
    public var chemotherapy: Bool
    /// Symptom-to-diagnosis delay in months (one decimal), including any misdiagnosis delay.
    public var delayMonths: Double
    /// Initially misdiagnosed, which lengthens `delayMonths`.
    public var misdiagnosed: Bool
    // MARK: Dates (§5)
    /// Date of the first symptom (`diagnosisDate` minus the delay).
    public var symptomDate: CalendarDay
    /// Date of the histological diagnosis (7 to 42 days before surgery).
    public var diagnosisDate: CalendarDay
    /// Date of the resection, day 0 of every event time.
    public var surgeryDate: CalendarDay
    /// Death, loss to follow-up or the data cut (2024-12-31), whichever is first.
    public var lastFollowUpDate: CalendarDay
    // MARK: Outcomes, days after surgery
    /// Days from surgery to the last follow-up (≥ 1).
    public var followUpDays: Int
    /// Died on `lastFollowUpDate`.
    public var died: Bool
    /// Cause of death; `none` when `died` is `false`.
    public var deathCause: DeathCause
    /// Day of distant metastasis, if observed before the end of follow-up.
    public var metastasisDay: Int?
    /// Days of the observed local recurrences, strictly increasing, all before the end of follow-up.
    public var recurrenceDays: [Int]
    /// Follow-up ended by loss before death and before the data cut.
    public var lostToFollowUp: Bool
    /// The latent gamma frailty `Z` of the recurrence process (mean 1, variance 0.5); not in the CSV.
    public var frailty: Double
    /// Days of the scheduled follow-up scans, before the last follow-up day
    /// (``SarcomaSimulator/scanDays(patient:endDay:)``).
    public var scanDays: [Int] = []

    /// The first local recurrence as the scans see it, in days: `(left, right]`,
    /// `nil` for an empty end (see `SarcomaSimulator+Visits.swift`).
    public var visitInterval: (left: Int?, right: Int?) {
        SarcomaSimulator.visitInterval(scans: scanDays, recurrence: recurrenceDays.first)
    }

    /// Years from surgery to last follow-up (death or censoring).
    public var osYears: Double { Double(followUpDays) / 365.25 }
    /// Years to distant metastasis, or to the end of follow-up when none was observed.
    public var dmYears: Double { Double(metastasisDay ?? followUpDays) / 365.25 }
    /// Years to the first local recurrence, or to the end of follow-up when none was observed.
    public var firstRecurrenceYears: Double { Double(recurrenceDays.first ?? followUpDays) / 365.25 }
    /// Observed local recurrences.
    public var recurrenceCount: Int { recurrenceDays.count }
}

/// A calendar day stored as the number of days since 1970-01-01 (proleptic
/// Gregorian), printed as ISO `YYYY-MM-DD` without Foundation so the output
/// never depends on locale or time zone.
public struct CalendarDay: Sendable, Equatable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public var daysSince1970: Int

    /// Creates the day `daysSince1970` days after 1970-01-01.
    public init(daysSince1970: Int) {
        self.daysSince1970 = daysSince1970
    }

    /// The day `year-month-day` (a valid calendar date), as ``ISODate/dayNumber(year:month:day:)``.
    public init(year: Int, month: Int, day: Int) {
        daysSince1970 = ISODate.dayNumber(year: year, month: month, day: day) ?? 0
    }

    /// Year, month and day, as ``ISODate/civil(fromDayNumber:)``.
    public var components: (year: Int, month: Int, day: Int) {
        ISODate.civil(fromDayNumber: daysSince1970)
    }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String { ISODate.format(dayNumber: daysSince1970) }

    /// Earlier day first.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.daysSince1970 < rhs.daysSince1970
    }

    /// The day `days` days later.
    public static func + (lhs: CalendarDay, days: Int) -> CalendarDay {
        CalendarDay(daysSince1970: lhs.daysSince1970 + days)
    }

    /// The day `days` days earlier.
    public static func - (lhs: CalendarDay, days: Int) -> CalendarDay {
        CalendarDay(daysSince1970: lhs.daysSince1970 - days)
    }
}
