import Foundation

/// A deterministic synthetic cohort of adults with a resected localized
/// non-uterine soft-tissue sarcoma of leiomyosarcoma behaviour, following the
/// project's calibration recipe (§1–§5; summarized with its targets and sources
/// in `datasets/README-sarcoma.md`), calibrated to
/// published series (Gladdy 2013, Kattan 2002, Zagars 2003, Coindre 1996, …).
///
/// The model, in the order the patient's random stream is consumed:
///
/// 1. Covariates (§1): site, depth, age, sex, size, FNCLCC grade, mitoses,
///    Ki-67, surgery (WLE or Mohs), margin, radiotherapy, chemotherapy and the
///    diagnostic delay (see ``SarcomaCovariates``).
/// 2. Death from any cause (§2): Weibull proportional hazards,
///    `S(t|x) = exp(−(t/130)^0.9·e^{βx})`, drawn by inversion
///    `T_D = 130·(−ln U / e^{βx})^{1/0.9}`. Hazard ratios: G2 2.0, G3 4.0;
///    size 5–10 cm 1.5, > 10 cm 2.0; deep 1.3; RP 1.3; R1 1.3, R2 2.0;
///    1.35 per 10 years of age about 60; male 1.2. Treatment, Ki-67,
///    mitoses and delay have no effect.
/// 3. Distant metastasis and cause of death (§3): the latent death is a
///    sarcoma death with probability .30/.70/.85 by grade. Sarcoma deaths are
///    preceded by a metastasis at `T_M = T_D − G`, with the gap `G` a
///    Weibull(shape 1.2, scale 3.53 y) truncated to `(0, T_D − 0.25)` and
///    drawn by inversion `G = F⁻¹(U·F(T_D − 0.25))`; when `T_D ≤ 0.25`,
///    `T_M = T_D/2`. Other deaths have no metastasis. Because the cause is
///    drawn after the death time, the all-cause hazard stays exactly §2's.
/// 4. Follow-up (§5): surgery uniform over 2000-01-01…2020-12-31, diagnosis
///    7–42 days before, symptoms `round(30.44·delay)` days before diagnosis;
///    loss to follow-up at rate 0.01/y; data cut 2024-12-31.
///    These are drawn before the recurrences (whose number varies) so that
///    the recurrence process can stop at the end of follow-up.
/// 5. Local recurrence (§4): gap-time recurrent events with a gamma frailty
///    `Z ~ Gamma(2, 0.5)`. The k-th recurrence (k ≤ 10) has rate
///    `0.04·Z·0.6^{k−1}·e^{γx}·b(u)`, `u` the time since surgery or the
///    previous recurrence and `b` = 1, .45, .12 on `[0, 2)`, `[2, 5)`, `[5, ∞)`
///    years; each gap is drawn by inverting the piecewise-linear cumulative
///    baseline at `E/(0.04·Z·0.6^{k−1}·e^{γx})`, `E ~ Exp(1)`. Hazard ratios:
///    R1 3.0, R2 6.0; > 5 cm 1.5; G2–3 1.4; radiotherapy 0.35; Mohs 0.20;
///    RP 2.0; H&N 1.5; age > 50 1.2. Recurrences do not change death or
///    metastasis. Drawing stops at the first recurrence at or after the end of
///    follow-up.
///
/// 6. Scheduled follow-up scans (3, 6, 9, 12, 18, 24 months, then yearly,
///    ±14 days), from a stream of their own, give the first local recurrence
///    as an interval-censored time (`SarcomaSimulator+Visits.swift`).
///
/// Event days are `⌊365.25·t⌋` after surgery (at least day 1). The metastasis
/// day is clamped to at most the death day − 1; a recurrence falling on the
/// same day as the previous one moves to the next day; any metastasis or
/// recurrence on or after the last follow-up day is dropped.
///
/// Patient `i` uses its own SplitMix64 stream seeded with
/// `seed ⊕ i·0x9E3779B97F4A7C15`, so it is identical in every cohort of size
/// `N ≥ i` and the cohort is byte-for-byte reproducible.
public struct SarcomaSimulator: Sendable {
    /// The cohort seed `S`.
    public let seed: UInt64

    /// First and last possible surgery day and the data cut (§5).
    static let firstSurgery = CalendarDay(year: 2000, month: 1, day: 1)
    static let lastSurgery = CalendarDay(year: 2020, month: 12, day: 31)
    /// The data cut, 2024-12-31: follow-up of the living ends here.
    public static let dataCut = CalendarDay(year: 2024, month: 12, day: 31)

