import Foundation
import SurvivalTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output is safe (issue 8 item 7): survkit never replaces a symbolic link, a
/// device, a FIFO or a directory, never overwrites one of its inputs, writes
/// regular files atomically, and reports write failures (full disk, closed or
/// full standard output) as exit 1 while a closed pipe ends it quietly. Runs
/// the built executable through bash (for redirections); every file written
/// is inside the test's own temporary folder (and `/dev/full`, which keeps nothing).
@Suite struct SafeOutputTests {
    /// A fresh temporary folder holding a copy of `datasets/lung.csv`.
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("survkit-safe-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repository.url("datasets/lung.csv"), to: url.appendingPathComponent("lung.csv"))
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
        func write(_ text: String, to name: String) throws { try text.write(toFile: path(name), atomically: false, encoding: .utf8) }
        /// Names in the folder (hidden ones included).
        func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
    }

    /// What a run left behind.
    struct Run {
        var status: Int32
        var signaled: Bool
        var stdout: String
        var stderr: String
    }

    /// Runs `script` with bash in `folder`, `$SURVKIT` naming the executable and
    /// `$@` the `arguments`.
    static func bash(_ script: String, _ arguments: [String] = [], in folder: Folder) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, "bash"] + arguments
        process.currentDirectoryURL = folder.url
        var environment = ProcessInfo.processInfo.environment
        environment["SURVKIT"] = CommandRunner.executable.path
        process.environment = environment
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs survkit with `arguments` (no redirections) in `folder`.
    static func survkit(_ arguments: [String], in folder: Folder) throws -> Run {
        try bash("exec \"$SURVKIT\" \"$@\"", arguments, in: folder)
    }

    static let km = ["km", "lung.csv", "--formula", "Surv(time, status) ~ sex"]
    static let report = ["report", "lung.csv", "--time", "time", "--status", "status", "--group", "sex", "--covariates", "age,sex"]

    /// The file type bits of `lstat` (the path itself, links not followed).
    static func kind(_ path: String) -> UInt32? {
        var s = stat()
        guard lstat(path, &s) == 0 else { return nil }
        return UInt32(s.st_mode) & 0o170000
    }
    static let regular: UInt32 = 0o100000, symbolicLink: UInt32 = 0o120000, fifo: UInt32 = 0o010000, characterDevice: UInt32 = 0o020000

    static func inode(_ path: String) -> UInt64? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return UInt64(s.st_ino)
    }

    /// The report survkit writes to standard output, to compare with files.
    static func expectedKM(in folder: Folder) throws -> String {
        let run = try survkit(km, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Kaplan–Meier"))
        return run.stdout
    }

    // MARK: - What exists at the path

    @Test func aRegularFileIsReplacedAtomicallyKeepingItsPermissions() throws {
        let folder = try Folder()
        try folder.write("old\n", to: "r.txt")
        #expect(chmod(folder.path("r.txt"), 0o640) == 0)
        let before = Self.inode(folder.path("r.txt"))
        let run = try Self.survkit(Self.km + ["--output", "r.txt"], in: folder)
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        #expect(try folder.read("r.txt") == Self.expectedKM(in: folder))
        #expect(Self.inode(folder.path("r.txt")) != before, "renamed into place, not rewritten")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path("r.txt"))[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try folder.names() == ["lung.csv", "r.txt"], "no temporary file left")
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws {
        // A 1 KiB file-size limit (SIGXFSZ ignored) makes the write fail with EFBIG.
        let folder = try Folder()
        try folder.write("old\n", to: "r.txt")
        let run = try Self.bash(
            "trap '' XFSZ; ulimit -f 1; exec \"$SURVKIT\" \"$@\"", Self.km + ["--output", "r.txt"], in: folder)
        #expect(run.status == 1 && !run.signaled, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("r.txt: cannot write the report: File too large"), "\(run.stderr)")
        #expect(try folder.read("r.txt") == "old\n")
        #expect(try folder.names() == ["lung.csv", "r.txt"], "temporary file removed")
    }

    @Test func aNewFileIsCreated() throws {
        let folder = try Folder()
        let run = try Self.survkit(Self.km + ["--output", "new.txt"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try folder.read("new.txt") == Self.expectedKM(in: folder))
        #expect(try folder.names() == ["lung.csv", "new.txt"])
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let folder = try Folder()
        try folder.write("old\n", to: "target.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.txt"), withDestinationPath: "target.txt")
        let run = try Self.survkit(Self.km + ["--output", "link.txt"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.kind(folder.path("link.txt")) == Self.symbolicLink)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("link.txt")) == "target.txt")
        #expect(try folder.read("target.txt") == Self.expectedKM(in: folder))
    }

    @Test func aLinkToNothingIsAnErrorAndCreatesNothing() throws {
        let folder = try Folder()
        try FileManager.default.createSymbolicLink(atPath: folder.path("dangling"), withDestinationPath: "nowhere")
        let run = try Self.survkit(Self.km + ["--output", "dangling"], in: folder)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("dangling: cannot write the report: No such file or directory"), "\(run.stderr)")
        #expect(try folder.names() == ["dangling", "lung.csv"])
    }

    @Test func aHardLinkedFileIsWrittenInPlaceForEveryName() throws {
        let folder = try Folder()
        try folder.write("old\n", to: "a.txt")
        #expect(link(folder.path("a.txt"), folder.path("b.txt")) == 0)
        let run = try Self.survkit(Self.km + ["--output", "a.txt"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try Self.expectedKM(in: folder)
        #expect(try folder.read("a.txt") == expected)
        #expect(try folder.read("b.txt") == expected)
    }

    @Test func aFIFOIsWrittenInPlaceAndStaysAFIFO() throws {
        let folder = try Folder()
        #expect(mkfifo(folder.path("pipe"), 0o600) == 0)
        let run = try Self.bash(
            "cat pipe > got & \"$SURVKIT\" \"$@\" --output pipe; status=$?; wait; exit $status", Self.km, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.kind(folder.path("pipe")) == Self.fifo)
        #expect(try folder.read("got") == Self.expectedKM(in: folder))
    }

    @Test func aDirectoryIsAnError() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: false)
        let run = try Self.survkit(Self.km + ["--output", "out"], in: folder)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("out: cannot write the report: Is a directory"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("out")).isEmpty)
        let notebook = try Self.survkit(Self.report + ["--notebook", "out"], in: folder)
        #expect(notebook.status == 1, "\(notebook.stderr)")
        #expect(notebook.stderr.contains("out: cannot write the notebook: Is a directory"), "\(notebook.stderr)")
    }

    @Test func devStdoutWritesToStandardOutput() throws {
        let folder = try Folder()
        let run = try Self.survkit(Self.km + ["--output", "/dev/stdout"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == (try Self.expectedKM(in: folder)))
        // Appending standard output to a file: /dev/stdout appends, it does not truncate.
        try folder.write("first line\n", to: "log")
        let appended = try Self.bash("\"$SURVKIT\" \"$@\" --output /dev/stdout >> log", Self.km, in: folder)
        #expect(appended.status == 0, "\(appended.stderr)")
        #expect(try folder.read("log") == "first line\n" + Self.expectedKM(in: folder))
    }

    @Test func aLinkToADeviceKeepsTheDevice() throws {
        // As /dev/null, without writing to /dev/null: a link to /dev/full in the folder.
        let folder = try Folder()
        try FileManager.default.createSymbolicLink(atPath: folder.path("full"), withDestinationPath: "/dev/full")
        let run = try Self.survkit(Self.km + ["--output", "full"], in: folder)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("full: cannot write the report: No space left on device"), "\(run.stderr)")
        #expect(Self.kind(folder.path("full")) == Self.symbolicLink)
        #expect(Self.kind("/dev/full") == Self.characterDevice)
    }

    // MARK: - Outputs that are inputs

    @Test func theDataFileIsNeverTheOutput() throws {
        let folder = try Folder()
        let original = try folder.read("lung.csv")
        try FileManager.default.createSymbolicLink(atPath: folder.path("alias.csv"), withDestinationPath: "lung.csv")
        for target in ["lung.csv", "./lung.csv", folder.path("lung.csv"), "alias.csv", "../\(folder.url.lastPathComponent)/lung.csv"] {
            let run = try Self.survkit(Self.km + ["--output", target], in: folder)
            #expect(run.status == 2, "\(target): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("--output \(target) is the input file lung.csv"), "\(run.stderr)")
        }
        #expect(try folder.read("lung.csv") == original)
        #expect(Self.kind(folder.path("alias.csv")) == Self.symbolicLink)
    }

    @Test func standardInputsFileIsNeverTheOutput() throws {
        let folder = try Folder()
        let run = try Self.bash(
            "exec \"$SURVKIT\" km - --formula 'Surv(time, status) ~ sex' --output lung.csv < lung.csv", in: folder)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("is the input file standard input"), "\(run.stderr)")
        #expect(try folder.read("lung.csv") == String(contentsOf: Repository.url("datasets/lung.csv"), encoding: .utf8))
    }

    @Test func thePredictFileIsNeverTheOutput() throws {
        let folder = try Folder()
        try FileManager.default.copyItem(atPath: folder.path("lung.csv"), toPath: folder.path("new.csv"))
        let run = try Self.survkit(
            ["cox", "lung.csv", "--formula", "Surv(time, status) ~ age", "--predict", "new.csv", "--output", "new.csv"],
            in: folder)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("--output new.csv is the input file new.csv"), "\(run.stderr)")
    }

    @Test func reportOutputsNeverOverwriteItsInputs() throws {
        let folder = try Folder()
        let original = try folder.read("lung.csv")
        try folder.write(#"{"time": "time", "status": "status"}"#, to: "analysis.json")
        let cases: [([String], String)] = [
            (Self.report + ["--notebook", "lung.csv"], "--notebook lung.csv is the input file lung.csv"),
            (Self.report + ["--output", "lung.csv"], "--output lung.csv is the input file lung.csv"),
            (["report", "lung.csv", "--analysis", "analysis.json", "--output", "analysis.json"],
             "--output analysis.json is the input file analysis.json"),
            (["report", "lung.csv", "-C", folder.url.path, "--time", "time", "--status", "status", "--output", "lung.csv"],
             "--output lung.csv is the input file lung.csv"),
        ]
        for (arguments, message) in cases {
            let run = try Self.survkit(arguments, in: folder)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
        }
        // A figure that is a link to the data.
        try FileManager.default.createDirectory(atPath: folder.path("figs"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path("figs/km.svg"), withDestinationPath: "../lung.csv")
        let figure = try Self.survkit(Self.report + ["--figures", "figs"], in: folder)
        #expect(figure.status == 2, "\(figure.stderr)")
        #expect(figure.stderr.contains("--figures figs/km.svg is the input file lung.csv"), "\(figure.stderr)")
        #expect(try folder.read("lung.csv") == original)
        #expect(try folder.read("analysis.json") == #"{"time": "time", "status": "status"}"#)
    }

    @Test func twoOutputsOfOneReportAreNeverTheSameFile() throws {
        let folder = try Folder()
        let run = try Self.survkit(Self.report + ["--output", "same", "--notebook", "same"], in: folder)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("--notebook same and --output same are the same file"), "\(run.stderr)")
        #expect(try folder.names() == ["lung.csv"])
    }

    // MARK: - Report figures, notebook, simulate

    @Test func reportFiguresAndNotebookWriteThroughLinks() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.path("figs"), withIntermediateDirectories: false)
        try folder.write("old\n", to: "km-target.svg")
        try FileManager.default.createSymbolicLink(atPath: folder.path("figs/km.svg"), withDestinationPath: "../km-target.svg")
        try folder.write("old\n", to: "nb-target.ipynb")
        try FileManager.default.createSymbolicLink(atPath: folder.path("nb.ipynb"), withDestinationPath: "nb-target.ipynb")
        let run = try Self.survkit(Self.report + ["--figures", "figs", "--notebook", "nb.ipynb", "--output", "r.txt"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.kind(folder.path("figs/km.svg")) == Self.symbolicLink)
        #expect(Self.kind(folder.path("nb.ipynb")) == Self.symbolicLink)
        #expect(try folder.read("km-target.svg").hasPrefix("<?xml"))
        #expect(try folder.read("nb-target.ipynb").contains("\"nbformat\""))
        #expect(Self.kind(folder.path("figs/forest.svg")) == Self.regular)
        #expect(try !folder.names().contains { $0.hasSuffix(".tmp") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("figs")).sorted() == ["forest.svg", "km.svg"])
    }

    @Test func simulateKeepsLinksInItsOutputFolder() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.path("sim"), withIntermediateDirectories: false)
        try folder.write("old\n", to: "codebook.md")
        try FileManager.default.createSymbolicLink(atPath: folder.path("sim/sarcoma_codebook.md"), withDestinationPath: "../codebook.md")
        let run = try Self.survkit(["simulate", "sarcoma", "--n", "20", "--output-dir", "sim"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("wrote 20 patients"))
        #expect(Self.kind(folder.path("sim/sarcoma_codebook.md")) == Self.symbolicLink)
        #expect(try folder.read("codebook.md").hasPrefix("#"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("sim")).sorted()
            == ["sarcoma_codebook.md", "sarcoma_patients.csv", "sarcoma_recurrences.csv"])
    }

    // MARK: - Failing streams

    @Test func aFullDeviceIsAnError() throws {
        let folder = try Folder()
        let run = try Self.survkit(Self.km + ["--output", "/dev/full"], in: folder)
        #expect(run.status == 1 && !run.signaled, "\(run.stderr)")
        #expect(run.stderr.contains("/dev/full: cannot write the report: No space left on device"), "\(run.stderr)")
        #expect(Self.kind("/dev/full") == Self.characterDevice)
    }

    @Test func aClosedStandardOutputIsAnError() throws {
        let folder = try Folder()
        let run = try Self.bash("exec \"$SURVKIT\" \"$@\" >&-", Self.km, in: folder)
        #expect(run.status == 1 && !run.signaled, "\(run.stderr)")
        #expect(run.stderr.contains("standard output: cannot write the report: Bad file descriptor"), "\(run.stderr)")
        #expect(!run.stderr.contains("crashed"))
    }

    @Test func aFullStandardOutputIsAnError() throws {
        let folder = try Folder()
        let run = try Self.bash("exec \"$SURVKIT\" \"$@\" > /dev/full", Self.km, in: folder)
        #expect(run.status == 1 && !run.signaled, "\(run.stderr)")
        #expect(run.stderr.contains("standard output: cannot write the report: No space left on device"), "\(run.stderr)")
    }

    @Test func aClosedPipeEndsQuietly() throws {
        // The reader exits at once; survkit's write meets a closed pipe (or,
        // rarely, fits in the pipe first). Either way: no message, no crash.
        let folder = try Folder()
        for ignored in [false, true] {
            let trap = ignored ? "trap '' PIPE; " : ""
            let run = try Self.bash(trap + "\"$SURVKIT\" \"$@\" | true; echo \"${PIPESTATUS[0]}\"", Self.km, in: folder)
            let status = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(status == "141" || status == "0", "status \(status), stderr: \(run.stderr)")
            #expect(run.stderr.isEmpty, "\(run.stderr)")
        }
    }

    @Test func aClosedStandardErrorDoesNotCrash() throws {
        let folder = try Folder()
        let run = try Self.bash("exec \"$SURVKIT\" \"$@\" --output /dev/full 2>&-", Self.km, in: folder)
        #expect(run.status == 1 && !run.signaled)
        #expect(run.stderr.isEmpty)
    }
}
