/// Words quoted for a POSIX shell command line, for the commands a report
/// shows: plain words as they are, others in double quotes when that is safe,
/// else in single quotes.
public enum ShellQuoting {
    /// One word, quoted where the shell needs it.
    public static func word(_ word: String) -> String {
        let plain = !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "-_./,=:+@%".contains($0) }
        if plain { return word }
        if !word.contains(where: { "\"$`\\!".contains($0) }) { return "\"\(word)\"" }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The words as one command line.
    public static func line(_ words: [String]) -> String {
        words.map(word).joined(separator: " ")
    }

    /// The words as a command over several lines: the command and its first
    /// arguments, then each `--option` with its values on a line of its own,
    /// the lines joined by ` \` (one command to the shell).
    public static func lines(_ words: [String]) -> String {
        var lines: [[String]] = [[]]
        for w in words {
            if w.hasPrefix("--") && !(lines.last ?? []).isEmpty { lines.append([]) }
            lines[lines.count - 1].append(word(w))
        }
        return lines.enumerated().map { k, l in (k == 0 ? "" : "    ") + l.joined(separator: " ") }
            .joined(separator: " \\\n")
    }
}
