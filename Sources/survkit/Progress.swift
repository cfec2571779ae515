import Foundation

/// Progress notes on stderr for long work, shown only when stderr is a
/// terminal (never in pipes, files or CI logs).
enum Progress {
    static let isTerminal = isatty(2) == 1

    /// Prints `message` followed by "…" and returns a closure that completes
    /// the line with the elapsed time; a no-op when stderr is not a terminal.
    static func begin(_ message: String) -> (String) -> Void {
        guard isTerminal else { return { _ in } }
        let start = Date()
        StandardStreams.writeError("\(message)…")
        return { done in
            let seconds = Date().timeIntervalSince(start)
            StandardStreams.writeError(String(format: " %@ (%.1f s)\n", done, seconds))
        }
    }

    /// A counter for `total` steps that rewrites one line, `"<label> k/total"`,
    /// and ends it at the last step; `nil` when stderr is not a terminal.
    /// The closure must not be called from two threads at once.
    static func counter(_ label: String, total: Int) -> (@Sendable (Int) -> Void)? {
        guard isTerminal else { return nil }
        return { done in
            StandardStreams.writeError("\r\(label) \(done)/\(total)" + (done >= total ? "\n" : ""))
        }
    }

    /// Size in bytes of a regular file, 0 for stdin or unknown.
    static func fileSize(_ path: String) -> Int {
        guard path != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return 0 }
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }
}
