/// Maps byte strings to dense codes `0, 1, 2, ...` in order of first
/// appearance, without allocating per lookup: the distinct strings live in
/// one byte arena and an open-addressing table (linear probing, FNV-1a hash,
/// grown at 50% load) stores their codes.
struct ByteInterner {
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    private var table: [Int32] = Array(repeating: -1, count: 64)

    var count: Int { offsets.count - 1 }

    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<end {
            h = (h ^ UInt64(p[k])) &* 0x100_0000_01b3
        }
        return h
    }

    /// The code of bytes `[start, end)` of `p`, adding it if new.
    mutating func intern(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        let h = Self.hash(p, start, end)
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        let length = end - start
        while true {
            let code = table[slot]
            if code < 0 { break }
            let c = Int(code)
            if hashes[c] == h && offsets[c + 1] - offsets[c] == length {
                var equal = true
                let o = offsets[c]
                for k in 0..<length where arena[o + k] != p[start + k] {
                    equal = false
                    break
                }
                if equal { return code }
            }
            slot = (slot + 1) & mask
        }
        let code = Int32(count)
        arena.append(contentsOf: UnsafeBufferPointer(start: p + start, count: length))
        offsets.append(arena.count)
        hashes.append(h)
        table[slot] = code
        if count * 2 > table.count { grow() }
        return code
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: table.count * 2)
        let mask = bigger.count - 1
        for c in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[c]) & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(c)
        }
        table = bigger
    }

    /// The distinct strings, by code.
    func strings() -> [String] {
        (0..<count).map { c in String(decoding: arena[offsets[c]..<offsets[c + 1]], as: UTF8.self) }
    }
}
