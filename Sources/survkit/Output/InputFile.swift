#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file a command reads (the DATA argument, `--predict`, `--analysis`, the
/// report's recurrences file, ...), which no output may overwrite.
struct InputFile {
    /// The path as the user wrote it, for messages; `-` is standard input.
    var shown: String
    /// The path to examine (`shown` resolved against `report -C`).
    var path: String

    init(_ shown: String, resolved path: String? = nil) {
        self.shown = shown
        self.path = path ?? shown
    }

    /// The regular file this input is, if it is one: standard input's when
    /// `-` (`survkit km - < data.csv`); `nil` for pipes, devices and missing
    /// files, which an output cannot destroy.
    var identity: FileIdentity? {
        let status = path == "-" ? FileStatus.of(descriptor: 0) : FileStatus.of(path)
        guard let status, status.kind == .regular else { return nil }
        return status.identity
    }

    /// How messages name it.
    var description: String { path == "-" ? "standard input" : shown }
}
