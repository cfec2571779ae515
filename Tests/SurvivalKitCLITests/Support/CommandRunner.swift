import Foundation
import SurvivalTestSupport
@testable import survkit

/// Runs survkit in-process with `--output` to a temporary file and returns
/// what it wrote; data and model failures come back as thrown `AnalysisFailure`.
enum CommandRunner {
    static func run(_ arguments: [String]) throws -> String {
        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("survkit-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: out) }
        let resolved = arguments.map { arg -> String in
            arg.hasPrefix("datasets/") || arg.hasPrefix("Tests/Fixtures/") ? Repository.url(arg).path : arg
        }
        var command = try Survkit.parseAsRoot(resolved + ["--output", out.path])
        try command.run()
        return try String(contentsOf: out, encoding: .utf8)
    }

    static func runJSON(_ arguments: [String]) throws -> Any {
        let text = try run(arguments)
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// The survkit executable built beside the test bundle, for exit-status tests.
    static var executable: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("survkit"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("survkit"),
            Repository.url(".build/debug/survkit"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// Runs the real executable; returns exit status, stdout and stderr.
    static func spawn(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
