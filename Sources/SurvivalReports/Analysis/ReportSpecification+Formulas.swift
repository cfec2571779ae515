import CohortData

/// The formulas a report fits, assembled from the specification's columns
/// (`Formula(response:terms:strata:cluster:offsets:)`, as R's `reformulate`).
extension ReportSpecification {
    /// `Surv(time, status)`.
    public var response: Formula.Response {
        .rightCensored(time: .variable(time), status: .variable(status))
    }

    /// The grouping of the recurrence sections: `recurrenceGroup`, else `group`.
    public var recurrenceGrouping: String? { recurrenceGroup ?? group }

    /// A column as a formula term (back-quoted where R needs it).
    static func term(_ column: String) -> String { FormulaExpression.variable(column).text }

    /// The Kaplan–Meier formula: `Surv(time, status) ~ group` (or `~ 1`).
    public func kaplanMeierFormula() throws -> Formula {
        try Formula(response: response, terms: group.map { [Self.term($0)] } ?? [])
    }

    /// The log-rank formula: the Kaplan–Meier formula plus `strata(s)`; `nil` without a group.
    public func logRankFormula() throws -> Formula? {
        guard let group else { return nil }
        return try Formula(response: response, terms: [Self.term(group)], strata: strata.map { [$0] } ?? [])
    }

    /// The Cox formula: `Surv(time, status) ~ covariates + strata(s)`; `nil` without covariates.
    public func coxFormula() throws -> Formula? {
        guard !covariates.isEmpty else { return nil }
        return try Formula(response: response, terms: covariates, strata: strata.map { [$0] } ?? [])
    }

    /// The cumulative incidence formula, `Surv(event_time, event_status) ~ group`,
    /// fitted after the status is recoded 0/1/2 with death (`status`) competing
    /// (`Cohort.replacingWithCompetingCode`, as `survkit cif --competing-status`);
    /// `nil` without an event time and status.
    public func cumulativeIncidenceFormula() throws -> Formula? {
        guard let eventTime, let eventStatus else { return nil }
        return try Formula(
            response: .rightCensored(time: .variable(eventTime), status: .variable(eventStatus)),
            terms: recurrenceGrouping.map { [Self.term($0)] } ?? [])
    }

    /// The mean cumulative function formula on the recurrences file,
    /// `Surv(start, stop, event) ~ group + cluster(id)`; `nil` without the file.
    public func meanCumulativeFunctionFormula() throws -> Formula? {
        guard recurrences != nil, let recurrenceId else { return nil }
        return try Formula(
            response: .counting(
                start: .variable(recurrenceStart), stop: .variable(recurrenceStop), status: .variable(recurrenceEvent)),
            terms: recurrenceGrouping.map { [Self.term($0)] } ?? [], cluster: recurrenceId)
    }

    /// The rates formula, `events ~ group + offset(person_time)`: the event
    /// counts, the grouping and the person-time, read through a count grouping
    /// frame as `survkit rates` does; `nil` without both columns.
    public func ratesFormula() throws -> Formula? {
        guard let rateEvents, let ratePersonTime else { return nil }
        return try Formula(
            response: .outcome(.variable(rateEvents)), terms: recurrenceGrouping.map { [Self.term($0)] } ?? [],
            offsets: [.variable(ratePersonTime)])
    }
}
