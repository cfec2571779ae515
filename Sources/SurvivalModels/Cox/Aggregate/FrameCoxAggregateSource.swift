import Foundation
import CohortData
import SurvivalNumerics

/// Rows held in memory (a right-censored ``ModelFrame``) as a
/// ``CoxAggregateSource``: what a site that has its rows computes for a
/// federated fit, and the reference the database sources are tested against.
public struct FrameCoxAggregateSource: CoxAggregateSource {
    let design: Matrix
    let time: [Double]
    let status: [Int32]
    let strata: [Int]?
    let counts: [Double]

    /// - Parameters:
    ///   - frame: right-censored, no offset; its case weights, if any, must be
    ///     whole numbers and are taken as counts.
    ///   - counts: subjects each row stands for (overrides the frame's weights).
    public init(frame: ModelFrame, counts: [Double]? = nil) throws(CoxAggregateSourceError) {
        guard frame.response.start == nil, frame.response.intervalUpper == nil else {
            throw .unsupported("(start, stop] or interval-censored responses")
        }
        guard frame.offset == nil else { throw .unsupported("offsets") }
        let c = counts ?? frame.weights ?? [Double](repeating: 1, count: frame.count)
        guard c.count == frame.count else { throw .unsupported("a count vector of another length") }
        if let bad = c.firstIndex(where: { v in !(v >= 0) || v != v.rounded(.down) }) {
            throw .fractionalCount(row: frame.rowIndex[bad], value: c[bad])
        }
        self.design = frame.design
        self.time = frame.response.stop
        self.status = frame.response.status
        self.strata = frame.strata?.codes.map { Int($0) }
        self.counts = c
    }

    public var columnCount: Int { design.columns }

    public func moments(noScaleValues: Set<Double>) throws -> CoxAggregateMoments {
        let n = design.rows, p = design.columns
        var m = CoxAggregateMoments(
            subjects: counts.reduce(0, +), events: 0, sums: .init(repeating: 0, count: p),
            noScale: .init(repeating: true, count: p))
        for i in 0..<n where status[i] == 1 { m.events += counts[i] }
        for j in 0..<p {
            for i in 0..<n {
                let x = design[i, j]
                m.sums[j] += counts[i] * x
                if !noScaleValues.contains(x) { m.noScale[j] = false }
            }
        }
        return m
    }

    public func absoluteDeviations(from means: [Double]) throws -> [Double] {
        (0..<design.columns).map { j in
            (0..<design.rows).reduce(0.0) { $0 + counts[$1] * abs(design[$1, j] - means[j]) }
        }
    }

    public func timeSums(beta: [Double], means: [Double]) throws -> [CoxTimeSums] {
        let n = design.rows, p = design.columns
        var cells: [CoxTimeSums] = []
        var at: [Key: Int] = [:]
        var x = [Double](repeating: 0, count: p)
        for i in 0..<n where counts[i] > 0 {
            var eta = 0.0
            for j in 0..<p {
                x[j] = design[i, j] - means[j]
                eta += beta[j] * x[j]
            }
            let c = counts[i], r = c * exp(eta), dead = status[i] == 1
            let key = Key(stratum: strata?[i] ?? 0, time: time[i])
            let k: Int
            if let found = at[key] {
                k = found
            } else {
                k = cells.count
                at[key] = k
                cells.append(CoxTimeSums(stratum: key.stratum, time: key.time, columns: p))
            }
            cells[k].risk += r
            if dead {
                cells[k].deaths += c
                cells[k].deathRisk += r
            }
            for j in 0..<p {
                cells[k].riskX[j] += r * x[j]
                if dead {
                    cells[k].deathX[j] += c * x[j]
                    cells[k].deathRiskX[j] += r * x[j]
                }
                for l in 0...j {
                    let m = CoxTimeSums.packedIndex(j, l)
                    cells[k].riskXX[m] += r * x[j] * x[l]
                    if dead { cells[k].deathRiskXX[m] += r * x[j] * x[l] }
                }
            }
        }
        return cells
    }

    private struct Key: Hashable {
        var stratum: Int
        var time: Double
    }
}

/// Why rows cannot be turned into aggregate sums.
public enum CoxAggregateSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data have a feature fits from aggregates do not cover.
    case unsupported(String)
    /// A count that is negative or not a whole number (row of the data, 0-based).
    case fractionalCount(row: Int, value: Double)

    public var description: String {
        switch self {
        case .unsupported(let what):
            return "Cox fits from aggregate sums do not support \(what)."
        case .fractionalCount(let row, let value):
            return "row \(row + 1): count \(value) is not a non-negative whole number."
        }
    }
}
