import Foundation
import SurvivalTestSupport
import Testing

/// The bad-input matrix (issue 9): hostile and awkward inputs, each with the
/// exit status and the exact standard error survkit gives
/// (Tests/Fixtures/bad-inputs/cases.json, recorded and reviewed with
/// `scripts/bad-input-matrix.py`). Every case runs the real executable under
/// a 30 s limit: no signal, no hang, and no `NaN`, `Inf` or internal error in
/// any output.
@Suite struct BadInputMatrixTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var args: [String]
        var status: Int32
        var stderr: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        (try? Repository.decode([Case].self, "Tests/Fixtures/bad-inputs/cases.json")) ?? [
            Case(name: Repository.missingFixturesMarker("bad-inputs"), args: [], status: -1, stderr: "")
        ]
    }()

    @Test func theMatrixHasAtLeastSixtyCases() {
        #expect(Self.cases.count >= 60)
    }

    @Test(arguments: cases)
    func statusAndMessageAreExact(_ c: Case) throws {
        let files = Repository.url("Tests/Fixtures/bad-inputs/files").path
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("badinput-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let args = c.args.map { $0.replacingOccurrences(of: "{files}", with: files).replacingOccurrences(of: "{tmp}", with: tmp.path) }
        let r = try Self.spawn(args, limit: 30)
        #expect(!r.timedOut, "\(c.name): still running after 30 s")
        #expect(r.reason == .exit, "\(c.name): ended by a signal (\(r.status))")
        #expect(r.status == c.status, "\(c.name): exit status")
        let stderr = r.stderr.replacingOccurrences(of: files, with: "{files}").replacingOccurrences(of: tmp.path, with: "{tmp}")
        #expect(stderr == c.stderr, "\(c.name)")
        for bad in ["NaN", "EncodingError", "Fatal error", "Program crashed"] {
            #expect(!r.stdout.contains(bad) && !(bad != "NaN" && stderr.contains(bad)), "\(c.name): \(bad) in the output")
        }
        #expect(r.stdout.range(of: #"(?<![A-Za-z])-?Inf(?![A-Za-z])"#, options: .regularExpression) == nil, "\(c.name): Inf in stdout")
    }

    /// Runs survkit with a time limit; stdout and stderr are read concurrently.
    static func spawn(_ arguments: [String], limit: Double)
        throws -> (status: Int32, reason: Process.TerminationReason, timedOut: Bool, stdout: String, stderr: String)
    {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: timer)
        let group = DispatchGroup()
        nonisolated(unsafe) var err = Data()
        DispatchQueue.global().async(group: group) { err = errPipe.fileHandleForReading.readDataToEndOfFile() }
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        timer.cancel()
        let timedOut = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM
        return (process.terminationStatus, process.terminationReason, timedOut,
                String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
