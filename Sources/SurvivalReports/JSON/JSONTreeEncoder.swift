/// The one way survkit turns a result value into JSON: an `Encoder` that
/// builds a `JSONValue` tree from any `Encodable` value with these rules.
///
/// - **Keys are snake_case**: a property `nDroppedMissing` is the key
///   `n_dropped_missing` (`robustSE` → `robust_se`). A type keeps a
///   `CodingKeys` enum only for a key that is not its property's snake_case
///   name (the report's `description`, `mcf`). Keys of dictionaries (group
///   labels, causes, dropped-row reasons) are data and stay as they are.
/// - **`nil` is `null`**: a missing value is written as an explicit `null`,
///   never left out, except for the keys a `JSONShaped` type lists as
///   present only when asked for.
/// - **`analysis` tags**: a `JSONShaped` value with a `jsonAnalysis` gets the
///   key `"analysis"`, at the top level and in nested sections alike.
///
/// The synthesized `Encodable` conformances of the result types call
/// `encodeIfPresent` for optionals; the keyed container here overrides it
/// to write `null`, which is how a single rule replaces hand-written encoders.
final class JSONTreeEncoder: Encoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What `encode(to:)` has written so far.
    fileprivate var storage: JSONNode?
    /// The keys of the value being encoded that are left out when `nil`.
    fileprivate let omittedWhenAbsent: Set<String>
    /// The keys of the value being encoded that are not written at all.
    fileprivate let notWritten: Set<String>

    init(codingPath: [any CodingKey] = [], omittedWhenAbsent: Set<String> = [], notWritten: Set<String> = []) {
        self.codingPath = codingPath
        self.omittedWhenAbsent = omittedWhenAbsent
        self.notWritten = notWritten
    }

    /// The tree of `value`.
    static func tree<T: Encodable>(of value: T) throws -> JSONValue {
        try node(of: value, codingPath: []).value
    }

    /// The node of one value: fast paths for the numbers and arrays that make
    /// up most of a result, dictionaries with their keys as they are, and
    /// everything else through its own `encode(to:)`.
    fileprivate static func node<T: Encodable>(of value: T, codingPath: [any CodingKey]) throws -> JSONNode {
        switch value {
        case let v as Double: return .value(.double(v))
        case let v as Int: return .value(.int(v))
        case let v as String: return .value(.string(v))
        case let v as Bool: return .value(.bool(v))
        case let v as [Double]: return .value(.array(v.map { .double($0) }))
        case let v as [Int]: return .value(.array(v.map { .int($0) }))
        case let v as [String]: return .value(.array(v.map { .string($0) }))
        case let v as [Double?]: return .value(.array(v.map { $0.map { .double($0) } ?? .null }))
        case let v as [[Double]]: return .value(.array(v.map { .array($0.map { .double($0) }) }))
        default: break
        }
        if let dictionary = value as? any StringKeyedDictionary {
            return .value(.object(try dictionary.jsonEntries(codingPath: codingPath)))
        }
        let shaped = value as? any JSONShaped
        let shape = shaped.map { type(of: $0) }
        let encoder = JSONTreeEncoder(
            codingPath: codingPath, omittedWhenAbsent: shape?.keysOmittedWhenAbsent ?? [],
            notWritten: shape?.keysNotWritten ?? [])
        try value.encode(to: encoder)
        var node = encoder.storage ?? .object(JSONObjectBox())
        if let tag = shaped?.jsonAnalysis {
            if case .object(let box) = node { box.entries["analysis"] = .value(.string(tag)) }
            else { node = .value(.object(["analysis": .string(tag)])) }
        }
        return node
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // A second request for a keyed container (a type encoding another's
        // fields and then its own) adds to the same object, as JSONEncoder does.
        let box: JSONObjectBox
        if case .object(let existing)? = storage {
            box = existing
        } else {
            box = JSONObjectBox()
            storage = .object(box)
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(box: box, encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = JSONArrayBox()
        storage = .array(box)
        return JSONUnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }

    /// `nDroppedMissing` → `n_dropped_missing`, `robustSE` → `robust_se`,
    /// `hrLower` → `hr_lower`: an underscore before an upper-case letter that
    /// follows a lower-case letter or digit, or that starts a word after an
    /// acronym; then everything lower-case. Keys already in snake_case are unchanged.
    static func snakeCase(_ key: String) -> String {
        let chars = Array(key)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = chars[i - 1]
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && (next?.isLowercase ?? false)) {
                    out.append("_")
                }
            }
            out += c.lowercased()
        }
        return out
    }
}

/// A node of the tree while it is built: containers are reference boxes so
/// nested containers can be filled after they are handed out.
fileprivate enum JSONNode {
    case value(JSONValue)
    case object(JSONObjectBox)
    case array(JSONArrayBox)

    var value: JSONValue {
        switch self {
        case .value(let v): return v
        case .object(let box): return .object(box.entries.mapValues(\.value))
        case .array(let box): return .array(box.elements.map(\.value))
        }
    }
}

fileprivate final class JSONObjectBox {
    var entries: [String: JSONNode] = [:]
}

fileprivate final class JSONArrayBox {
    var elements: [JSONNode] = []
}

/// A `[String: V]` dictionary, whose keys are data (labels), not property names.
fileprivate protocol StringKeyedDictionary {
    func jsonEntries(codingPath: [any CodingKey]) throws -> [String: JSONValue]
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
    fileprivate func jsonEntries(codingPath: [any CodingKey]) throws -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for (key, value) in self { out[key] = try JSONTreeEncoder.node(of: value, codingPath: codingPath).value }
        return out
    }
}

fileprivate struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func name(_ key: Key) -> String { JSONTreeEncoder.snakeCase(key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws {
        let k = name(key)
        if !encoder.notWritten.contains(k) { box.entries[k] = .value(.null) }
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let k = name(key)
        guard !encoder.notWritten.contains(k) else { return }
        box.entries[k] = try JSONTreeEncoder.node(of: value, codingPath: codingPath + [key])
    }

    /// `nil` is `null` unless the key is present only when asked for.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key); return }
        let k = name(key)
        if !encoder.omittedWhenAbsent.contains(k) && !encoder.notWritten.contains(k) { box.entries[k] = .value(.null) }
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value, key) }

    private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
        try encodeIfPresent(value as T?, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = JSONTreeEncoder(codingPath: codingPath + [key])
        let container = nested.container(keyedBy: keyType)
        if let storage = nested.storage { box.entries[name(key)] = storage }
        return container
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let array = JSONArrayBox()
        box.entries[name(key)] = .array(array)
        return JSONUnkeyedContainer(box: array, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
}

fileprivate struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.elements.count }

    mutating func encodeNil() throws { box.elements.append(.value(.null)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.elements.append(try JSONTreeEncoder.node(of: value, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = JSONTreeEncoder(codingPath: codingPath)
        let container = nested.container(keyedBy: keyType)
        if let storage = nested.storage { box.elements.append(storage) }
        return container
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let array = JSONArrayBox()
        box.elements.append(.array(array))
        return JSONUnkeyedContainer(box: array, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { JSONTreeEncoder(codingPath: codingPath) }
}

fileprivate struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.storage = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.storage = try JSONTreeEncoder.node(of: value, codingPath: codingPath)
    }
}
