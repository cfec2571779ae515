import ArgumentParser
import SurvivalKit

/// The formats of a command with a regression table (cox, finegray, survreg,
/// poisson, negbin): R's print layout in text or Markdown and the JSON result
/// as every command has them, and the publication table in HTML, CSV, LaTeX
/// and Word (also in text and Markdown with `--table publication`).
enum TableOutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, json, html, csv, latex, docx
}

/// Which table `--format text|markdown` writes.
enum TableLayout: String, CaseIterable, ExpressibleByArgument {
    /// R's print layout (`summary(coxph)` and the like), as before: scripts rely on it.
    case r
    /// The manuscript table: a row per level with the reference, N and events, "HR (95% CI)", journal p.
    case publication
}

/// Where and how a command with a regression table writes its report: the
/// options of `OutputOptions` with the publication formats, and the
/// publication table's own options (`--table`, `--digits`, `--digits-p`, `--labels`).
struct TableOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Output format: text, markdown, json, html, csv, latex or docx.",
        discussion: "html, csv, latex and docx are publication tables (docx through pandoc, written to --output);"
            + " text and markdown are R's layout unless --table publication."))
    var format: TableOutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Table of --format text/markdown: r (R's print layout, the default) or publication.")
    var table: TableLayout?

    @Option(help: "Publication tables: decimals of ratios and their limits (default 2).")
    var digits: Int?

    @Option(name: .customLong("digits-p"), help: "Publication tables: decimals of p (default 3; smaller p as <0.001).")
    var digitsP: Int?

    @Option(help: ArgumentHelp(
        "Publication tables: variable and value labels, a JSON file {\"variables\": {...}, \"levels\": {...}}.",
        discussion: "Example: {\"variables\": {\"grade\": \"Tumour grade\"}, \"levels\": {\"grade\": {\"1\": \"Grade 1\"}}}."
            + " See docs/publication-tables.md.",
        valueName: "FILE.json"))
    var labels: String?

    /// Whether the report is the publication table.
    var isPublication: Bool {
        switch format {
        case .html, .csv, .latex, .docx: return true
        case .text, .markdown: return table == .publication
        case .json: return false
        }
    }

    /// R's layout's format (text, markdown, json) when the report is not a publication table.
    var reportFormat: ReportFormat {
        switch format {
        case .markdown: return .markdown
        case .json: return .json
        default: return .text
        }
    }

    /// The publication table's format; docx is made from the Markdown.
    var publicationFormat: PublicationTableFormat {
        switch format {
        case .markdown, .docx: return .markdown
        case .html: return .html
        case .csv: return .csv
        case .latex: return .latex
        case .text, .json: return .text
        }
    }

    var style: PublicationTableStyle { PublicationTableStyle(digits: digits ?? 2, pDigits: digitsP ?? 3) }

    /// The `OutputOptions` of `ReportWriter` (the destination).
    var plain: OutputOptions {
        var options = OutputOptions()
        options.format = reportFormat
        options.output = output
        return options
    }

    func validate() throws {
        if let table {
            if format == .json {
                throw ValidationError(
                    "--table applies to --format text and markdown (json keeps the whole result); leave it out.")
            }
            if table == .r && isPublication {
                throw ValidationError(
                    "--table r: --format \(format.rawValue) is always a publication table; use --format text or markdown for R's layout.")
            }
        }
        if !isPublication {
            for (given, option) in [(digits != nil, "--digits"), (digitsP != nil, "--digits-p"), (labels != nil, "--labels")]
            where given {
                throw ValidationError(
                    "\(option) applies to publication tables: add --table publication, or use --format html, csv, latex or docx.")
            }
        }
        if let digits, !(0...6).contains(digits) { throw ValidationError("--digits must be between 0 and 6.") }
        if let digitsP, !(1...6).contains(digitsP) { throw ValidationError("--digits-p must be between 1 and 6.") }
        if format == .docx && output == nil {
            throw ValidationError("--format docx writes a Word file: name it with --output FILE.docx.")
        }
    }
}
