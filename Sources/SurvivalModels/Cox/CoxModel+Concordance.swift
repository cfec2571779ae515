extension CoxFit {
    /// Harrell's concordance as `coxph$concordance` (not yet implemented).
    func concordance() -> CoxConcordance? { nil }
}
