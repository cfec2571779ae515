import SurvivalKit

/// The `commands.sh` and `README.md` of a report bundle (`survkit report --bundle`).
///
/// `commands.sh` is bash (`set -euo pipefail`) that changes to its own
/// folder and runs `$SURVKIT` (default `survkit` on PATH): first the report
/// with `--bundle .`, which writes every file again, then each publication
/// table by its own command, which writes the same bytes as the report did.
/// The data paths are the bundle's (relative to its folder where they can be).
struct ReportBundleScript {
    /// The `survkit report … --bundle .` words.
    var report: [String]
    /// Whether pandoc was on PATH (the .docx files are in the bundle).
    var pandoc: Bool
    /// The publication tables' own commands.
    var tables: [SingleTableCommand] = []

    init(report: [String], pandoc: Bool) {
        self.report = report
        self.pandoc = pandoc
    }

    /// The pandoc that makes the Word files, and the fixed date it gives them.
    var pandocNote: String {
        pandoc
            ? "The .docx files are made by pandoc with SOURCE_DATE_EPOCH=\(PublicationTableWriter.defaultSourceDateEpoch)"
                + " (as survkit sets it), so they too are the same bytes each time with the same pandoc."
            : "pandoc was not on PATH when the bundle was made, so it has no .docx files; install pandoc"
                + " (apt-get install pandoc) and run commands.sh again to add them."
    }

    /// The script's text.
    var text: String {
        var out = """
            #!/usr/bin/env bash
            # Regenerates every file of this bundle (written by survkit report --bundle), byte for byte.
            # Run it from anywhere: SURVKIT=/path/to/survkit ./commands.sh (default: survkit on PATH).
            # \(pandocNote)
            set -euo pipefail
            cd "$(dirname "$0")"
            SURVKIT=${SURVKIT:-survkit}

            # The report (report.txt, .md, .json, .ipynb), Table 1 (tables/table1.*), every table,
            # the figures (figures/*.svg, *.pdf, as the report draws them), README.md and this script:

            """
        out += Self.line(report) + "\n"
        if !tables.isEmpty {
            out += "\n# Each publication table by the command that makes it alone (the same bytes as the report's):\n"
            for table in tables {
                for format in table.formats(pandoc: pandoc) { out += Self.line(table.arguments(format)) + "\n" }
            }
        }
        return out
    }

    /// `"$SURVKIT" cox …`: the words as a shell command, continued before an
    /// option once a line passes 100 columns.
    static func line(_ words: [String]) -> String {
        var lines = ["\"$SURVKIT\""]
        for word in words.dropFirst().map({ ReportCommand.shell([$0]) }) {
            if word.hasPrefix("--") && lines[lines.count - 1].count + word.count > 90 {
                lines[lines.count - 1] += " \\"
                lines.append("    " + word)
            } else {
                lines[lines.count - 1] += " " + word
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The README: what the bundle is, how to regenerate it, and its files.
    func readme(_ report: Report, files: [String]) -> String {
        var out = "# \(report.title)\n\n"
        out += "A reproducible bundle written by `survkit report --bundle`: the report, its tables and figures,"
            + " the JSON results and a Jupyter notebook, from `\(report.data)`.\n\n"
        out += "Regenerate every file, byte for byte, with `./commands.sh` (`SURVKIT=/path/to/survkit ./commands.sh`"
            + " for a survkit that is not on PATH); `git diff --no-index` or `diff -r` against a copy shows any change.\n\n"
        out += "- The figures are the report's, drawn with its time unit and layout (`survkit km --plot` and its"
            + " siblings draw the same curves in their own layout), so commands.sh draws them with the report command.\n"
        out += "- Each publication table is also written by its own command (`survkit cox … --table publication`),"
            + " listed in commands.sh.\n"
        out += "- \(pandocNote)\n\n## Files\n\n"
        let described: [(String, String)] = [
            ("report.txt", "the report as plain text"), ("report.md", "the report in Markdown, figures linked"),
            ("report.json", "every result in full precision (docs/json-output.md)"),
            ("report.ipynb", "the report as a Jupyter notebook, with the survkit command of each step"),
            ("commands.sh", "regenerates the bundle"), ("README.md", "this file"),
        ]
        for (name, what) in described where files.contains(name) { out += "- `\(name)`: \(what)\n" }
        let tables = files.filter { $0.hasPrefix("tables/") }
        let figures = files.filter { $0.hasPrefix("figures/") }
        if !tables.isEmpty {
            out += "- `tables/`: " + Self.stems(tables).map { stem in
                let what = stem == "table1" ? "Table 1" : stem == "cox" ? "the Cox model" : "the Fine–Gray model"
                return "\(what) (`\(stem).*`)"
            }.joined(separator: ", ") + "; as " + Self.extensions(tables) + "\n"
        }
        if !figures.isEmpty {
            out += "- `figures/`: " + Self.stems(figures).map { "`\($0)`" }.joined(separator: ", ")
                + "; as " + Self.extensions(figures) + "\n"
        }
        return out
    }

    /// The file stems of `paths` in order of first appearance (`tables/cox.md` → `cox`).
    static func stems(_ paths: [String]) -> [String] {
        var out: [String] = []
        for p in paths {
            let name = p.split(separator: "/").last.map(String.init) ?? p
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            if !out.contains(stem) { out.append(stem) }
        }
        return out
    }

    /// `.txt, .md, .html` of `paths`, in order of first appearance.
    static func extensions(_ paths: [String]) -> String {
        var out: [String] = []
        for p in paths {
            guard let dot = p.lastIndex(of: ".") else { continue }
            let ext = String(p[dot...])
            if !out.contains(ext) { out.append(ext) }
        }
        return out.joined(separator: ", ")
    }
}
