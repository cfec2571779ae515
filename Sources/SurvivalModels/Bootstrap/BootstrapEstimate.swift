import SurvivalNumerics

/// A bootstrap summary of one statistic (Efron & Tibshirani 1993, §6.2 and
/// ch. 13): the estimate on the data, the bootstrap standard error, and the
/// normal and percentile limits from B replicates.
///
/// Replicates where the statistic is undefined (a median not reached, a
/// survival time beyond the replicate's follow-up, a Cox fit that failed or
/// did not converge) are left out and counted in `undefined`; the others,
/// `B − undefined` of them, give
///
/// * `stdErr`: their standard deviation, `√(Σ (θ*ᵦ − θ̄*)² / (B' − 1))` (R's
///   `sd`; `nil` with fewer than two);
/// * `normalLower`, `normalUpper`: `θ̂ ∓ z·se`, z the normal quantile at
///   `(1 + level)/2` (`nil` without an estimate or a standard error);
/// * `percentileLower`, `percentileUpper`: R's `quantile(θ*, c((1 − level)/2,
///   (1 + level)/2), type = 7)` (``SampleQuantile``; `nil` with no replicate).
public struct BootstrapEstimate: Sendable, Codable, Equatable {
    /// The statistic on the data; `nil` where it is undefined there.
    public var estimate: Double?
    /// Standard deviation of the defined replicates (n − 1 denominator).
    public var stdErr: Double?
    public var normalLower: Double?
    public var normalUpper: Double?
    public var percentileLower: Double?
    public var percentileUpper: Double?
    /// Replicates where the statistic was undefined (left out of the above).
    public var undefined: Int

    public init(
        estimate: Double?, stdErr: Double?, normalLower: Double?, normalUpper: Double?,
        percentileLower: Double?, percentileUpper: Double?, undefined: Int
    ) {
        self.estimate = estimate
        self.stdErr = stdErr
        self.normalLower = normalLower
        self.normalUpper = normalUpper
        self.percentileLower = percentileLower
        self.percentileUpper = percentileUpper
        self.undefined = undefined
    }

    /// The summary of `replicates` (`nil` or non-finite: undefined) around `estimate`.
    public init(estimate: Double?, replicates: [Double?], confLevel: Double) {
        let defined = replicates.compactMap { $0 }.filter(\.isFinite)
        let estimate = estimate.flatMap { $0.isFinite ? $0 : nil }
        var se: Double? = nil
        if defined.count >= 2 {
            let mean = defined.reduce(0, +) / Double(defined.count)
            let ss = defined.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            se = (ss / Double(defined.count - 1)).squareRoot()
        }
        let z = Normal.quantile(1 - (1 - confLevel) / 2)
        let sorted = defined.sorted()
        let alpha = (1 - confLevel) / 2
        self.init(
            estimate: estimate, stdErr: se,
            normalLower: estimate.flatMap { e in se.map { e - z * $0 } },
            normalUpper: estimate.flatMap { e in se.map { e + z * $0 } },
            percentileLower: sorted.isEmpty ? nil : SampleQuantile.type7(sorted: sorted, alpha),
            percentileUpper: sorted.isEmpty ? nil : SampleQuantile.type7(sorted: sorted, 1 - alpha),
            undefined: replicates.count - defined.count)
    }
}

/// Bootstrap summaries of a statistic at several points (the survival at
/// each `--times`), one array per field of ``BootstrapEstimate``.
public struct BootstrapEstimates: Sendable, Codable, Equatable {
    public var estimate: [Double?]
    public var stdErr: [Double?]
    public var normalLower: [Double?]
    public var normalUpper: [Double?]
    public var percentileLower: [Double?]
    public var percentileUpper: [Double?]
    public var undefined: [Int]

    public init(_ items: [BootstrapEstimate]) {
        estimate = items.map(\.estimate)
        stdErr = items.map(\.stdErr)
        normalLower = items.map(\.normalLower)
        normalUpper = items.map(\.normalUpper)
        percentileLower = items.map(\.percentileLower)
        percentileUpper = items.map(\.percentileUpper)
        undefined = items.map(\.undefined)
    }

    /// The summary at point k.
    public subscript(k: Int) -> BootstrapEstimate {
        BootstrapEstimate(
            estimate: estimate[k], stdErr: stdErr[k], normalLower: normalLower[k], normalUpper: normalUpper[k],
            percentileLower: percentileLower[k], percentileUpper: percentileUpper[k], undefined: undefined[k])
    }
}
