import CohortData
import SurvivalModels

/// The model sections added with issue 11: the Fine–Gray model of the event,
/// the cumulative incidence with limits at chosen times, the restricted mean
/// survival time by group, and the log-rank test for trend. Each is the
/// result value of the standalone command (`survkit finegray`, `cif --times`,
/// `rmst`, `logrank --trend`), built the same way from the same columns, so
/// the report's numbers are those commands'.
///
/// A section the specification calls for (by default) but the data do not
/// allow is left out with a note saying why (`Report.notes`), never an error:
/// the rest of the report stands. A column that does not exist is still an
/// error (a typing mistake), as in every other section.
extension Report {
    /// A section's result, or the note saying why it was left out.
    enum Outcome<Value> {
        case done(Value)
        case skipped(String)
        case notAsked
    }

    /// The Fine–Gray model (`cmprsk::crr` at R's defaults) of the event with
    /// death (`status`) competing, as `survkit finegray --formula
    /// "Surv(event_time, event_status) ~ terms" --competing-status status`.
    /// Left out with a landmark or a time-dependent term (crr has neither),
    /// when the rows used have no death before the event (no
    /// competing risk: the Cox model of the event is the analysis) or crr's
    /// fit fails (no event of the cause, a singular design).
    static func fitFineGray(_ spec: ReportSpecification, formula: Formula?, cohort: Cohort) throws
        -> Outcome<(result: FineGrayResult, table: PublicationTable)>
    {
        guard let formula, let eventStatus = spec.eventStatus else { return .notAsked }
        if let landmark = spec.landmark {
            return .skipped(
                "the Fine–Gray model was not fitted: it has no landmark (\(NumberFormatting.label(landmark))); "
                    + "run survkit finegray on the landmark rows (--subset) or leave out --landmark.")
        }
        let tdc = Set(try spec.timeDependentCovariates().map(\.name))
        if let name = formula.terms.flatMap(\.variables).map(\.baseName).first(where: tdc.contains) {
            return .skipped(
                "the Fine–Gray model was not fitted: \(name) is a time-dependent covariate (--tdc), which crr does not "
                    + "take; give the Fine–Gray terms with fine_gray_covariates (--fine-gray-covariates).")
        }
        let recoded = try cohort.replacingWithCompetingCode(status: eventStatus, competingStatus: spec.status)
        let frame = try formula.modelFrame(on: recoded, options: try spec.frameOptions(allowCompetingRisks: true))
        try Report.refusePenalizedSplines(frame, model: "Fine–Gray model")
        var result: FineGrayResult
        do { result = try FineGrayModel.fit(frame, options: FineGrayOptions()).makeResult() } catch {
            return .skipped("the Fine–Gray model was not fitted: \((error as? ModelError)?.message ?? "\(error)")")
        }
        guard result.competingEvents > 0 else {
            return .skipped(
                "the Fine–Gray model was not fitted: no death (\(spec.status)) comes before \(eventStatus) in the rows "
                    + "used, so there is no competing risk (the Cox model of \(eventStatus) is the analysis).")
        }
        result.input = cohort.input
        // The table of survkit finegray --table publication (cause 1, the event).
        let table = PublicationTable.fineGray(
            result, frame: frame, formula: formula, cause: 1, labels: PublicationLabels.none.merging(fileLabels: cohort.variableLabels))
        return .done((result, table))
    }

