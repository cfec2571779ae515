import Foundation

/// Compares an R-generated expected JSON value with survkit's output.
///
/// Every key of `expected` (except bookkeeping keys) must be present in
/// `actual`; numbers agree to `relative` error (with an absolute floor near
/// zero); `null` must be `null`; arrays must have equal length. Returns the
/// list of differences, each with its JSON path, so a failure says exactly
/// which number disagrees.
struct JSONComparison {
    var relative = 1e-6
    var absolute = 1e-9
    var ignoredKeys: Set<String> = ["case", "args", "formula", "data", "rmst_tau_rule"]

    func differences(expected: Any, actual: Any?, path: String = "$") -> [String] {
        switch expected {
        case let e as [String: Any]:
            guard let a = actual as? [String: Any] else { return ["\(path): expected an object"] }
            return e.keys.sorted().filter { !ignoredKeys.contains($0) }.flatMap { key -> [String] in
                guard let value = a[key] else { return ["\(path).\(key): missing in survkit output"] }
                return differences(expected: e[key] as Any, actual: value, path: "\(path).\(key)")
            }
        case let e as [Any]:
            guard let a = actual as? [Any] else { return ["\(path): expected an array"] }
            guard a.count == e.count else { return ["\(path): \(a.count) elements, expected \(e.count)"] }
            return zip(e, a).enumerated().flatMap { differences(expected: $1.0, actual: $1.1, path: "\(path)[\($0)]") }
        case is NSNull:
            return actual is NSNull ? [] : ["\(path): expected null, got \(String(describing: actual!))"]
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
