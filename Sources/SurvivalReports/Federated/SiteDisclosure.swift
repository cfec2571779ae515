/// What `--min-cell K` did to a site summary, and what it cost
/// (docs/site-summary.md, JSON `disclosure`).
///
/// Method (small-cell control by time coarsening, as the Sentinel
/// Distributed Query Tool's and DataSHIELD's minimum cell counts, applied
/// to survival tables). Within each pattern (stratum × covariate pattern)
/// the distinct times are walked in increasing order and merged into
/// consecutive intervals: an interval closes as soon as each status that
/// occurs in it (each cause, censoring) has at least K subjects. Every
/// subject of an interval is then reported at the interval's end — events
/// and censorings alike — so the end of each interval is the only time the
/// cells show. A last interval that does not reach K is merged into the one
/// before it (again, while needed); a pattern whose whole follow-up still
/// has a status below K (fewer than K events, or censorings, in all) has
/// those cells suppressed, and the subjects lost are counted.
///
/// Bias. Events moved to the end of their interval are late, and censored
/// subjects are counted at risk up to the interval's end, so survival is
/// overestimated within and at the end of merged intervals (hazards and
/// incidence under-, person-time over-estimated); the Cox coefficients are
/// biased towards ties at the interval ends. Suppression removes subjects.
/// Because the site has its rows it fits both summaries and reports the
/// change (``SiteEstimateChange``).
public struct SiteDisclosure: Sendable, Equatable {
    /// K: no shared cell describes fewer subjects.
    public var minCell: Int
    /// The method's name, `merge-consecutive-times`.
    public var method = "merge-consecutive-times"
    /// Distinct (pattern, time) pairs that were merged into a later time.
    public var timesMerged: Int
    /// Cells before and after the control.
    public var cellsBefore: Int
    public var cellsAfter: Int
    /// Cells removed because even the whole follow-up of their pattern held fewer than K.
    public var cellsSuppressed: Int
    public var subjectsSuppressed: Int
    /// The change in the estimates against the unsuppressed summary, fitted at the site.
    public var change: SiteEstimateChange?

    public init(
        minCell: Int, timesMerged: Int, cellsBefore: Int, cellsAfter: Int, cellsSuppressed: Int,
        subjectsSuppressed: Int, change: SiteEstimateChange? = nil
    ) {
        self.minCell = minCell
        self.timesMerged = timesMerged
        self.cellsBefore = cellsBefore
        self.cellsAfter = cellsAfter
        self.cellsSuppressed = cellsSuppressed
        self.subjectsSuppressed = subjectsSuppressed
        self.change = change
    }
}

/// The change in an analysis' estimates caused by disclosure control: the
/// analysis fitted on the controlled cells minus the fit on the exact cells.
public struct SiteEstimateChange: Sendable, Equatable {
    /// What `value` measures: `max_abs_survival` (km: the largest |ΔS(t)|
    /// over every curve and time), `chisq` (logrank: Δ chi-square),
    /// `max_abs_incidence` (cif: the largest |ΔCIF(t)|), `max_abs_rate` (rates:
    /// the largest |Δrate|, events per 1000 units of person-time), `max_abs_coefficient` (cox: the largest |Δβ|).
    public var statistic: String
    public var value: Double
    /// cox: Δβ per term; logrank: Δp under `p`. Empty otherwise.
    public var details: [String: Double]
    /// Curves or groups of the exact fit that the controlled one lost (suppression).
    public var groupsLost: [String]

    public init(statistic: String, value: Double, details: [String: Double] = [:], groupsLost: [String] = []) {
        self.statistic = statistic
        self.value = value
        self.details = details
        self.groupsLost = groupsLost
    }
}
