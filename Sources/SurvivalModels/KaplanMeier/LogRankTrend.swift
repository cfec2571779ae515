import SurvivalNumerics

/// The log-rank (or G-rho) test for trend across ordered groups (Peto &
/// Peto 1972; Collett, *Modelling Survival Data*, §2.6.4): with scores
/// s₁ … s_k for the k groups and survdiff's observed O, expected E and
/// variance matrix V of O − E (all summed over strata, and weighted by
/// S(t−)^rho for rho > 0),
///
///     statistic = (sᵀ(O − E))² / (sᵀ V s)   on 1 df.
///
/// The statistic is unchanged by shifting or scaling the scores (V s sums to
/// zero over the groups). It asks whether the log hazard ratios change
/// linearly in the score, so with k groups it spends one degree of freedom
/// where the k − 1-df test spends k − 1.
public struct LogRankTrend: Sendable, Codable, Equatable {
    /// The score of each group, in group order.
    public var scores: [Double]
    /// The chi-square statistic; `nil` when sᵀVs is 0 (all scores equal, or no events).
    public var statistic: Double?
    /// Degrees of freedom, always 1.
    public var df: Int
    /// Upper-tail chi-square p-value on 1 df; `nil` with the statistic.
    public var p: Double?

    public init(scores: [Double], statistic: Double?, df: Int = 1, p: Double?) {
        self.scores = scores
        self.statistic = statistic
        self.df = df
        self.p = p
    }

    /// The default scores of the levels: their values when every level is a
    /// number (`"1"`, `"2.5"`), else 1 … k in the order given (the groups'
    /// order: R's sorted levels, the `--reference` level first).
    public static func defaultScores(levels: [String]) -> [Double] {
        let values = levels.map { Double($0.trimmingCharacters(in: .whitespaces)) }
        if values.allSatisfy({ $0?.isFinite == true }) { return values.map { $0 ?? 0 } }
        return levels.indices.map { Double($0 + 1) }
    }

    /// The levels of a single grouping variable from its group labels
    /// (`"stage=1"`, `"stage=2"` → `"1"`, `"2"`): what follows `name=` for
    /// the first of `names` that every label starts with (the variable's
    /// term label, then its column name: `factor(x)` groups are labelled
    /// `x=LEVEL`), else what follows the labels' shared prefix up to its
    /// last `=`. `nil` when the labels share no such prefix.
    public static func levels(ofLabels labels: [String], names: [String] = []) -> [String]? {
        for name in names where labels.allSatisfy({ $0.hasPrefix(name + "=") }) {
            return labels.map { String($0.dropFirst(name.count + 1)) }
        }
        guard var prefix = labels.first else { return nil }
        for label in labels.dropFirst() {
            while !label.hasPrefix(prefix) { prefix.removeLast() }
        }
        guard let eq = prefix.lastIndex(of: "=") else { return nil }
        let cut = prefix.distance(from: prefix.startIndex, to: eq) + 1
        return labels.map { String($0.dropFirst(cut)) }
    }
}

extension LogRankResult {
    /// The test for trend with `scores` (one per group, in group order) from
    /// this result's observed, expected and variance (see ``LogRankTrend``).
    ///
    /// - Throws: `ModelError` when the number of scores differs from the number of groups.
    public func trend(scores: [Double]) throws(ModelError) -> LogRankTrend {
        let k = groups.count
        guard scores.count == k else {
            throw ModelError(
                "The test for trend needs one score per group: \(k) groups (\(groups.map(\.label).joined(separator: ", "))), "
                    + "\(scores.count) scores given.")
        }
        guard scores.allSatisfy(\.isFinite) else { throw ModelError("The trend scores must be finite numbers.") }
        var u = 0.0
        for (g, s) in zip(groups, scores) { u += s * (g.observed - g.expected) }
        var v = 0.0
        for a in 0..<k { for b in 0..<k { v += scores[a] * variance[a][b] * scores[b] } }
        // sᵀVs is 0 in exact arithmetic for constant scores; rounding leaves
        // a residue of the size of V's entries times machine epsilon.
        let scale = variance.indices.reduce(0) { $0 + abs(variance[$1][$1]) } * scores.reduce(0) { max($0, $1 * $1) }
        guard v > 1e-12 * scale, v > 0 else { return LogRankTrend(scores: scores, statistic: nil, p: nil) }
        let statistic = u * u / v
        return LogRankTrend(scores: scores, statistic: statistic, p: ChiSquared.upperTail(statistic, df: 1))
    }
}
