import CohortData
import Foundation
import SurvivalModels
import Testing

/// A library result laid out under a fixture's keys: each reference suite
/// maps its result struct field by field (`"n_risk": curve.nRisk`,
/// `"std_err": curve.stdErr`), and ``differences(fromFixture:)`` walks the
/// fixture against that mapping.
///
/// The walk is driven by the fixture: every key it has (except the top-level
/// bookkeeping keys) must have a mapped value, so an expected key nobody
/// mapped is reported as a difference rather than skipped. Numbers agree to
/// 1e-6 relative with a 1e-9 absolute floor; `nil` must meet `null`.
indirect enum FixtureValue {
    case number(Double)
    case text(String)
    case flag(Bool)
    /// `nil` in the library, `null` in the fixture.
    case null
    case list([FixtureValue])
    /// A struct's properties under their fixture (snake_case) keys. Every
    /// fixture key must be here; entries the fixture lacks are allowed (keys the
    /// fixtures carry only sometimes: `summary_at` with `--times`, `n_strata`
    /// for stratified tests).
    case fields([String: FixtureValue])
    /// A dictionary whose keys are data (causes, dropped-row reasons): the key
    /// sets must agree both ways.
    case keyed([String: FixtureValue])

    static let relative = 1e-6
    static let absolute = 1e-9
    /// Fixture bookkeeping at the top level, never compared.
    static let bookkeepingKeys: Set<String> = ["case", "args", "formula", "data", "rmst_tau_rule", "r_note"]

    /// A struct mapped key by key.
    static func record(_ entries: [String: any FixtureValueConvertible]) -> FixtureValue {
        .fields(entries.mapValues(\.fixtureValue))
    }

    /// The differences between the fixture and this mapping, each with its JSON path.
    func differences(fromFixture fixture: [String: Any]) -> [String] {
        differences(expected: fixture, path: "$")
    }

    private func differences(expected: Any, path: String) -> [String] {
        switch expected {
        case let e as [String: Any]:
            switch self {
            case .fields(let mapped):
                let skipped = path == "$" ? Self.bookkeepingKeys : []
                return e.keys.filter { !skipped.contains($0) }.sorted().flatMap { key -> [String] in
                    guard let value = mapped[key] else { return ["\(path).\(key): no library value mapped to this fixture key"] }
                    return value.differences(expected: e[key] as Any, path: "\(path).\(key)")
                }
            case .keyed(let mapped):
                let missing = Set(e.keys).subtracting(mapped.keys).sorted().map { "\(path).\($0): missing in the library result" }
                let extra = Set(mapped.keys).subtracting(e.keys).sorted().map { "\(path).\($0): in the library result, not in the fixture" }
                let common = e.keys.filter { mapped[$0] != nil }.sorted()
                return missing + extra + common.flatMap { mapped[$0]!.differences(expected: e[$0] as Any, path: "\(path).\($0)") }
            default:
                return ["\(path): expected an object, the library has \(self)"]
            }
        case let e as [Any]:
            guard case .list(let items) = self else { return ["\(path): expected an array, the library has \(self)"] }
            guard items.count == e.count else { return ["\(path): \(items.count) elements in the library, \(e.count) expected"] }
            return zip(e, items).enumerated().flatMap { i, pair in pair.1.differences(expected: pair.0, path: "\(path)[\(i)]") }
        case is NSNull:
            if case .null = self { return [] }
            return ["\(path): expected null, the library has \(self)"]
        case let e as String:
            if case .text(e) = self { return [] }
            return ["\(path): expected \"\(e)\", the library has \(self)"]
        default:
            if case .flag(let b) = self {
                let e = (expected as? Bool) ?? (expected as? NSNumber)?.boolValue
                return e == b ? [] : ["\(path): expected \(e.map { "\($0)" } ?? "\(expected)"), the library has \(b)"]
            }
            guard let x = Self.number(expected) else { return ["\(path): unsupported fixture value \(expected)"] }
            guard case .number(let y) = self else { return ["\(path): expected \(x), the library has \(self)"] }
            let tolerance = max(Self.relative * abs(x), Self.absolute)
            return abs(x - y) <= tolerance ? [] : ["\(path): expected \(x), the library has \(y)"]
        }
    }

    private static func number(_ value: Any) -> Double? {
        if let v = value as? Double { return v }
        if let v = value as? Int { return Double(v) }
        return (value as? NSNumber)?.doubleValue
    }
}

/// A library value that can stand under a fixture key.
protocol FixtureValueConvertible {
    var fixtureValue: FixtureValue { get }
}

extension FixtureValue: FixtureValueConvertible {
    var fixtureValue: FixtureValue { self }
}

extension Double: FixtureValueConvertible {
    var fixtureValue: FixtureValue { .number(self) }
}

extension Int: FixtureValueConvertible {
    var fixtureValue: FixtureValue { .number(Double(self)) }
}

extension String: FixtureValueConvertible {
    var fixtureValue: FixtureValue { .text(self) }
}

extension Bool: FixtureValueConvertible {
    var fixtureValue: FixtureValue { .flag(self) }
}

extension Optional: FixtureValueConvertible where Wrapped: FixtureValueConvertible {
    var fixtureValue: FixtureValue { map(\.fixtureValue) ?? .null }
}

extension Array: FixtureValueConvertible where Element: FixtureValueConvertible {
    var fixtureValue: FixtureValue { .list(map(\.fixtureValue)) }
}

extension Dictionary: FixtureValueConvertible where Key == String, Value: FixtureValueConvertible {
    var fixtureValue: FixtureValue { .keyed(mapValues(\.fixtureValue)) }
}

// MARK: - Parts shared by several results

extension RowAccounting: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["read": read, "used": used, "dropped": dropped, "subjects": subjects])
    }
}

extension CoxTest: FixtureValueConvertible {
    var fixtureValue: FixtureValue {
        .record(["statistic": statistic, "df": df, "p": p])
    }
}

/// Runs the fixture's mapping check and reports every difference with its path.
func expectMatchesFixture(_ mapped: FixtureValue, _ command: FixtureCommand) {
    let diffs = mapped.differences(fromFixture: command.fixture)
    #expect(diffs.isEmpty, "\(command.kind)/\(command.caseName): \(diffs.count) differences\n\(diffs.prefix(15).joined(separator: "\n"))")
}
