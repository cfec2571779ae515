/// Where a byte offset of the input lies, for messages about a byte (a NUL,
/// an invalid UTF-8 sequence): the physical line, the field's position in its
/// record and the column's header name, and the field's bytes.
///
/// Only used to report an error, so it simply re-tokenizes from the start.
struct CSVLocator {
    let base: UnsafePointer<UInt8>
    let count: Int
    let delimiter: UInt8
    /// Offset after a byte order mark.
    let start: Int

    struct Location {
        var line: Int
        /// The header name; `nil` when the offset is in the header itself.
        var column: String?
        /// 1-based field position; `nil` when the quotes before the offset are malformed.
        var position: Int?
        /// The field's bytes (inside quotes, not unescaped).
        var field: [UInt8]
    }

    func locate(_ offset: Int) -> Location {
        var line = 1
        var k = 0
        while k < offset && k < count {
            let c = base[k]
            if c == 0x0A || (c == 0x0D && (k + 1 >= count || base[k + 1] != 0x0A)) { line += 1 }
            k += 1
        }
        var location = Location(line: line, column: nil, position: nil, field: [])
        var tok = CSVTokenizer(base, count: count, delimiter: delimiter, start: start)
        var field = CSVField()
        var names: [String] = []
        var isHeader = true
        while !tok.atEnd {
            if tok.skipBlankLine() { continue }
            var position = 0
            repeat {
                let fieldStart = tok.pos
                do { try tok.next(&field) } catch { return location }
                position += 1
                if isHeader { names.append(String(decoding: bytes(field.start, field.end), as: UTF8.self)) }
                if offset >= fieldStart && offset < tok.pos {
                    location.position = position
                    location.column = !isHeader && position <= names.count
                        ? CSVParse.trimBlanks(names[position - 1]) : nil
                    location.field = bytes(field.start, field.end)
                    return location
                }
            } while !field.endsRecord
            isHeader = false
        }
        return location
    }

    private func bytes(_ s: Int, _ e: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: base + s, count: max(0, e - s)))
    }
}
