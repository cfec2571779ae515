import ArgumentParser
import Foundation

/// How many threads a command's parallel work may use (the bootstrap's
/// replicates); reusable by any command with parallel work.
struct ThreadOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Worker threads for parallel work such as --bootstrap (default: all cores).",
        discussion: "Results do not depend on it: --threads 1 and --threads 8 give identical output.",
        valueName: "n"))
    var threads: Int?

    /// The most threads accepted (far above any machine's core count).
    static let maximum = 1024

    mutating func validate() throws {
        if let threads, !(1...Self.maximum).contains(threads) {
            throw ValidationError("--threads must be an integer from 1 to \(Self.maximum) (got \(threads)).")
        }
    }

    /// The thread count to use: `--threads`, or the number of active cores.
    var count: Int { threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
