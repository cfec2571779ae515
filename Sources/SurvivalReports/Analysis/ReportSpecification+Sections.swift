import CohortData

/// The choices of the model sections added with issue 11, resolved from the
/// specification's keys and their defaults. Each default is the one a
/// reader of a survival report expects: the usual 1, 2 and 5 years, and the
/// 5-year restricted mean, when the time unit says what a year is.
extension ReportSpecification {
    /// Whether the time unit is years (`years`, `year`), the unit whose usual times the defaults name.
    var timeInYears: Bool { ["year", "years"].contains(timeUnit?.lowercased() ?? "") }

    /// The terms of the Fine–Gray model: `fine_gray_covariates`, else the Cox
    /// `covariates`; empty (no section) when `fine_gray` is false or there is
    /// no event to model.
    public var resolvedFineGrayTerms: [String] {
        guard fineGray != false, eventTime != nil, eventStatus != nil else { return [] }
        return fineGrayCovariates ?? covariates
    }

    /// The times of the cumulative incidence table with limits (`cif --times`):
    /// `cif_times`, else 1, 2 and 5 when the time unit is years, else the
    /// report's `times`; empty without the cumulative incidence section.
    public var resolvedCIFTimes: [Double] {
        guard eventTime != nil, eventStatus != nil else { return [] }
        if let cifTimes { return cifTimes }
        return timeInYears ? [1, 2, 5] : times
    }

    /// The grouping of the restricted mean section: `rmst_group`, else `group`.
    public var rmstGrouping: String? { rmstGroup ?? group }

    /// The upper limit of the restricted mean: `rmst_tau`, else 5 when the
    /// time unit is years; `nil` (no section) when `rmst` is false, there is
    /// no grouping, or the unit is not years and no tau is given.
    public var resolvedRMSTTau: Double? {
        guard rmst != false, rmstGrouping != nil else { return nil }
        if let rmstTau { return rmstTau }
        return timeInYears ? 5 : nil
    }

    /// The restricted mean formula, `Surv(time, status) ~ rmst_group`; `nil`
    /// without the section.
    public func restrictedMeanFormula() throws -> Formula? {
        guard resolvedRMSTTau != nil, let g = rmstGrouping else { return nil }
        return try Formula(response: response, terms: [Self.term(g)])
    }

    /// The Fine–Gray formula, `Surv(event_time, event_status) ~ terms`, fitted
    /// after the status is recoded 0/1/2 with death (`status`) competing, as
    /// `survkit finegray --competing-status`; `nil` without the section.
    public func fineGrayFormula() throws -> Formula? {
        let terms = resolvedFineGrayTerms
        guard !terms.isEmpty, let eventTime, let eventStatus else { return nil }
        return try Formula(
            response: .rightCensored(time: .variable(eventTime), status: .variable(eventStatus)), terms: terms)
    }
}