    /// Creates a simulator of the cohort with seed `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The random stream of patient `i`: SplitMix64 seeded with `seed ⊕ i·golden`.
    public func stream(for i: Int) -> SplitMix64 {
        SplitMix64(seed: seed ^ (UInt64(bitPattern: Int64(i)) &* SplitMix64.golden))
    }

    /// The patients numbered `1…n`.
    public func cohort(n: Int) -> [SarcomaPatient] {
        n < 1 ? [] : (1...n).map(patient)
    }

    /// Patient number `i` (the cohort uses `1…n`), a pure function of `seed` and `i`.
    public func patient(_ i: Int) -> SarcomaPatient {
        var rng = stream(for: i)
        let x = SarcomaCovariates(drawingFrom: &rng)

        // §2 Death (latent, years after surgery).
        let deathTime = Self.deathTime(x, uniform: rng.uniform())

        // §3 Cause of death and metastasis.
        let sarcomaDeath = rng.bernoulli([0.30, 0.70, 0.85][x.grade - 1])
        let gapUniform = rng.uniform()
        let metastasisTime: Double? =
            sarcomaDeath ? Self.metastasisTime(deathTime: deathTime, uniform: gapUniform) : nil

        // §5 Dates and censoring.
        let surgeryDate = Self.firstSurgery
            + rng.integer(in: 0...(Self.lastSurgery.daysSince1970 - Self.firstSurgery.daysSince1970))
        let diagnosisDate = surgeryDate - rng.integer(in: 7...42)
        let symptomDate = diagnosisDate - Int((30.44 * x.delayMonths).rounded())
        let lossTime = rng.exponential(rate: 0.01)
        let cutDay = Self.dataCut.daysSince1970 - surgeryDate.daysSince1970
        let deathDay = Self.eventDay(deathTime)
        let lossDay = Self.eventDay(lossTime)
        let endDay = min(deathDay, lossDay, cutDay)
        let died = deathDay <= min(lossDay, cutDay)

        // §4 Local recurrences, drawn up to the end of follow-up.
        let frailty = rng.gamma(integerShape: 2, scale: 0.5)
        let horizon = min(deathTime, lossTime, Double(cutDay) / 365.25)
        let recurrenceTimes = Self.recurrenceTimes(x, frailty: frailty, horizon: horizon, rng: &rng)
        var recurrenceDays: [Int] = []
        for t in recurrenceTimes {
            let day = max(Self.eventDay(t), (recurrenceDays.last ?? 0) + 1)
            if day >= endDay { break }
            recurrenceDays.append(day)
        }

        var metastasisDay: Int?
        if let metastasisTime {
            let day = max(1, min(Self.eventDay(metastasisTime), deathDay - 1))
            if day < endDay { metastasisDay = day }
        }

        var patient = SarcomaPatient(
            id: i, site: x.site, scalp: x.scalp, depth: x.depth, age: x.age, sex: x.sex,
            sizeCm: x.sizeCm, grade: x.grade, mitoses: x.mitoses, ki67: x.ki67,
            surgery: x.surgery, margin: x.margin, radiotherapy: x.radiotherapy,
            chemotherapy: x.chemotherapy, delayMonths: x.delayMonths, misdiagnosed: x.misdiagnosed,
            symptomDate: symptomDate, diagnosisDate: diagnosisDate, surgeryDate: surgeryDate,
            lastFollowUpDate: surgeryDate + endDay, followUpDays: endDay, died: died,
            deathCause: died ? (sarcomaDeath ? .sarcoma : .other) : .none,
            metastasisDay: metastasisDay, recurrenceDays: recurrenceDays,
            lostToFollowUp: !died && lossDay < cutDay, frailty: frailty)
        // §6 Scheduled scans (a stream of their own: the draws above are unchanged).
        patient.scanDays = scanDays(patient: i, endDay: endDay)
        return patient
    }

    /// The day after surgery of an event at `t` years: `⌊365.25·t⌋`, at least 1
    /// so that no follow-up interval has length zero.
    static func eventDay(_ t: Double) -> Int {
        let days = (365.25 * t).rounded(.down)
        return days >= 1e9 ? 1_000_000_000 : max(1, Int(days))
    }
}