    /// Adds to every curve of `cif` its values and 95% log limits at `times`
    /// (`summary_at`, as `survkit cif --times`, R `summary(fit, times =)` with
    /// its default `extend = FALSE`: a time after a curve's last observed
    /// time is left out for that curve). Left out when a curve keeps no time.
    static func addSummaryTimes(_ times: [Double], to cif: inout CumulativeIncidenceResult?) -> Outcome<Void> {
        guard var result = cif, !times.isEmpty else { return .notAsked }
        var summaries: [CumulativeIncidenceSummaryAt] = []
        for curve in result.strata {
            let at = curve.summary(at: times, extend: false)
            guard !at.time.isEmpty else {
                let last = curve.time.last.map(NumberFormatting.label) ?? "none"
                return .skipped(
                    "no time of the table (\(times.map(NumberFormatting.label).joined(separator: ", "))) is within the "
                        + "follow-up of \(curve.label) (its last time is \(last)); choose earlier cif_times.")
            }
            summaries.append(at)
        }
        for k in result.strata.indices { result.strata[k].summaryAt = summaries[k] }
        cif = result
        return .done(())
    }

    /// Restricted mean survival time up to tau by group, each group against
    /// the first (survRM2 `rmst2` contrasts on R `print(survfit, rmean =)`),
    /// as `survkit rmst --formula "Surv(time, status) ~ g" --tau T`. Left out
    /// with a landmark (`survkit rmst` has none), when tau is past a group's last observed time (survRM2 refuses it; the
    /// area there would be an extrapolation) or the comparison fails.
    static func compareRestrictedMeans(_ spec: ReportSpecification, formula: Formula?, cohort: Cohort) throws
        -> Outcome<RestrictedMeanComparisonResult>
    {
        guard let formula, let tau = spec.resolvedRMSTTau else { return .notAsked }
        if let landmark = spec.landmark {
            return .skipped(
                "the restricted mean was not computed: it has no landmark (\(NumberFormatting.label(landmark))); "
                    + "leave out --landmark, or run survkit rmst on the landmark rows.")
        }
        let frame = try formula.groupingFrame(on: cohort, options: try spec.frameOptions())
        var result: RestrictedMeanComparisonResult
        do { result = try RestrictedMeanComparison.compare(frame, tau: tau) } catch {
            return .skipped("the restricted mean was not computed: \(error.message)")
        }
        let unit = spec.timeUnit.map { " \($0)" } ?? ""
        if let short = result.groups.first(where: { tau > $0.lastTime }) {
            return .skipped(
                "the restricted mean up to tau = \(NumberFormatting.label(tau))\(unit) was not computed: tau is past the "
                    + "last observed time of \(short.label) (\(NumberFormatting.label(short.lastTime))\(unit)); "
                    + "choose a smaller rmst_tau (--rmst-tau).")
        }
        result.input = cohort.input
        return .done(result)
    }

    /// The log-rank test for trend across the levels of the group, scored by
    /// the level values, as `survkit logrank --trend` (summed over strata with
    /// `strata`). By default it is done when the group has three or more
    /// levels that are all numbers (FNCLCC grade 1 < 2 < 3; with two levels
    /// it is the log-rank test itself); asked for, with two or more. Levels
    /// that are not numbers have no order the report can trust: left out.
    static func trendTest(_ spec: ReportSpecification, logrank: LogRankResult?) -> Outcome<LogRankTrend> {
        guard spec.logrankTrend != false, let logrank, let group = spec.group else { return .notAsked }
        let labels = logrank.groups.map(\.label)
        let levels = LogRankTrend.levels(ofLabels: labels, names: [ReportSpecification.term(group), group]) ?? labels
        let numeric = levels.allSatisfy { Double($0.trimmingCharacters(in: .whitespaces))?.isFinite == true }
        let asked = spec.logrankTrend == true
        guard levels.count >= (asked ? 2 : 3) else {
            return asked ? .skipped("the test for trend needs two or more groups; \(group) has \(levels.count).") : .notAsked
        }
        guard numeric else {
            return .skipped(
                "the test for trend was not done: the levels of \(group) (\(levels.joined(separator: ", "))) are not "
                    + "numbers, so they have no order to test; survkit logrank --trend --trend-scores scores them.")
        }
        do { return .done(try logrank.trend(scores: LogRankTrend.defaultScores(levels: levels))) } catch {
            return .skipped("the test for trend was not done: \(error.message)")
        }
    }
}
