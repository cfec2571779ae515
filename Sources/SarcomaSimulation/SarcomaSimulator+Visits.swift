/// Scheduled follow-up scans, and the first local recurrence as they see it:
/// an interval-censored time, for `Surv(lr_visit_left_years,
/// lr_visit_right_years, type = "interval2")`.
///
/// Scans are planned at 3, 6, 9, 12, 18 and 24 months after surgery, then
/// yearly (36, 48, … months), month = 365.25/12 days; each planned day is
/// `round(months·30.4375)` moved by a jitter drawn uniformly from −14…+14
/// days (at least day 1). A scan happens only before the last follow-up day.
/// The jitters come from a stream of their own (`seed ⊕ i·golden ⊕
/// 0x5649_5349_5453_0001`), so adding the scans changed no other column.
///
/// A recurrence on day r is found at the first scan on or after r: the
/// interval is (last scan before r, that scan], with an empty left end when
/// no scan came before (left-censored). A recurrence after the last scan is
/// not seen by the scans, and a patient without a recurrence is followed to
/// the last scan: both are right-censored there (empty right end). A patient
/// never scanned has both ends empty (no information; a missing response).
extension SarcomaSimulator {
    /// The planned scan months.
    static func plannedScanMonths(upTo days: Int) -> [Double] {
        var months: [Double] = [3, 6, 9, 12, 18, 24]
        var next = 36.0
        while next * 30.4375 <= Double(days) + 14 {
            months.append(next)
            next += 12
        }
        return months
    }

    /// The scan days of patient `i`, whose follow-up ends on day `endDay`.
    public func scanDays(patient i: Int, endDay: Int) -> [Int] {
        var rng = SplitMix64(seed: stream(for: i).state ^ 0x5649_5349_5453_0001)
        var days: [Int] = []
        for months in Self.plannedScanMonths(upTo: endDay) {
            let planned = Int((months * 30.4375).rounded())
            let day = max(1, planned + rng.integer(in: -14...14))
            if (day < endDay) && (day > (days.last ?? 0)) { days.append(day) }
        }
        return days
    }

    /// The first recurrence (day `recurrence`, or `nil`) as the scans see it:
    /// `(left, right)` days, `nil` for an empty end.
    static func visitInterval(scans: [Int], recurrence: Int?) -> (left: Int?, right: Int?) {
        guard let last = scans.last else { return (nil, nil) }
        guard let r = recurrence, let found = scans.firstIndex(where: { $0 >= r }) else { return (last, nil) }
        return (found > 0 ? scans[found - 1] : nil, scans[found])
    }
}
