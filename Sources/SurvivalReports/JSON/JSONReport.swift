import Foundation

/// Encodes result values as survkit's JSON documents (docs/json-output.md).
///
/// The value is first turned into a tree by `JSONTreeEncoder` (snake_case
/// keys, `nil` as `null`, `analysis` tags), then printed by Foundation's
/// `JSONEncoder`: pretty-printed, keys sorted, slashes not escaped.
///
/// Results never hold NaN or infinities (absent values are `nil` → `null`).
/// Should one slip through, it is written as `null` and the document's
/// `warnings` say where, so encoding never fails on a number and JSON never
/// holds `NaN`; any other failure is a thrown error, never a crash.
public enum JSONReport {
    /// The JSON text of `value`, pretty-printed with sorted keys and a final newline.
    public static func render<T: Encodable>(_ value: T) throws -> String {
        try render(tree: JSONTreeEncoder.tree(of: value).addingLandmark(of: value))
    }

    /// The JSON text of an encoded tree: a non-finite number becomes `null`
    /// and a `warnings` entry names where.
    static func render(tree: JSONValue) throws -> String {
        var tree = tree
        let (finite, paths) = tree.replacingNonFinite()
        if !paths.isEmpty {
            let shown = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? " and \(paths.count - 5) more" : "")
            tree = finite.addingWarning(
                "\(paths.count) value\(paths.count == 1 ? "" : "s") with no finite answer written as null: \(shown)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(tree)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
