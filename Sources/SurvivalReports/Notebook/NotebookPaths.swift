/// Where a notebook's code cells find their files: the cells run from the
/// notebook's own folder (as Jupyter, VS Code and `jupyter nbconvert
/// --execute` start the kernel), so every path they use is relative to that
/// folder — or, where no sensible relative path exists, recorded absolute and
/// said so in a Markdown note.
public struct NotebookPaths: Sendable, Equatable {
    /// How an input file is named in the cells.
    public enum Kind: Sendable, Equatable {
        /// Relative to the notebook's folder.
        case relative
        /// Absolute: the file shares no folder with the notebook (only the root).
        case absolute
        /// Standard input (`-`): the cells cannot read it again; the notebook says so.
        case standardInput
    }

    /// An input file of the step commands.
    public struct Input: Sendable, Equatable {
        /// The Python variable that names it in the cells (`DATA`, `RECURRENCES`).
        public var variable: String
        /// The path as given to `survkit report`, as the step commands name it.
        public var given: String
        /// The path the cells use (relative to the notebook's folder, or absolute).
        public var path: String
        public var kind: Kind

        public init(variable: String, given: String, path: String, kind: Kind) {
            self.variable = variable
            self.given = given
            self.path = path
            self.kind = kind
        }
    }

    /// The input files, the cohort first.
    public var inputs: [Input]
    /// The folder, relative to the notebook's, that the cells write their figures into.
    public var figures: String

    public init(inputs: [Input], figures: String) {
        self.inputs = inputs
        self.figures = figures
    }

    /// The folder of a notebook's cell figures: `<stem>-notebook-figures` for
    /// `<stem>.ipynb` (so that it cannot be the notebook nor, by its suffix,
    /// the report's usual `--figures` folder).
    public static func figuresFolder(notebookFileName name: String) -> String {
        var stem = name
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        return stem + "-notebook-figures"
    }
}

extension NotebookPaths {
    /// `target` (an absolute file path, or `folder` itself: `.`) as the notebook
    /// in absolute folder `folder` should name it: relative when the two share a
    /// first folder (`/work/...` and `/work/...`), else absolute. Both paths are taken
    /// lexically (`.` and `..` resolved, links not followed).
    public static func path(of target: String, fromFolder folder: String) -> (path: String, kind: Kind) {
        let t = components(target), f = components(folder)
        // The folder itself (a bundle's own folder, say) is `.` from inside it.
        if t == f && !t.isEmpty { return (".", .relative) }
        var common = 0
        while common < min(t.count - 1, f.count) && t[common] == f[common] { common += 1 }
        guard common > 0 else { return ("/" + t.joined(separator: "/"), .absolute) }
        let ups = Array(repeating: "..", count: f.count - common)
        return ((ups + t[common...]).joined(separator: "/"), .relative)
    }

    /// The components of a path, `.` dropped and `..` applied lexically.
    public static func components(_ path: String) -> [String] {
        var out: [String] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !out.isEmpty { out.removeLast() }
            default: out.append(String(part))
            }
        }
        return out
    }
}
