import CohortData
import PropertyBased
import SurvivalModels
import SurvivalNumerics

/// Reversed and a fixed shuffle (the same for every run) of `0..<n`.
func alternativeOrders(_ n: Int) -> [(name: String, order: [Int])] {
    var rng = Xoshiro(seed: (0x5EED, 0xC0FFEE, 42, 7))
    return [
        ("reversed", Array((0..<n).reversed())),
        ("shuffled", Array(0..<n).shuffled(using: &rng)),
    ]
}

/// The orders a row-order property compares with the generated one:
/// reversed, a fixed shuffle, and descending time with censorings before
/// events among tied times (R's sorted order puts events first; the opposite
/// order exercises the tie handling).
func alternativeOrders(_ c: Cohort) -> [(name: String, order: [Int])] {
    let byTime = c.subjects.indices.sorted {
        let a = c.subjects[$0], b = c.subjects[$1]
        return a.time != b.time ? a.time > b.time : a.status < b.status
    }
    return alternativeOrders(c.count) + [("descending time, censored first", byTime)]
}

/// A Cox fit whose estimates can be compared: a `CoxError`, a warning
/// (non-convergence, "may be infinite", aliased columns) or a missing
/// coefficient makes the case a `Skip`.
struct CoxSummary {
    var coef: [Double]
    var se: [Double]
    var loglik: Double
    var loglikInitial: Double

    init(_ frame: ModelFrame, ties: CoxTies) throws {
        let fit: CoxFit
        do {
            fit = try CoxModel.fit(frame, options: CoxOptions(ties: ties))
        } catch {
            throw Skip("CoxError: \(error)")
        }
        if let w = fit.warnings.first {
            // Keep the category, not the variable numbers, so skips aggregate.
            throw Skip("Cox warning: \(String(w.filter { !$0.isNumber }.prefix(while: { $0 != ":" && $0 != "," })))")
        }
        guard fit.coefficients.allSatisfy({ $0 != nil }) else { throw Skip("aliased coefficient") }
        coef = fit.coefficients.map { $0! }
        let v = fit.variance
        se = (0..<coef.count).map { v[$0, $0].squareRoot() }
        loglik = fit.loglik.final
        loglikInitial = fit.loglik.initial
    }
}

extension Checker {
    mutating func sameCox(_ a: CoxSummary, _ b: CoxSummary, tol: Double, _ what: String, loglik: Bool = true) {
        close(a.coef, b.coef, tol: tol, "\(what) coef")
        close(a.se, b.se, tol: tol, "\(what) se")
        if loglik {
            close(a.loglik, b.loglik, tol: tol, "\(what) loglik")
            close(a.loglikInitial, b.loglikInitial, tol: tol, "\(what) loglik at 0")
        }
    }

    mutating func sameCurves(_ a: KaplanMeierResult, _ b: KaplanMeierResult, tol: Double, _ what: String) {
        expect(a.strata.map(\.label) == b.strata.map(\.label), "\(what): strata \(a.strata.map(\.label)) vs \(b.strata.map(\.label))")
        for (x, y) in zip(a.strata, b.strata) {
            let w = "\(what) \(x.label)"
            close(x.time, y.time, tol: 0, "\(w) time")
            close(x.survival, y.survival, tol: tol, "\(w) survival")
            close(x.nRisk, y.nRisk, tol: tol, "\(w) n.risk")
            close(x.nEvent, y.nEvent, tol: tol, "\(w) n.event")
            close(x.nCensor, y.nCensor, tol: tol, "\(w) n.censor")
            close(x.stdErr, y.stdErr, tol: tol, "\(w) std.err")
            close(x.lower, y.lower, tol: tol, "\(w) lower")
            close(x.upper, y.upper, tol: tol, "\(w) upper")
            close(x.cumhaz, y.cumhaz, tol: tol, "\(w) cumhaz")
            close(x.median, y.median, tol: tol, "\(w) median")
            close(x.rmst?.estimate, y.rmst?.estimate, tol: tol, "\(w) rmean")
        }
    }

    mutating func sameLogRank(_ a: LogRankResult, _ b: LogRankResult, tol: Double, _ what: String) {
        close(a.statistic, b.statistic, tol: tol, "\(what) chisq")
        expect(a.df == b.df, "\(what) df: \(a.df) vs \(b.df)")
        close(a.groups.map(\.observed), b.groups.map(\.observed), tol: tol, "\(what) observed")
        close(a.groups.map(\.expected), b.groups.map(\.expected), tol: tol, "\(what) expected")
    }
}
