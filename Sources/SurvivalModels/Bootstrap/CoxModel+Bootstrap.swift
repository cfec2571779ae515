import CohortData
import SurvivalNumerics

extension CoxModel {
    /// The nonparametric bootstrap of the coefficients (Efron & Tibshirani
    /// 1993, ch. 6 and 13; Davison & Hinkley 1997, §7.3, "case resampling"):
    /// each replicate draws the used rows with replacement — whole clusters
    /// when the formula has `cluster(id)` — and refits the model with the
    /// fit's options (ties, weights, offset, strata, iteration controls; the
    /// robust variance is not computed, it does not change the coefficients).
    ///
    /// A replicate whose fit fails (no events, …), does not converge, or has
    /// an aliased or non-finite coefficient is left out of every coefficient's
    /// summary and counted in `undefined`. A replicate that converges with a
    /// "may be infinite" coefficient is kept, as R's `boot` would keep it.
    ///
    /// Determinism: replicate b's rows depend on (seed, b) only, and the Cox
    /// engine splits its row passes by the row count alone
    /// (`CoxLikelihood.parts`), never by the core count, so its sums are the
    /// same whatever runs where. OpenBLAS is set to one thread while the
    /// replicates run (they are the parallel work) and restored afterwards.
    public static func bootstrap(_ frame: ModelFrame, fit: CoxFit, bootstrap: BootstrapOptions) -> CoxBootstrap {
        let sampler = frame.cluster.map { BootstrapResample(clusters: $0) } ?? BootstrapResample(rowCount: frame.count)
        let seed = bootstrap.seed
        let options = fit.options
        let blasThreads = BLAS.threadCount
        BLAS.setThreadCount(1)
        defer { BLAS.setThreadCount(blasThreads) }
        let replicates = BootstrapRunner.run(
            replicates: bootstrap.replicates, threads: bootstrap.threads, progress: bootstrap.progress
        ) { b in
            replicateCoefficients(frame, options: options, rows: sampler.rows(seed: seed, replicate: b))
        }
        let p = frame.design.columns
        let estimate = fit.coefficients
        let coefficients = (0..<p).map { j in
            CoxBootstrapCoefficient(
                term: frame.termNames[j],
                BootstrapEstimate(
                    estimate: estimate[j], replicates: replicates.map { $0?[j] }, confLevel: bootstrap.confLevel))
        }
        return CoxBootstrap(
            replicates: bootstrap.replicates, seed: Int(truncatingIfNeeded: seed), undefined: replicates.filter { $0 == nil }.count,
            resampledClusters: frame.cluster != nil, coefficients: coefficients)
    }

    /// The coefficients of the model refitted on `rows` of `frame` (0-based
    /// used-row indices, with repeats), or `nil` when that replicate is
    /// undefined (see ``bootstrap(_:fit:bootstrap:)``).
    public static func replicateCoefficients(_ frame: ModelFrame, options: CoxOptions, rows: [Int]) -> [Double]? {
        var options = options
        options.robust = false
        guard let fit = try? CoxModel.fit(frame.resampled(rows: rows), options: options),
            fit.state.converged
        else { return nil }
        let beta = fit.coefficients
        guard beta.allSatisfy({ $0?.isFinite ?? false }) else { return nil }
        return beta.map { $0! }
    }
}
