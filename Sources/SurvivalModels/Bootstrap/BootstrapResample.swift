/// Which rows a bootstrap replicate uses: the nonparametric bootstrap of
/// Efron & Tibshirani (1993, ch. 6), rows — or whole clusters — drawn with
/// replacement, as R's `boot(data, statistic, R)` draws `sample(n, n,
/// replace = TRUE)` row indices of the data frame.
///
/// The draws of replicate `b` come from ``BootstrapGenerator`` with
/// `(seed, b)` alone, so any replicate can be reproduced on its own (the
/// reference tests export the index sets and refit them in R).
public struct BootstrapResample: Sendable {
    /// Rows of each resampling unit: one row per unit, or a cluster's rows in row order.
    private let members: [[Int]]?
    private let count: Int

    /// Resampling the `rowCount` rows one by one.
    public init(rowCount: Int) {
        members = nil
        count = rowCount
    }

    /// Resampling whole clusters: `clusters[i]` is row i's cluster code in
    /// `0..<k`; a replicate draws k clusters with replacement, and each drawn
    /// cluster contributes all its rows, so a cluster drawn twice appears twice.
    public init(clusters: [Int]) {
        let k = (clusters.max() ?? -1) + 1
        var members = [[Int]](repeating: [], count: k)
        for (row, c) in clusters.enumerated() { members[c].append(row) }
        self.members = members
        count = k
    }

    /// The number of units drawn per replicate (rows, or clusters).
    public var units: Int { count }

    /// The rows (0-based, with repeats) of replicate `replicate`, in draw order.
    public func rows(seed: UInt64, replicate: Int) -> [Int] {
        let drawn = Self.indices(count: count, seed: seed, replicate: replicate)
        guard let members else { return drawn }
        return drawn.flatMap { members[$0] }
    }

    /// `count` uniform draws from `0..<count` (0-based, in draw order) for
    /// replicate `replicate` (0-based) under `seed`.
    public static func indices(count: Int, seed: UInt64, replicate: Int) -> [Int] {
        guard count > 0 else { return [] }
        var generator = BootstrapGenerator(seed: seed, replicate: replicate)
        return (0..<count).map { _ in generator.index(below: count) }
    }
}
