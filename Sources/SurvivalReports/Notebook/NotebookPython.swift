/// The Python source of a report notebook's code cells: a setup cell (the
/// `survkit` program, the data files, the figures folder, a `survkit()`
/// helper that runs it and a `Figure` that displays an SVG file as it is), and
/// one cell per step that runs the step's command and displays its figure.
enum NotebookPython {
    /// The setup cell: names the program, the inputs and the figures folder.
    static func setup(_ paths: NotebookPaths) -> String {
        var lines = [
            "import os",
            "import subprocess",
            "import sys",
            "",
            "from IPython.display import display",
            "",
            "# The survkit program: the SURVKIT environment variable, else survkit on the PATH.",
            "SURVKIT = os.environ.get(\"SURVKIT\", \"survkit\")",
            "# The data files and the figures folder, relative to this notebook's folder (the cells run there).",
        ]
        for input in paths.inputs { lines.append("\(input.variable) = \(literal(input.path))") }
        lines += [
            "FIGURES = \(literal(paths.figures))",
            "os.makedirs(FIGURES, exist_ok=True)",
            "",
            "",
            "def survkit(*args):",
            "    \"\"\"Runs survkit with these arguments and prints what it writes; a failure raises with its message.\"\"\"",
            "    run = subprocess.run(",
            "        [SURVKIT, *args], stdin=subprocess.DEVNULL, capture_output=True, encoding=\"utf-8\")",
            "    if run.returncode != 0:",
            "        raise RuntimeError(f\"survkit {args[0]} failed (exit status {run.returncode}):\\n{run.stderr}\")",
            "    sys.stdout.write(run.stdout)",
            "    sys.stdout.flush()",
            "    if run.stderr:",
            "        sys.stderr.write(run.stderr)",
            "        sys.stderr.flush()",
            "",
            "",
            "class Figure:",
            "    \"\"\"An SVG file, displayed as it is: display(Figure(path)).\"\"\"",
            "",
            "    def __init__(self, path):",
            "        self.path = path",
            "",
            "    def _repr_svg_(self):",
            "        with open(self.path, encoding=\"utf-8\") as f:",
            "            return f.read()",
            "",
            "    def __repr__(self):",
            "        return f\"<Figure {self.path}>\"",
        ]
        return lines.joined(separator: "\n")
    }

    /// A step cell: `survkit("km", DATA, "--formula", ...)`, with `--plot` into
    /// the figures folder and `display(Figure(...))` when the step has a figure.
    /// The step's input file (its first argument after the command) is named
    /// by its variable when it is one of `paths.inputs`.
    static func step(_ arguments: [String], figure: String?, plotOptions: [String], paths: NotebookPaths) -> String {
        var words = arguments.map(literal)
        if arguments.count > 1, let input = paths.inputs.first(where: { $0.given == arguments[1] }) {
            words[1] = input.variable
        }
        let figurePath = figure.map { "f\"{FIGURES}/\($0)\"" }
        if let figurePath { words += ["\"--plot\"", figurePath] + plotOptions.map(literal) }
        // The command and its input on the first line, then each option with its values.
        var lines: [[String]] = [[]]
        for (k, w) in words.enumerated() {
            if k >= 2 && w.hasPrefix("\"--") && !(lines.last ?? []).isEmpty { lines.append([]) }
            lines[lines.count - 1].append(w)
        }
        var out = "survkit(\n" + lines.map { "    " + $0.joined(separator: ", ") + ",\n" }.joined() + ")"
        if let figurePath { out += "\ndisplay(Figure(\(figurePath)))" }
        return out
    }

    /// A Python string literal: double quotes; backslash, quote and control
    /// characters escaped; other characters as they are (the source is UTF-8).
    static func literal(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
