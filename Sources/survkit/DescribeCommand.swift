import ArgumentParser
import SurvivalKit

/// `survkit describe`: how every column of a data file was read.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "How each column of a data file is read: type, missing values, distinct values, range or levels.",
        discussion: """
            The first command to run on a new file: one line per column with the type the reader \
            inferred (number, date or categorical), the number of missing values, the number of \
            distinct values, and the range or the most frequent levels (with the variable label of \
            Stata, SPSS and SAS files). A column of numbers with a stray token (unknown, #N/A, a \
            decimal comma) is categorical here, and listed with the lines to fix.

            Example: survkit describe datasets/lung.csv
            """
    )

    @Argument(help: "The data file (CSV, .csv.gz, .dta, .sav, .sas7bdat, .xpt), or - for standard input.")
    var data: String

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let destination = try ReportWriter.destination(output, inputs: [InputFile(data)])
        let cohort = try FrameLoader.readCohort(data, input: input)
        let text = try DataDescriptionReport.render(DataDescription(cohort, data: cohort.fileName), format: output.format)
        try ReportWriter.emit(text, warnings: [], to: destination)
    }
}
