import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`): a
/// 64-bit state advanced by the golden-ratio increment and scrambled by two
/// xor-shift-multiply rounds. It is tiny, fast, passes BigCrush, and — what
/// matters here — its output depends on nothing but the seed, so a simulated
/// cohort is the same on every machine and every run.
///
/// The simulator gives each patient its own stream, seeded with
/// `S ⊕ i·0x9E3779B97F4A7C15` (see ``SarcomaSimulator``), so patient `i`
/// never depends on how many patients are drawn before or after it.
///
/// The variate methods below are implemented here (no Foundation or system
/// randomness) by inversion or Box–Muller; each consumes a fixed number of
/// 64-bit outputs, documented per method, so the position of every draw in a
/// patient's stream is fixed by the recipe's order alone.
public struct SplitMix64: Sendable, Equatable {
    /// The golden-ratio increment `⌊2⁶⁴/φ⌋`, also used to spread patient indices.
    public static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The current state; the next output is a scrambled `state + golden`.
    public private(set) var state: UInt64

    /// Creates a generator whose state is `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits (one step of Vigna's `splitmix64.c`).
    public mutating func next() -> UInt64 {
        state &+= SplitMix64.golden
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in the open interval (0, 1): the top 53 bits plus one
    /// half, times 2⁻⁵³. Never 0 or 1, so `log(u)` and `log(1 − u)` are finite.
    /// Consumes one output.
    public mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A uniform integer in `range` (by `⌊u·count⌋`; the bias is < 2⁻⁴⁰ for the
    /// small ranges used here). Consumes one output.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        let count = range.upperBound - range.lowerBound + 1
        let k = Int(uniform() * Double(count))
        return range.lowerBound + min(k, count - 1)
    }

    /// `true` with probability `p`. Consumes one output.
    public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// The index drawn from a discrete distribution with probabilities `p`
    /// (which should sum to 1; the last index takes any rounding remainder).
    /// Consumes one output.
    public mutating func categorical(_ p: [Double]) -> Int {
        let u = uniform()
        var cumulative = 0.0
        for (index, probability) in p.enumerated() {
            cumulative += probability
            if u < cumulative { return index }
        }
        return p.count - 1
    }

    /// A standard normal by Box–Muller, `√(−2 ln u₁)·cos(2π u₂)` (the sine
    /// partner is discarded so every call consumes exactly two outputs).
    public mutating func normal() -> Double {
        let u1 = uniform()
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A lognormal with the given median `exp(μ)` and log-scale SD `σ`:
    /// `median·exp(σ z)`. Consumes two outputs.
    public mutating func lognormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * normal())
    }

    /// An exponential with the given rate, by inversion `−ln u / rate`.
    /// Consumes one output.
    public mutating func exponential(rate: Double = 1) -> Double {
        -log(uniform()) / rate
    }

    /// A Weibull with survival `exp(−(t/scale)^shape)`, by inversion
    /// `scale·(−ln u)^{1/shape}`. Consumes one output.
    public mutating func weibull(shape: Double, scale: Double) -> Double {
        scale * pow(-log(uniform()), 1 / shape)
    }

    /// A gamma with integer `shape` and the given `scale`, as `scale` times the
    /// sum of `shape` unit exponentials (exact for integer shapes; mean
    /// `shape·scale`, variance `shape·scale²`). Consumes `shape` outputs.
    public mutating func gamma(integerShape shape: Int, scale: Double) -> Double {
        var sum = 0.0
        for _ in 0..<max(shape, 0) { sum += exponential() }
        return scale * sum
    }
}
