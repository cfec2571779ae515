import Foundation

/// Encodes result values as the JSON documents of the contract (`cli-json.md`).
///
/// Results never hold NaN or infinities (absent values are `nil` → `null`), so
/// encoding can only fail on a programming error; that is reported as a thrown
/// error, never a crash.
public enum JSONReport {
    /// The JSON text of `value`, pretty-printed with sorted keys and a final newline.
    public static func render<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }
}
