import Dispatch
import Foundation
import SurvivalNumerics

/// Log partial likelihood, score and information of a Cox model at a given β,
/// for right-censored and `(start, stop]` data, strata, case weights, offsets,
/// Efron or Breslow ties — the quantities R's `coxfit6`/`agfit4` accumulate.
///
/// R walks the data sorted by time and, at each event time, adds `a·aᵀ`-type
/// terms into the p×p information: `n·p²` scalar work. Here the same sums are
/// regrouped so that an iteration is two passes over the design plus BLAS
/// level-3 calls. With `c_t`, `e_t`, `α_t`, `β_t`, `γ_t` the per-time weights of
/// ``TieWeights`` and, for row i, `C_i = Σ c_t` over the event times at which i
/// is at risk:
///
/// * `Σ_t Σ_m (dw/d)(S2 − f_m·D2)/s_m = Σ_t (c_t·S2(t) − e_t·D2(t))
///    = Xᵀ·diag(g)·X` with `g_i = w_i·r_i·(C_i − δ_i·e_{t_i})` (the expected
///   number of events of row i times its weight: `δ − g/w` is the martingale
///   residual, Efron-adjusted as R's `coxmart`);
/// * `Σ_t Σ_m (dw/d)·a_m·a_mᵀ = Σ_t [α·S1S1ᵀ − β·(S1D1ᵀ + D1S1ᵀ) + γ·D1D1ᵀ]`,
///   a sum over the (few thousand) distinct times of rank-two terms, done as
///   `S1ᵀ·(αS1 − βD1) + D1ᵀ·(γD1 − βS1)` with the per-time sums stacked as
///   (times × p) matrices;
/// * the score is `U = Xᵀ·(δ·w − g)` and the log-likelihood
///   `Σ δ·w·η − Σ_t Σ_m (dw/d)·log s_m`.
///
/// The information is `Xᵀ·diag(g)·X − Σ_t(...)`. Nothing is sorted here: the
/// engine works in input order on a centred, scaled, row-major copy of the design
/// (``RiskSetIndex`` has already placed every row among the event times). One
/// Newton–Raphson evaluation is
///
/// 1. a pass over the rows: η, `w·r = w·exp(η)`, and `w·r` and `w·r·x` added into
///    the row's bucket — the last event time at which it is at risk, deaths and
///    the others apart (so D0/D1 come out too); S0, S1 are then suffix sums of the
///    bucket sums within each stratum (for `(start, stop]` data a row is also
///    subtracted just before the first time it is at risk);
/// 2. per-time tie weights, then `g` per row;
/// 3. a pass over the rows in chunks of 2048, one gemm per chunk for
///    `Xᵀ·diag(g)·X` and the score, then the rank-two time terms.
///
/// On 1M × 20 each pass streams the 160 MB copy once; `order` is the identity,
/// kept for the residual code.
///
/// X is the centred (and scaled) design that ``CoxModel`` prepares, as R does;
/// η is used as is: `coxfit6`/`agfit4` (what `coxph` calls for Efron and Breslow
/// ties) do not cap it; survival's `coxsafe` cap to [−200, 22] is applied only in
/// the penalised fitters `coxfit5`/`agfit5`. An overflow makes the log-likelihood
/// non-finite, which the iteration treats as a failed step (step halving), as R.
final class CoxLikelihood {
    let n: Int
    let p: Int
    /// The centred, scaled design in input order, row-major (row i at `rows[i·p ..< i·p + p]`),
    /// so that everything one row contributes is one contiguous read.
    let rows: LargeBuffer<Double>
    let offset: [Double]
    let weights: [Double]
    let status: [Double]  // δ as 0/1
    let index: RiskSetIndex
    let efron: Bool
    /// Clamp η to [−200, 22] as `coxsafe` (survival's penalised fitters only;
    /// off for every `coxph` fit, as R).
    var clamp = false
    /// Per row: event-time index where the row's contribution is added (−1: never at risk)
    /// and where it is subtracted (−1: no subtraction, it entered before the stratum's first time).
    let addAt: [Int32]
    let removeAt: [Int32]
    /// Per row: `2·addAt + (death ? 0 : 1)`, or `2T` for a row never at risk — the
    /// slot its `w·r·x` is summed into (deaths and the others kept apart for Efron's D1).
    let bucket: [Int32]
    /// Compact row of each event time with tied deaths in `d1` (−1 if at most one death).
    let tiedRow: [Int32]
    let tiedCount: Int
    /// Rows that leave the risk set before their stratum's first event time
    /// is passed, i.e. that need a subtraction (`(start, stop]` data only).
    let removers: [Int]

