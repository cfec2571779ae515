import SurvivalModels

extension ReportDocument {
    /// The Cox model section: hazard ratios with 95% limits and the global tests.
    ///
    /// Placeholder until the Cox engine lands (`ReportCoxSection` is `Never`).
    static func coxSection(_ r: Report) -> ReportSection? {
        guard let cox = r.cox else { return nil }
        switch cox {}
    }

    /// Forest-plot rows of the Cox section.
    static func forestRows(_ r: Report) -> [ForestRow] {
        guard let cox = r.cox else { return [] }
        switch cox {}
    }
}
