/// Byte-level checks of the input text before it is parsed: a fast scan for
/// the first byte that is not plain ASCII (or is NUL), and UTF-8 validation
/// from there on.
///
/// The scan reads 64 bytes at a time as four 16-byte vectors: their lane-wise
/// OR has a lane ≥ 0x80 when some byte is ≥ 0x80, and the OR of their
/// lane-wise comparisons with zero a set lane when some byte is NUL. Both are
/// checked once per 1 KB; a block that fails is searched byte by byte for the
/// exact first offset. Clean ASCII text — most cohort exports — is thus
/// checked at memory speed and needs no decoding at all.
enum ByteScan {
    /// A problem found in the bytes, at `offset`.
    enum Problem: Equatable {
        /// A NUL byte.
        case nul(offset: Int)
        /// An invalid UTF-8 sequence: its first `length` bytes (the lead byte and the
        /// continuation bytes that were valid) are shown.
        case invalidUTF8(offset: Int, length: Int)

        var offset: Int {
            switch self {
            case .nul(let offset), .invalidUTF8(let offset, _): return offset
            }
        }
    }

    /// The offset of the first byte ≥ 0x80 or = 0 at or after `from`; `nil` when there is none.
    static func firstNonASCIIOrNUL(_ p: UnsafePointer<UInt8>, count n: Int, from: Int = 0) -> Int? {
        var i = from
        let raw = UnsafeRawPointer(p)
        let block = 1024
        while i + block <= n {
            let zero = SIMD16<UInt8>(repeating: 0)
            var high = zero, nul = zero
            var k = i
            while k < i + block {
                let a = raw.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self)
                let b = raw.loadUnaligned(fromByteOffset: k + 16, as: SIMD16<UInt8>.self)
                let c = raw.loadUnaligned(fromByteOffset: k + 32, as: SIMD16<UInt8>.self)
                let d = raw.loadUnaligned(fromByteOffset: k + 48, as: SIMD16<UInt8>.self)
                high |= (a | b) | (c | d)
                let nulAB = unsafeBitCast(a .== zero, to: SIMD16<UInt8>.self) | unsafeBitCast(b .== zero, to: SIMD16<UInt8>.self)
                let nulCD = unsafeBitCast(c .== zero, to: SIMD16<UInt8>.self) | unsafeBitCast(d .== zero, to: SIMD16<UInt8>.self)
                nul |= nulAB | nulCD
                k += 64
            }
            if any(((high & SIMD16(repeating: 0x80)) | nul) .!= zero) { break }  // found in this block: located below
            i += block
        }
        while i < n {
            let c = p[i]
            if c == 0 || c >= 0x80 { return i }
            i += 1
        }
        return nil
    }

    /// One sweep over bytes `[start, end)` of `p` (of `n` bytes in all): the
    /// offset of the first byte ≥ 0x80 or = 0 (`nil` if none), the line breaks
    /// (LF, and CR not followed by LF — the byte after `end` is looked at
    /// for a CR at the end) and the `"` bytes.
    ///
    /// Sixteen bytes at a time: a lane-wise comparison with `\n` (and `"`)
    /// gives −1 in the matching lanes, subtracted into sixteen byte-sized
    /// counters that are added up every 255 vectors (before they can wrap);
    /// the vectors are also OR-ed together, and their comparisons with zero,
    /// so that a batch holding a special byte is searched for the first one
    /// (``firstNonASCIIOrNUL(_:count:from:)``). A vector holding a CR is
    /// counted byte by byte (a CR counts only when no LF follows it). About
    /// three times the speed of a word-at-a-time count.
    static func survey(_ p: UnsafePointer<UInt8>, count n: Int, from start: Int, to end: Int)
        -> (special: Int?, breaks: Int, quotes: Int)
    {
        var breaks = 0
        var quotes = 0
        var special: Int?
        @inline(__always) func countByte(_ i: Int) {
            let c = p[i]
            if c <= 0x22 {
                if c == 0x0A {
                    breaks += 1
                } else if c == 0x0D {
                    if i + 1 >= n || p[i + 1] != 0x0A { breaks += 1 }
                } else if c == 0x22 {
                    quotes += 1
                }
            }
        }
        let raw = UnsafeRawPointer(p)
        let lf = SIMD16<UInt8>(repeating: 0x0A), quote = SIMD16<UInt8>(repeating: 0x22)
        let cr = SIMD16<UInt8>(repeating: 0x0D), zero = SIMD16<UInt8>(repeating: 0)
        var i = start
        while i + 16 <= end {
            let vectors = Swift.min(255, (end - i) / 16)
            let batch = i
            var lfLanes = zero, quoteLanes = zero, high = zero, nul = zero
            for _ in 0..<vectors {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                high |= v
                nul |= unsafeBitCast(v .== zero, to: SIMD16<UInt8>.self)
                if any(v .== cr) {
                    for k in i..<(i + 16) { countByte(k) }
                } else {
                    lfLanes &-= unsafeBitCast(v .== lf, to: SIMD16<UInt8>.self)
                    quoteLanes &-= unsafeBitCast(v .== quote, to: SIMD16<UInt8>.self)
                }
                i += 16
            }
            for lane in 0..<16 {
                breaks += Int(lfLanes[lane])
                quotes += Int(quoteLanes[lane])
            }
            if special == nil && any(((high & SIMD16(repeating: 0x80)) | nul) .!= zero) {
                special = firstNonASCIIOrNUL(p, count: i, from: batch)
            }
        }
        while i < end {
            countByte(i)
            if special == nil && (p[i] == 0 || p[i] >= 0x80) { special = i }
            i += 1
        }
        return (special, breaks, quotes)
    }

    /// The first NUL byte or invalid UTF-8 sequence at or after `from`.
    static func firstUTF8Problem(_ p: UnsafePointer<UInt8>, count n: Int, from: Int = 0) -> Problem? {
        var i = from
        while true {
            guard let k = firstNonASCIIOrNUL(p, count: n, from: i) else { return nil }
            let lead = p[k]
            if lead == 0 { return .nul(offset: k) }
            // Well-formed sequences (Unicode 15, table 3-7): the allowed range of the
            // second byte depends on the lead; the others are 0x80–0xBF.
            let length: Int
            var low: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return .invalidUTF8(offset: k, length: 1)
            }
            for j in 1..<length {
                let c = k + j < n ? p[k + j] : 0
                let ok = j == 1 ? (c >= low && c <= highest) : (c >= 0x80 && c <= 0xBF)
                if k + j >= n || !ok { return .invalidUTF8(offset: k, length: j) }
            }
            i = k + length
        }
    }
}