    /// The centred, scaled design in input order, column-major (for the
    /// residuals; built on first use).
    lazy var x: [Double] = {
        var xs = [Double](repeating: 0, count: n * p)
        for j in 0..<p {
            for i in 0..<n { xs[j * n + i] = rows[i * p + j] }
        }
        return xs
    }()
    /// Input row at each position: the engine works in input order.
    lazy var order: [Int] = Array(0..<n)

    // Work buffers, reused across iterations.
    let eta: LargeBuffer<Double>
    let wr: LargeBuffer<Double>
    let g: LargeBuffer<Double>
    let resid: LargeBuffer<Double>
    var s0: [Double]
    var d0: [Double]
    var s1: [Double]  // T × p
    var d1: [Double]  // tiedCount × p
    var tie: [TieWeights]
    var cum: [Double]
    /// Per-bucket sums of `w·r` (2T + 2) and of `w·r·x` ((2T + 2) × p, row-major).
    var bucketSums0: [Double]
    var bucketSums1: [Double]
    /// A chunk of rows of the centred design times `g`, each row followed by `δw − g`.
    var chunkG: [Double]
    /// Rows per gemm call: 2048 × 21 doubles (344 kB) stay in L2; measured best
    /// among 512 … 32768 (a `dsyrk` on `√g·x` was slower than this gemm).
    static let chunkRows = 2048

    /// - Parameters:
    ///   - design: the n × p design in input order; it is centred by `means` and
    ///     multiplied by `scale` into the engine's row-major copy.
    ///   - centred: the row-major copy (``centredRows(_:means:scale:)``) when
    ///     the caller made it already (to place it in memory before the index's).
    init(design: Matrix, means: [Double], scale: [Double], offset: [Double], weights: [Double],
         status: [Int32], index: RiskSetIndex, ties: CoxTies, centred: LargeBuffer<Double>? = nil) {
        let n = design.rows, p = design.columns
        self.n = n
        self.p = p
        self.rows = centred ?? Self.centredRows(design, means: means, scale: scale)
        self.offset = offset
        self.weights = weights
        self.index = index
        self.efron = ties == .efron
        let t = index.count
        var addAt = [Int32](repeating: -1, count: n)
        var removeAt = [Int32](repeating: -1, count: n)
        var bucket = [Int32](repeating: Int32(2 * t), count: n)
        var statusD = [Double](repeating: 0, count: n)
        var removers: [Int] = []
        index.entered.withUnsafeBufferPointer { enp in
        index.exited.withUnsafeBufferPointer { exp in
        status.withUnsafeBufferPointer { stp in
        addAt.withUnsafeMutableBufferPointer { ap in
        removeAt.withUnsafeMutableBufferPointer { rp in
        bucket.withUnsafeMutableBufferPointer { bp in
        statusD.withUnsafeMutableBufferPointer { sp in
            for i in 0..<n {
                let dead = stp[i] == 1
                sp[i] = dead ? 1 : 0
                let en = enp[i], ex = exp[i]
                guard ex >= en && ex >= 0 else { continue }
                ap[i] = ex
                bp[i] = 2 * ex + (dead ? 0 : 1)
                if Int(en) > index.firstTime[index.stratumOfTime[Int(ex)]] {
                    rp[i] = en - 1
                    removers.append(i)
                }
            }
        }}}}}}}
        self.addAt = addAt
        self.removeAt = removeAt
        self.bucket = bucket
        self.status = statusD
        self.removers = removers
        var tiedRow = [Int32](repeating: -1, count: t)
        var tied = 0
        if ties == .efron {
            for k in 0..<t where index.deathCount[k] > 1 {
                tiedRow[k] = Int32(tied)
                tied += 1
            }
        }
        self.tiedRow = tiedRow
        self.tiedCount = tied
        // Every pass writes all n entries before anything reads them (the
        // scalar pass η and w·r, then the expected events g and δw − g), so
        // the buffers are not zeroed: their pages are first touched by the
        // passes, on all cores, instead of by one memset.
        eta = LargeBuffer(count: n, zeroed: false)
        wr = LargeBuffer(count: n, zeroed: false)
        g = LargeBuffer(count: n, zeroed: false)
        resid = LargeBuffer(count: n, zeroed: false)
        s0 = [Double](repeating: 0, count: t)
        d0 = s0
        cum = s0
        s1 = [Double](repeating: 0, count: t * p)
        d1 = [Double](repeating: 0, count: tied * p)
        tie = [TieWeights](repeating: TieWeights(), count: t)
        let parts = Self.parts(n)
        bucketSums0 = [Double](repeating: 0, count: parts * (2 * t + 2))
        bucketSums1 = [Double](repeating: 0, count: Swift.max(1, parts * (2 * t + 2) * p))  // ≥ 1: a base address
        let len = Swift.min(n, Self.chunkRows)
        chunkG = [Double](repeating: 0, count: parts * len * (p + 1))
    }


