import Foundation

/// Encodes result values as survkit's JSON documents (docs/json-output.md).
///
/// The value is first turned into a tree by `JSONTreeEncoder` (snake_case
/// keys, `nil` as `null`, `analysis` tags), then printed by Foundation's
/// `JSONEncoder`: pretty-printed, keys sorted, slashes not escaped.
///
/// Results never hold NaN or infinities (absent values are `nil` → `null`), so
/// encoding can only fail on a programming error; that is reported as a thrown
/// error, never a crash.
public enum JSONReport {
    /// The JSON text of `value`, pretty-printed with sorted keys and a final newline.
    public static func render<T: Encodable>(_ value: T) throws -> String {
        let tree = try JSONTreeEncoder.tree(of: value)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(tree)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
