import SurvivalModels

/// The bootstrap section of the km and cox reports: one row per statistic
/// with the estimate, the bootstrap standard error, the normal and
/// percentile limits and the number of undefined replicates.
enum BootstrapTable {
    static func header(_ level: String) -> [String] {
        ["", "estimate", "boot se", "normal \(level)% lower", "upper", "percentile \(level)% lower", "upper", "undefined"]
    }

    static func row(_ label: String, _ e: BootstrapEstimate, digits: Int = 4) -> [String] {
        [
            label, NumberFormat.significant(e.estimate, digits), NumberFormat.significant(e.stdErr, digits),
            NumberFormat.significant(e.normalLower, digits), NumberFormat.significant(e.normalUpper, digits),
            NumberFormat.significant(e.percentileLower, digits), NumberFormat.significant(e.percentileUpper, digits),
            "\(e.undefined)",
        ]
    }

    static func title(replicates: Int, seed: Int, format: ReportFormat) -> String {
        let text = "Bootstrap (\(replicates) replicates, seed \(seed); percentile limits: R quantile type 7)"
        return format == .markdown ? "\n### \(text)\n\n" : "\n\(text)\n"
    }

    /// The km section: each stratum's median, then S(t) at each `--times`.
    static func render(_ r: KaplanMeierResult, format: ReportFormat) -> String {
        guard let first = r.strata.lazy.compactMap(\.bootstrap).first else { return "" }
        var t = TextTable(header: header(NumberFormat.significant(r.confLevel * 100, 3)))
        for c in r.strata {
            guard let b = c.bootstrap else { continue }
            t.append(row("\(c.label): median", b.median))
            if let at = b.summaryAt {
                for k in at.time.indices {
                    t.append(row("\(c.label): S(\(NumberFormat.significant(at.time[k], 6)))", at.survival[k]))
                }
            }
        }
        return title(replicates: first.replicates, seed: first.seed, format: format) + t.render(format)
    }

    /// The cox section: each coefficient (log hazard ratio scale).
    static func render(_ b: CoxBootstrap, confLevel: Double, format: ReportFormat) -> String {
        var t = TextTable(header: header(NumberFormat.significant(confLevel * 100, 3)))
        for c in b.coefficients {
            t.append(row(c.term, BootstrapEstimate(
                estimate: c.estimate, stdErr: c.stdErr, normalLower: c.normalLower, normalUpper: c.normalUpper,
                percentileLower: c.percentileLower, percentileUpper: c.percentileUpper, undefined: b.undefined)))
        }
        var out = title(replicates: b.replicates, seed: b.seed, format: format) + t.render(format)
        let unit = b.resampledClusters ? "clusters" : "rows"
        out += (format == .markdown ? "\n" : "") + "Coefficients (log hazard ratio); \(unit) resampled; \(b.undefined) replicate\(b.undefined == 1 ? "" : "s") left out (fit failed, did not converge or had an aliased coefficient).\n"
        return out
    }
}
