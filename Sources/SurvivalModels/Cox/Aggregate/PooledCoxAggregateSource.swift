/// Several sites as one ``CoxAggregateSource``: each query goes to every site
/// and the answers are added — the federated Newton step of WebDISCO (Lu et al.
/// 2015), where only per-time sums leave a site.
///
/// With a common baseline the sites' cells with the same (stratum, time) add
/// up, so the fit equals the fit of the union of the sites' rows. Stratified by
/// site, every site's strata are kept apart (stratum `s` of site `k` becomes
/// `s·sites + k`), as `strata(site)` on the union.
public struct PooledCoxAggregateSource: CoxAggregateSource {
    public let sites: [any CoxAggregateSource]
    public let stratifiedBySite: Bool

    /// - Precondition: at least one site; all sites have the same columns.
    public init(sites: [any CoxAggregateSource], stratifiedBySite: Bool) {
        self.sites = sites
        self.stratifiedBySite = stratifiedBySite
    }

    public var columnCount: Int { sites.first?.columnCount ?? 0 }

    public func moments(noScaleValues: Set<Double>) throws -> CoxAggregateMoments {
        let parts = try sites.map { try $0.moments(noScaleValues: noScaleValues) }
        return CoxAggregateMoments.combined(parts)
            ?? CoxAggregateMoments(subjects: 0, events: 0, sums: [], noScale: [])
    }

    public func absoluteDeviations(from means: [Double]) throws -> [Double] {
        var total = [Double](repeating: 0, count: means.count)
        for site in sites {
            let d = try site.absoluteDeviations(from: means)
            for j in total.indices { total[j] += d[j] }
        }
        return total
    }

    public func timeSums(beta: [Double], means: [Double]) throws -> [CoxTimeSums] {
        var all: [CoxTimeSums] = []
        let k = sites.count
        for (index, site) in sites.enumerated() {
            var cells = try site.timeSums(beta: beta, means: means)
            if stratifiedBySite {
                for c in cells.indices { cells[c].stratum = cells[c].stratum * k + index }
            }
            all += cells
        }
        return all
    }
}
