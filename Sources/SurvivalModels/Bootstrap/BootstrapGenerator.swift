/// The random-number generator of the bootstrap: xoshiro256** (Blackman &
/// Vigna 2018, "Scrambled linear pseudorandom number generators"; Vigna's
/// reference `xoshiro256starstar.c`), one independent stream per replicate.
///
/// The stream of replicate `b` under seed `S` is fixed by `(S, b)` alone:
/// the four state words are the first four outputs of SplitMix64 (Steele,
/// Lea & Flood 2014; Vigna's `splitmix64.c`) started at
///
///     state₀ = mix64(S) ⊕ mix64(b ⊕ 0x6A09E667F3BCC909),
///
/// where `mix64` is SplitMix64's output function (a bijection of 64-bit
/// words). So replicate `b` draws the same rows whatever the number of
/// threads, the order in which replicates run, or how many there are — the
/// first 100 replicates of `--bootstrap 1000` are those of `--bootstrap 100`.
///
/// Uniform integers in `0..<n` use Lemire's multiply-and-reject method
/// (Lemire 2019, "Fast random integer generation in an interval"), which is
/// exactly uniform; each draw consumes one or (rarely) more 64-bit outputs.
public struct BootstrapGenerator: Sendable, Equatable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The generator of replicate `replicate` (0-based) under `seed`.
    public init(seed: UInt64, replicate: Int) {
        var x = Self.mix64(seed) ^ Self.mix64(UInt64(truncatingIfNeeded: replicate) ^ 0x6A09_E667_F3BC_C909)
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            return Self.mix64Raw(x)
        }
        s0 = splitmix()
        s1 = splitmix()
        s2 = splitmix()
        s3 = splitmix()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // the all-zero state is the one fixed point
    }

    /// SplitMix64's output function applied to `z + golden` (one SplitMix64 step from `z`).
    static func mix64(_ z: UInt64) -> UInt64 { mix64Raw(z &+ 0x9E37_79B9_7F4A_7C15) }

    /// The two xor-shift-multiply rounds of SplitMix64.
    static func mix64Raw(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits (one step of `xoshiro256starstar.c`).
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform integer in `0..<n` (`n ≥ 1`), Lemire's method: the high word
    /// of `x·n`, rejecting the `2⁶⁴ mod n` low words that would bias it.
    public mutating func index(below n: Int) -> Int {
        precondition(n >= 1)
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }
}
