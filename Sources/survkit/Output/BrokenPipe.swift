#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What survkit does when the reader of its output has gone away
/// (`survkit km ... | head -1`): what every Unix filter does, end at once,
/// silently, by `SIGPIPE` (exit status 141 in the shell).
enum BrokenPipe {
    /// Ends the process by the default action of `SIGPIPE`, even when the
    /// signal was ignored; exits with status 141 should it return.
    static func terminate() -> Never {
        _ = signal(SIGPIPE, SIG_DFL)
        _ = raise(SIGPIPE)
        _exit(128 + SIGPIPE)
    }
}
