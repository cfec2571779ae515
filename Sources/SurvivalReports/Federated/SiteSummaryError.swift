/// Why a site summary cannot be made, read or pooled: a located message
/// (file, JSON path, the value found, what was expected).
public struct SiteSummaryError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    /// `FILE: PATH: VALUE: expected EXPECTED`.
    public init(file: String, path: String, value: String, expected: String) {
        self.message = "\(file): \(path): \(value): expected \(expected)"
    }

    public var description: String { message }
}
