/// A PostgreSQL connection URL, `postgres://user[:password]@host[:port]/database`
/// (also `postgresql://`), as libpq writes it. The password may instead come
/// from the `PGPASSWORD` environment variable, as for `psql`.
///
/// `description` (and `redacted`) leave the password out, so the URL can be
/// printed, logged and written to JSON `input.database`.
public struct DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    /// Parses `text`; `environment` supplies `PGPASSWORD` when the URL has no password.
    /// Percent-escapes (`%40` for `@`) are decoded in the user, password and database.
    public init(_ text: String, environment: [String: String] = [:]) throws {
        func invalid(_ why: String) -> DatabaseError {
            DatabaseError(
                .invalidURL,
                "--db: \(why); expected postgres://user[:password]@host[:port]/database, e.g. postgres://postgres@127.0.0.1:5432/registry")
        }
        var rest = Substring(text)
        guard let scheme = ["postgres://", "postgresql://"].first(where: { rest.hasPrefix($0) }) else {
            throw invalid("the URL must start with postgres:// (got '\(Self.redact(text))')")
        }
        rest = rest.dropFirst(scheme.count)
        guard let at = rest.lastIndex(of: "@") else { throw invalid("no user@ before the host") }
        let userInfo = rest[..<at]
        rest = rest[rest.index(after: at)...]
        if let q = rest.firstIndex(of: "?") { rest = rest[..<q] }
        guard let slash = rest.firstIndex(of: "/") else { throw invalid("no /database after the host") }
        let hostPort = rest[..<slash]
        let db = rest[rest.index(after: slash)...]
        let userPart: Substring
        if let colon = userInfo.firstIndex(of: ":") {
            userPart = userInfo[..<colon]
            password = Self.percentDecoded(userInfo[userInfo.index(after: colon)...])
        } else {
            userPart = userInfo
            password = nil
        }
        guard let u = Self.percentDecoded(userPart), !u.isEmpty else { throw invalid("the user name is empty") }
        user = u
        if hostPort.hasPrefix("[") {
            // [::1]:5432
            guard let close = hostPort.firstIndex(of: "]") else { throw invalid("unclosed [ in the host") }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.isEmpty {
                port = 5432
            } else {
                guard after.hasPrefix(":"), let p = Int(after.dropFirst()), (1...65535).contains(p) else {
                    throw invalid("the port must be a number from 1 to 65535")
                }
                port = p
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            guard let p = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(p) else {
                throw invalid("the port must be a number from 1 to 65535")
            }
            port = p
        } else {
            host = String(hostPort)
            port = 5432
        }
        guard !host.isEmpty else { throw invalid("the host is empty") }
        guard let d = Self.percentDecoded(db), !d.isEmpty else { throw invalid("the database name is empty") }
        database = d
        if password == nil, let p = environment["PGPASSWORD"], !p.isEmpty { password = p }
    }

    /// The URL without the password: `postgres://user@host:port/database`.
    public var redacted: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(Self.percentEncoded(user))@\(h):\(port)/\(Self.percentEncoded(database))"
    }

    public var description: String { redacted }

    /// `text` with anything between `://user:` and `@` replaced by `***`, for messages about a URL that did not parse.
    public static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text.lastIndex(of: "@"), scheme.upperBound < at else { return text }
        let userInfo = text[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    static func percentDecoded(_ s: Substring) -> String? {
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%") {
                guard it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(v)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) { out.append(c) } else { out += String(format2: b) }
        }
        return out
    }
}

extension String {
    /// `%XX` for a byte.
    fileprivate init(format2 b: UInt8) {
        let hex = Array("0123456789ABCDEF")
        self = "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
    }
}
