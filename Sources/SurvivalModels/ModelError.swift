/// Why a model could not be fitted to the data it was given.
///
/// These are data problems (no events, an empty stratum), not programming
/// errors (data or model unusable).
public struct ModelError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A one-paragraph explanation for the user.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
