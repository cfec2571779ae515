import Foundation

/// Wall-clock time of a command's phases on stderr, when the environment
/// variable `SURVKIT_TIMINGS` is set (for benchmarks: `benchmarks/compare.sh`
/// reads the time after reading from it). One line per phase, e.g.
/// `survkit timing: read 0.412 s (resident 410 MB, peak 650 MB)`; nothing otherwise.
enum PhaseTimings {
    static let enabled = ProcessInfo.processInfo.environment["SURVKIT_TIMINGS"] != nil
    nonisolated(unsafe) private static var last = Date()

    /// A line of /proc/self/status (`VmRSS`, `VmHWM`) in MB; `?` where there is none.
    private static func memory(_ key: String) -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "?" }
        for line in status.split(separator: "\n") where line.hasPrefix(key + ":") {
            if let kb = line.split(separator: " ").compactMap({ Int($0) }).first { return "\(kb / 1024) MB" }
        }
        return "?"
    }

    /// Starts the clock (at the start of `main`, so that `read` includes the parsing of the arguments).
    static func start() { last = Date() }

    /// Prints the time since the previous mark (or the start) as phase `name`.
    static func mark(_ name: String) {
        guard enabled else { return }
        let now = Date()
        StandardStreams.writeError(String(
            format: "survkit timing: %@ %.3f s (resident %@, peak %@)\n", name, now.timeIntervalSince(last),
            memory("VmRSS"), memory("VmHWM")))
        last = now
    }
}
