/// Latin-1 and Windows-1252 bytes → UTF-8, for `--encoding` (see `TextEncoding`).
///
/// ASCII bytes are copied; every other byte becomes the two-byte (or, for the
/// Windows-1252 characters above U+07FF such as `€`, three-byte) UTF-8 form
/// of its code point. Line breaks, quotes and delimiters are ASCII, so lines
/// and fields stay where they were.
enum Transcoding {
    /// Windows-1252 0x80–0x9F as code points (unassigned bytes map to themselves).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The UTF-8 text of `[0, count)`, whose first non-ASCII byte is at `from`.
    /// Returns `nil` (and the offset of the NUL) when there is a NUL byte.
    static func toUTF8(
        _ p: UnsafePointer<UInt8>, count n: Int, from: Int, encoding: TextEncoding
    ) -> (bytes: [UInt8], nulOffset: Int?) {
        var out: [UInt8] = []
        out.reserveCapacity(n + n / 8 + 16)
        out.append(contentsOf: UnsafeBufferPointer(start: p, count: from))
        let table = windows1252High
        var i = from
        while i < n {
            let c = p[i]
            if c < 0x80 {
                if c == 0 { return ([], i) }
                out.append(c)
                i += 1
                continue
            }
            let scalar: UInt32 = encoding == .windows1252 && c < 0xA0 ? table[Int(c) - 0x80] : UInt32(c)
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
            i += 1
        }
        return (out, nil)
    }
}
