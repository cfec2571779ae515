import ArgumentParser
import SurvivalKit

/// The single command that makes one publication table of a report bundle
/// (`survkit cox … --table publication --format latex --output tables/cox.tex`):
/// the report's step command for the model (`ReportCommand.commandWords`) with
/// the table's format and file. Parsing those words as that command gives the
/// call the table states, so the report writes the bytes the command writes.
struct SingleTableCommand {
    /// The file stem and command name: `cox` or `finegray`.
    var name: String
    /// The step's words, `survkit cox DATA --formula … ` (data relative to the bundle).
    var words: [String]

    /// The formats written as text, with their file extensions.
    static let textFormats: [(format: PublicationTableFormat, extension: String)] = [
        (.text, "txt"), (.markdown, "md"), (.html, "html"), (.csv, "csv"), (.latex, "tex"),
    ]

    /// The `--format` values of the table files: the text formats, and docx with pandoc.
    func formats(pandoc: Bool) -> [TableOutputFormat] {
        [.text, .markdown, .html, .csv, .latex] + (pandoc ? [.docx] : [])
    }

    /// `tables/cox.tex`.
    func path(_ format: TableOutputFormat) -> String {
        let ext: String
        switch format {
        case .text, .json: ext = "txt"
        case .markdown: ext = "md"
        case .html: ext = "html"
        case .csv: ext = "csv"
        case .latex: ext = "tex"
        case .docx: ext = "docx"
        }
        return "tables/\(name).\(ext)"
    }

    /// The command's words for `format`, `survkit` first.
    func arguments(_ format: TableOutputFormat) -> [String] {
        let layout = format == .text || format == .markdown ? ["--table", "publication"] : []
        return words + layout + ["--format", format.rawValue, "--output", path(format)]
    }

    /// The call the command states in its table, as `survkit cox` itself
    /// makes it from these words; `nil` if they do not parse as the command
    /// (the table is then the report's alone, without a call).
    func call() -> String? {
        let arguments = Array(arguments(.latex).dropFirst(2))
        switch name {
        case "cox":
            guard let c = try? CoxCommand.parse(arguments) else { return nil }
            return PublicationTableWriter.call("cox", cohort: c.cohort, options: c.callOptions, table: c.output)
        case "finegray":
            guard let c = try? FineGrayCommand.parse(arguments) else { return nil }
            return PublicationTableWriter.call("finegray", cohort: c.cohort, options: c.callOptions, table: c.output)
        default:
            return nil
        }
    }
}
