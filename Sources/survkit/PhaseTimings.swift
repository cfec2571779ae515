import Foundation

/// Wall-clock time of a command's phases on stderr, when the environment
/// variable `SURVKIT_TIMINGS` is set (for benchmarks: `benchmarks/compare.sh`
/// reads the time after reading from it). One line per phase, e.g.
/// `survkit timing: read 0.412 s`; nothing otherwise.
enum PhaseTimings {
    static let enabled = ProcessInfo.processInfo.environment["SURVKIT_TIMINGS"] != nil
    nonisolated(unsafe) private static var last = Date()

    /// Starts the clock (at the start of `main`, so that `read` includes the parsing of the arguments).
    static func start() { last = Date() }

    /// Prints the time since the previous mark (or the start) as phase `name`.
    static func mark(_ name: String) {
        guard enabled else { return }
        let now = Date()
        StandardStreams.writeError(String(format: "survkit timing: %@ %.3f s\n", name, now.timeIntervalSince(last)))
        last = now
    }
}