    /// The two row passes are split into this many fixed ranges of rows, which
    /// `concurrentPerform` hands to as many threads as there are cores: four for
    /// large data, so that a core busy with another job only delays its share
    /// (the split does not depend on the machine, so neither do the results),
    /// one below 100,000 rows.
    static func parts(_ n: Int) -> Int { n >= 100_000 ? 4 : 1 }

    /// Rows `lo ..< hi` of part `part` (boundaries on multiples of 4).
    static func range(_ part: Int, of parts: Int, n: Int) -> (Int, Int) {
        let size = (n / parts) & ~3
        return (part * size, part == parts - 1 ? n : (part + 1) * size)
    }

    /// `(x − mean)·scale` in row-major order: one pass that reads the p columns
    /// side by side and writes each row contiguously, the rows split in
    /// ``parts(_:)`` fixed ranges over the cores (the copy of a registry-sized
    /// design is mostly fresh pages; each value is computed the same way
    /// whatever the thread count).
    static func centredRows(_ design: Matrix, means: [Double], scale: [Double]) -> LargeBuffer<Double> {
        let n = design.rows, p = design.columns
        let out = LargeBuffer<Double>(count: n * p, zeroed: false)
        guard n > 0, p > 0 else { return out }
        let parts = Self.parts(n)
        design.storage.withUnsafeBufferPointer { dp in
        means.withUnsafeBufferPointer { mp in
        scale.withUnsafeBufferPointer { sp in
            let shared = UncheckedSendable((dp, mp, sp, out.pointer))
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (dp, mp, sp, target) = shared.value
                guard let src = dp.baseAddress else { return }
                let (lo, hi) = Self.range(part, of: parts, n: n)
                for i in lo..<hi {
                    let d = target + i * p
                    for j in 0..<p { d[j] = (src[j &* n &+ i] - mp[j]) * sp[j] }
                }
            }
        }}}
        return out
    }

    /// Log partial likelihood, score (length p) and information (p × p, column-major)
    /// at `beta` (on the scale of `x`).
    func evaluate(_ beta: [Double]) -> (loglik: Double, score: [Double], information: [Double]) {
        let loglik = scalarPass(beta)
        var u = [Double](repeating: 0, count: p)
        var imat = [Double](repeating: 0, count: p * p)
        designPass(score: &u, information: &imat)
        subtractMeanTerms(&imat)
        // Symmetrise (the two gemm products agree only to rounding).
        for j in 0..<p {
            for i in 0..<j {
                let v = 0.5 * (imat[i + j * p] + imat[j + i * p])
                imat[i + j * p] = v
                imat[j + i * p] = v
            }
        }
        return (loglik, u, imat)
    }
}
