import CohortData

extension ReportSpecification {
    /// The grouping of the recurrence sections: `recurrenceGroup`, else `group`.
    public var recurrenceGrouping: String? { recurrenceGroup ?? group }

    /// The right-hand side of the recurrence formulas: the group, or `1`.
    var recurrenceTerms: String { recurrenceGrouping.map(Self.quoted) ?? "1" }

    /// The cumulative incidence formula, `Surv(event_time, event_status) ~ group`,
    /// fitted after the status is recoded 0/1/2 with death (`status`) competing
    /// (`Cohort.replacingWithCompetingCode`, as `survkit cif --competing-status`);
    /// `nil` without an event time and status.
    public var cumulativeIncidenceFormula: String? {
        guard let eventTime, let eventStatus else { return nil }
        return "Surv(\(Self.quoted(eventTime)), \(Self.quoted(eventStatus))) ~ \(recurrenceTerms)"
    }

    /// The mean cumulative function formula on the recurrences file,
    /// `Surv(start, stop, event) ~ group + cluster(id)`; `nil` without the file.
    public var meanCumulativeFunctionFormula: String? {
        guard recurrences != nil, let recurrenceId else { return nil }
        let response = [recurrenceStart, recurrenceStop, recurrenceEvent].map(Self.quoted).joined(separator: ", ")
        return "Surv(\(response)) ~ \(recurrenceTerms) + cluster(\(Self.quoted(recurrenceId)))"
    }

    /// The rates formula, `events ~ group + offset(person_time)` (a formula
    /// only to read the columns through the model frame, as `survkit rates`
    /// does); `nil` without both columns.
    public var ratesFormula: String? {
        guard let rateEvents, let ratePersonTime else { return nil }
        return "\(Self.quoted(rateEvents)) ~ \(recurrenceTerms) + offset(\(Self.quoted(ratePersonTime)))"
    }
}
