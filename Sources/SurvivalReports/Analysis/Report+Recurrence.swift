import CohortData
import SurvivalModels

/// The recurrence sections of a report. Each is the result value of the model
/// the standalone command fits (`survkit cif`, `mcf`, `rates`), built the same
/// way from the same columns, so the report's numbers are those commands'.
extension Report {
    /// Cumulative incidence of the event with death competing (Aalen–Johansen
    /// as R `survfit`, Gray's test as `cmprsk::cuminc`).
    ///
    /// The event status is recoded first (`Cohort.replacingWithCompetingCode`):
    /// 1 = the event, 2 = death (`status`) without the event, 0 = censored —
    /// `event_time` must then be the time to the first of the two, as
    /// `lr_first_years` is (first recurrence, else last follow-up).
    static func fitCumulativeIncidence(_ spec: ReportSpecification, formula: Formula?, cohort: Cohort) throws
        -> CumulativeIncidenceResult?
    {
        guard let formula, let eventStatus = spec.eventStatus else { return nil }
        let recoded = try cohort.replacingWithCompetingCode(status: eventStatus, competingStatus: spec.status)
        let options = try spec.frameOptions(allowCompetingRisks: true)
        let frame = try formula.groupingFrame(on: recoded, options: options)
        do { return try CumulativeIncidence.fit(frame) } catch {
            throw ModelError("Cumulative incidence: \(error.message)")
        }
    }

    /// The mean cumulative function of the recurrences file (Nelson–Aalen with
    /// subject-clustered standard errors, as R `survfit(..., id = id)`).
    static func fitMeanCumulativeFunction(_ spec: ReportSpecification, formula: Formula?, recurrences: Cohort?) throws
        -> MeanCumulativeFunctionResult?
    {
        guard let formula else { return nil }
        guard let recurrences else {
            throw ModelError("Mean cumulative function: the recurrences file was not read.")
        }
        let frame: SurvivalGroupingFrame
        do {
            // The subset applies when the recurrences file has its columns (else Report.run warns).
            var subset = try spec.rowSubset()
            if let s = subset, !s.columns.allSatisfy({ recurrences.index(of: $0) != nil }) { subset = nil }
            var options = ModelFrameOptions(
                references: spec.reference, subset: subset, strict: spec.strict ?? false,
                maxGroups: spec.maxGroups ?? ReportSpecification.defaultMaxGroups)
            options.overlappingIntervals = .refuse  // as survkit mcf
            frame = try formula.groupingFrame(on: recurrences, options: options)
        } catch let error as CohortError {
            var error = error
            // Name the recurrences file, not the cohort, in the message.
            if error.file == nil { error.file = spec.recurrences }
            throw error
        }
        do { return try MeanCumulativeFunction.fit(frame, confLevel: 0.95) } catch {
            throw ModelError("Mean cumulative function: \(error.message)")
        }
    }

    /// Event rates per `rate_per` units of person-time by group, with exact
    /// (Garwood) limits and rate ratios against the first group (R `poisson.test`).
    static func computeRates(_ spec: ReportSpecification, formula: Formula?, cohort: Cohort) throws -> EventRatesResult? {
        guard let formula else { return nil }
        let options = try spec.frameOptions()
        let frame = try formula.countGroupingFrame(on: cohort, options: options)
        do {
            return try EventRates.compute(
                events: frame.response, personTime: frame.offset ?? [], grouping: frame.groups,
                per: spec.ratePer, confLevel: 0.95, rows: frame.rows, warnings: frame.warnings)
        } catch {
            throw ModelError("Rates: \(error.message)")
        }
    }
}
