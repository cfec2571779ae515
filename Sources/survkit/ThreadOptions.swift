import ArgumentParser
import Foundation

/// How many threads a command may use: for reading a CSV file and for its
/// parallel work (the bootstrap's replicates). Part of every command's input options.
struct ThreadOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Worker threads for reading CSV files and for parallel work such as --bootstrap (default: all cores).",
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
