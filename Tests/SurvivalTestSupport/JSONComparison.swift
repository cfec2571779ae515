import Foundation

/// Compares an R-generated expected JSON value with survkit's output, both ways.
///
/// Every key of `expected` (except bookkeeping keys) must be present in
/// `actual`; numbers agree to `relative` error (with an absolute floor near
/// zero); `null` must be `null`; arrays must have equal length. With
/// `requireAllActualKeys`, every key of an `actual` object must also be in
/// the fixture (or in `ignoredKeys` / `unreferencedKeys`), so output the
/// fixture does not know about is reported rather than passing unchecked.
/// Returns the list of differences, each with its JSON path, so a failure
/// says exactly which number disagrees.
public struct JSONComparison {
    public var relative = 1e-6
    public var absolute = 1e-9
    /// Fixture bookkeeping, never compared.
    public var ignoredKeys: Set<String> = ["case", "args", "formula", "data", "rmst_tau_rule"]
    /// Output keys that have no R counterpart in the fixture (e.g. `warnings`,
    /// whose wording is ours); checked for presence only on the actual side.
    public var unreferencedKeys: Set<String> = []
    /// Whether output keys missing from the fixture are differences.
    public var requireAllActualKeys = false

    public init(
        relative: Double = 1e-6, absolute: Double = 1e-9, requireAllActualKeys: Bool = false,
        unreferencedKeys: Set<String> = []
    ) {
        self.relative = relative
        self.absolute = absolute
        self.requireAllActualKeys = requireAllActualKeys
        self.unreferencedKeys = unreferencedKeys
    }

    public func differences(expected: Any, actual: Any?, path: String = "$") -> [String] {
        switch expected {
        case let e as [String: Any]:
            guard let a = actual as? [String: Any] else { return ["\(path): expected an object"] }
            var out = e.keys.sorted().filter { !ignoredKeys.contains($0) }.flatMap { key -> [String] in
                guard let value = a[key] else { return ["\(path).\(key): missing in survkit output"] }
                return differences(expected: e[key] as Any, actual: value, path: "\(path).\(key)")
            }
            if requireAllActualKeys {
                for key in a.keys.sorted() where e[key] == nil && !ignoredKeys.contains(key) && !unreferencedKeys.contains(key) {
                    out.append("\(path).\(key): in survkit output but not in the fixture")
                }
            }
            return out
        case let e as [Any]:
            guard let a = actual as? [Any] else { return ["\(path): expected an array"] }
            guard a.count == e.count else { return ["\(path): \(a.count) elements, expected \(e.count)"] }
            return zip(e, a).enumerated().flatMap { differences(expected: $1.0, actual: $1.1, path: "\(path)[\($0)]") }
        case is NSNull:
            guard let actual else { return ["\(path): expected null, got nothing"] }
            return actual is NSNull ? [] : ["\(path): expected null, got \(actual)"]
        case let e as String:
            return (actual as? String) == e ? [] : ["\(path): expected \"\(e)\", got \(String(describing: actual))"]
        case let e as NSNumber:
            guard let a = actual as? NSNumber, !(actual is NSNull) else {
                return ["\(path): expected \(e), got \(String(describing: actual))"]
            }
            let x = e.doubleValue, y = a.doubleValue
            let tolerance = max(relative * Swift.abs(x), absolute)
            return Swift.abs(x - y) <= tolerance ? [] : ["\(path): expected \(x), got \(y)"]
        default:
            return ["\(path): unsupported expected value"]
        }
    }
}
