import ArgumentParser
import SurvivalKit

/// `survkit split`: the counting-process file of R's `survSplit`.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Split follow-up at fixed times into (tstart, time] intervals, as R survSplit.",
        discussion: """
            Writes a CSV file with one row per interval: every other column of the data in its \
            order, then tstart, the time column as the interval end, the status column (0 on every \
            interval but a row's last; 0/1 as R's Surv codes it) and, with --episode, the interval \
            number (1 + the cut points at or before tstart, as R). A cut at or after a row's time \
            splits nothing. Fit it with Surv(tstart, time, status), e.g. to let an effect change \
            between periods.

            Example: survkit split datasets/veteran.csv --time time --status status --cut 90,180 --episode period --output veteran_split.csv
            """
    )

    @Argument(help: "The cohort: a CSV file (- for standard input) or a .dta, .sav, .zsav, .sas7bdat or .xpt file.")
    var data: String

    @Option(help: "The time column (follow-up from 0; every time must be > 0, as survSplit's zero).")
    var time: String

    @Option(help: "The status column (0/1, 1/2 or FALSE/TRUE).")
    var status: String

    @Option(help: ArgumentHelp("Comma-separated cut points, finite numbers, e.g. 90,180,365.", valueName: "c1,c2,..."))
    var cut: String

    @Option(help: "Name of a column numbering each subject's intervals (R's episode =).")
    var episode: String?

    @Option(help: "Name of the interval start column (R's start =).")
    var start: String = "tstart"

    @Option(name: .shortAndLong, help: "The CSV file to write (- for standard output).")
    var output: String

    @OptionGroup var input: InputOptions

    /// The cut points; `nil` when one is not a finite number.
    static func cuts(_ text: String) -> [Double]? {
        var out: [Double] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)), v.isFinite else { return nil }
            out.append(v)
        }
        return out
    }

    func validate() throws {
        guard Self.cuts(cut) != nil else {
            throw ValidationError("--cut must be comma-separated finite numbers, e.g. --cut 90,180,365 (got '\(cut)').")
        }
        if start.isEmpty || episode == "" { throw ValidationError("--start and --episode need a column name.") }
    }

    func run() throws {
        let file = output == "-" ? nil : OutputFile(option: "--output", shown: output, contents: "the split data")
        try file?.refuseOverwriting(inputs: [InputFile(data)])
        let cohort = try FrameLoader.readCohort(data, input: input)
        let text: String
        do {
            let split = try SurvivalSplit(cuts: Self.cuts(cut) ?? [])
            let out = try cohort.splittingSurvival(
                time: time, status: status, at: split, startName: start, episodeName: episode)
            text = out.csvText()
            StandardStreams.writeError("\(cohort.rowCount) rows split into \(out.rowCount) intervals.\n")
        } catch let error as CohortError {
            throw AnalysisFailure(message: FrameLoader.locate(error, file: data))
        }
        if let file { try file.write(text) } else { try ReportWriter.writeToStandardOutput(text, contents: "the split data") }
    }
}
