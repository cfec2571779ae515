#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: its `errno`, described as the C library does
/// ("No space left on device").
struct SystemError: Error, Equatable {
    /// The `errno` value.
    var code: Int32

    /// The error of the call that just failed.
    static var current: SystemError { SystemError(code: errno) }

    /// `strerror(code)`.
    var text: String { String(cString: strerror(code)) }
}
