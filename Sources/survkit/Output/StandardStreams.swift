#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input, output and error as survkit uses them: written with
/// `write(2)` (never Foundation's `FileHandle`, which traps on `EPIPE`,
/// `ENOSPC` or `EBADF`), and guarded against being closed at launch.
enum StandardStreams {
    /// The standard descriptors (0, 1, 2) that were closed when survkit
    /// started (`survkit ... >&-`). Each is reopened on `/dev/null` so that no
    /// file survkit opens later gets its number — else a report meant for
    /// standard output, or an error message, would land in that file. A
    /// report for a standard output closed at launch is an error
    /// (`Bad file descriptor`), not silently discarded.
    ///
    /// Evaluated once, by ``prepare()``, before anything opens a file.
    static let closedAtLaunch: Set<Int32> = {
        var closed: Set<Int32> = []
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            closed.insert(fd)
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                _ = dup2(null, fd)
                _ = close(null)
            }
        }
        return closed
    }()

    /// Reserves closed standard descriptors; call first thing in `main`.
    static func prepare() { _ = closedAtLaunch }

    /// Writes a report (or a status line) to standard output. A reader that
    /// went away (`EPIPE`) ends survkit quietly, as any Unix filter
    /// (``BrokenPipe/terminate()``); other failures are thrown.
    static func writeOutput(_ text: String) throws(SystemError) {
        if closedAtLaunch.contains(1) { throw SystemError(code: EBADF) }
        do {
            try FileDescriptor.standardOutput.write(Array(text.utf8))
        } catch let error where error.code == EPIPE {
            BrokenPipe.terminate()
        }
    }

    /// Writes a message to standard error; failures are ignored (there is
    /// nowhere left to report them).
    static func writeError(_ text: String) {
        try? FileDescriptor.standardError.write(Array(text.utf8))
    }
}
