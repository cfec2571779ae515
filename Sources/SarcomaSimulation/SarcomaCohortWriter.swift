import Foundation

/// Writes a simulated sarcoma cohort (``SarcomaSimulator``) as three files:
///
/// - `sarcoma_patients.csv`: one row per patient (covariates, dates, overall
///   survival, metastasis, first local recurrence, recurrence count, and the
///   first recurrence as the scheduled scans see it, interval-censored);
/// - `sarcoma_recurrences.csv`: the local recurrences in counting-process
///   form, one row per at-risk interval `(start, stop]` in years since
///   surgery, as R's `Surv(start, stop, event)` (Andersen–Gill / PWP data);
/// - `sarcoma_codebook.md`: every column with units and codes, and the model.
///
/// The output is a pure function of `n` and `seed`: numbers are printed by a
/// locale-free fixed-decimal formatter, dates by ``CalendarDay``, lines end in
/// `\n`, so the same arguments give byte-identical files on every run (on one
/// platform: the variates use the C library's `log`, `exp`, `pow`, `cos`, whose
/// last bit may differ between, say, glibc and macOS).
public enum SarcomaCohortWriter {
    /// File name of the one-row-per-patient CSV.
    public static let patientsFileName = "sarcoma_patients.csv"
    /// File name of the counting-process CSV of local recurrences (one row per at-risk interval).
    public static let recurrencesFileName = "sarcoma_recurrences.csv"
    /// File name of the Markdown codebook describing every column.
    public static let codebookFileName = "sarcoma_codebook.md"

    /// Simulates patients `1…n` with `seed` and writes the three files into
    /// `directory` (created if missing; existing files are replaced).
    /// `progress`, if given, is called with the number of patients simulated
    /// so far, every 1,000 patients and at the end. (The `survkit simulate`
    /// command writes ``files(n:seed:progress:)`` itself, with its safe-output rules.)
    public static func write(
        n: Int, seed: UInt64, to directory: URL, progress: ((Int) -> Void)? = nil
    ) throws {
        let contents = files(n: n, seed: seed, progress: progress)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in contents {
            try writeText(file.text, to: directory.appendingPathComponent(file.name))
        }
    }

    /// Simulates patients `1…n` with `seed` and returns the three files, each
    /// as its name and its text, in the order patients, recurrences, codebook.
    /// `progress` as for ``write(n:seed:to:progress:)``.
    public static func files(
        n: Int, seed: UInt64, progress: ((Int) -> Void)? = nil
    ) -> [(name: String, text: String)] {
        let simulator = SarcomaSimulator(seed: seed)
        var patients: [SarcomaPatient] = []
        patients.reserveCapacity(max(n, 0))
        for i in stride(from: 1, through: n, by: 1) {
            patients.append(simulator.patient(i))
            if i % 1000 == 0 || i == n { progress?(i) }
        }
        return [
            (patientsFileName, patientsCSV(patients)),
            (recurrencesFileName, recurrencesCSV(patients)),
            (codebookFileName, SarcomaCodebook.markdown(patients: patients, seed: seed)),
        ]
    }

    /// The header of `sarcoma_patients.csv`.
    public static let patientColumns = [
        "id", "age", "sex", "site", "scalp", "depth", "size_cm", "grade", "mitoses", "ki67",
        "surgery", "margin", "radiotherapy", "chemotherapy", "delay_months", "misdiagnosed",
        "symptom_date", "diagnosis_date", "surgery_date", "last_followup_date",
        "os_years", "os_status", "death_cause", "dm_years", "dm_status",
        "lr_first_years", "lr_status", "lr_count",
        // Added with the scan schedule; kept last so the columns before stay as they were.
        "lr_visit_left_years", "lr_visit_right_years",
    ]

    /// The header of `sarcoma_recurrences.csv`.
    public static let recurrenceColumns = [
        "id", "enum", "start", "stop", "event",
        "age", "sex", "site", "depth", "size_cm", "grade", "margin", "surgery", "radiotherapy",
    ]

    /// The patient table as CSV text.
    public static func patientsCSV(_ patients: [SarcomaPatient]) -> String {
        var lines = [patientColumns.joined(separator: ",")]
        for p in patients {
            let fields: [String] = [
                String(p.id), fixed(p.age, 1), p.sex.rawValue, p.site.rawValue, flag(p.scalp),
                p.depth.rawValue, fixed(p.sizeCm, 1), String(p.grade), String(p.mitoses),
                String(p.ki67), p.surgery.rawValue, p.margin.rawValue, flag(p.radiotherapy),
                flag(p.chemotherapy), fixed(p.delayMonths, 1), flag(p.misdiagnosed),
                p.symptomDate.description, p.diagnosisDate.description,
                p.surgeryDate.description, p.lastFollowUpDate.description,
                years(p.followUpDays), flag(p.died), p.deathCause.rawValue,
                years(p.metastasisDay ?? p.followUpDays), flag(p.metastasisDay != nil),
                years(p.recurrenceDays.first ?? p.followUpDays), flag(!p.recurrenceDays.isEmpty),
                String(p.recurrenceDays.count),
                p.visitInterval.left.map(years) ?? "", p.visitInterval.right.map(years) ?? "",
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The recurrences in counting-process form: for each patient the
    /// intervals `(0, r₁], (r₁, r₂], …, (r_m, end]`, `enum` 1…m+1, `event` 1
    /// for a recurrence and 0 for the final interval (censoring or death).
    public static func recurrencesCSV(_ patients: [SarcomaPatient]) -> String {
        var lines = [recurrenceColumns.joined(separator: ",")]
        for p in patients {
            let covariates = [
                fixed(p.age, 1), p.sex.rawValue, p.site.rawValue, p.depth.rawValue,
                fixed(p.sizeCm, 1), String(p.grade), p.margin.rawValue, p.surgery.rawValue,
                flag(p.radiotherapy),
            ].joined(separator: ",")
            var start = 0
            let stops = p.recurrenceDays + [p.followUpDays]
            for (index, stop) in stops.enumerated() {
                let event = index < p.recurrenceDays.count ? "1" : "0"
                lines.append(
                    "\(p.id),\(index + 1),\(years(start)),\(years(stop)),\(event),\(covariates)")
                start = stop
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Formatting

    /// Days after surgery as years (`days/365.25`) with four decimals.
    static func years(_ days: Int) -> String {
        fixed(Double(days) / 365.25, 4)
    }

    static func flag(_ value: Bool) -> String {
        value ? "1" : "0"
    }

    /// `x` with exactly `decimals` decimals, rounded half away from zero, with
    /// integer arithmetic only — no locale, no `printf`.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "NA" }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(x) * Double(scale)).rounded())
        let sign = x < 0 && scaled != 0 ? "-" : ""
        let whole = String(scaled / scale)
        guard decimals > 0 else { return sign + whole }
        let fraction = String(scaled % scale)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    static func writeText(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
