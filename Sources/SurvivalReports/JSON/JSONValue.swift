/// A JSON document as a tree: what `JSONTreeEncoder` builds from a result
/// value, and what `JSONReport` prints (through Foundation's `JSONEncoder`,
/// so number and string formatting are Foundation's).
enum JSONValue: Encodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let v):
            var c = encoder.singleValueContainer()
            try c.encode(v)
        case .int(let v):
            var c = encoder.singleValueContainer()
            try c.encode(v)
        case .double(let v):
            var c = encoder.singleValueContainer()
            try c.encode(v)
        case .string(let v):
            var c = encoder.singleValueContainer()
            try c.encode(v)
        case .array(let v):
            var c = encoder.singleValueContainer()
            try c.encode(v)
        case .object(let v):
            var c = encoder.singleValueContainer()
            try c.encode(v)
        }
    }
}
