import SurvivalNumerics

/// Gray's (1988) k-sample test that the cumulative incidence of one cause is
/// the same in every group, with ρ = 0, as `cmprsk::cuminc(...)$Tests`
/// (Fortran routine `crstm`, translated to Swift).
///
/// ## Method
/// For the cause of interest, each group's score is a weighted difference
/// between its observed events and those expected if the subdistribution
/// hazards were equal. Within a stratum, at each distinct time with events:
/// with n_g at risk in group g (still event-free), left-continuous
/// Kaplan–Meier S_g(t−) of any event and left-continuous cumulative incidence
/// F_g(t−) of the cause, the "subdistribution risk set" of group g is
/// R_g = n_g·(1 − F_g(t−))/S_g(t−). With d_g events of the cause in group g
/// and d = Σ d_g, the score is Σₜ (d_g − d·R_g/Σ R). Its variance is Gray's
/// estimator built from the terms `a` (the score's dependence on each group's
/// counting process), `c` (accumulated `a`·dF, the dependence through the
/// pooled incidence) and the variance contributions of events of the cause
/// (`t3`, with a tie correction) and of the competing causes. Scores and
/// variances are summed over strata; the statistic is sᵀV⁻¹s over the first
/// k − 1 groups, χ² with k − 1 degrees of freedom.
///
/// cuminc inverts V by QR and returns −1 when V is rank deficient; here the
/// statistic is `nil` then.
enum GrayTest {
    /// Gray's test for each cause.
    ///
    /// - Parameters:
    ///   - status: 0 censored, else the cause code.
    ///   - groups: group code per row (any integers; empty groups are dropped, as cuminc).
    ///   - strata: stratum code per row, or `nil`.
    ///   - counts: frequency counts (each row stands for that many identical
    ///     subjects, as on the expanded rows), or `nil` for one each.
    static func test(
        time: [Double], status: [Int32], causes: [Int], groups: [Int], strata: [Int]?, counts: [Double]? = nil
    ) -> [String: GrayTestResult]? {
        // Groups present, renumbered 0..<ng in the order of their codes.
        let present = Array(Set(groups)).sorted()
        let ng = present.count
        guard ng > 1 else { return nil }
        let groupIndex = Dictionary(uniqueKeysWithValues: present.enumerated().map { ($1, $0) })
        let g = groups.map { groupIndex[$0] ?? 0 }
        let strataCodes = strata ?? Array(repeating: 0, count: time.count)
        var stratumRows: [Int: [Int]] = [:]
        for (row, s) in strataCodes.enumerated() { stratumRows[s, default: []].append(row) }
        var out: [String: GrayTestResult] = [:]
        for cause in causes {
            var score = [Double](repeating: 0, count: ng - 1)
            var variance = Matrix(rows: ng - 1, columns: ng - 1, repeating: 0)
            for key in stratumRows.keys.sorted() {
                let rows = stratumRows[key] ?? []
                // m: 0 censored, 1 the cause of interest, 2 another cause.
                let m = rows.map { status[$0] == 0 ? 0 : (status[$0] == cause ? 1 : 2) }
                let part = stratum(
                    time: rows.map { time[$0] }, m: m, group: rows.map { g[$0] }, ng: ng,
                    counts: counts.map { c in rows.map { c[$0] } })
                for i in 0..<(ng - 1) {
                    score[i] += part.score[i]
                    for j in 0..<(ng - 1) { variance[i, j] += part.variance[i, j] }
                }
            }
            var statistic: Double? = nil
            if let qr = try? QRFactorization(variance), qr.hasFullColumnRank,
                let x = try? qr.coefficients(score)
            {
                statistic = zip(score, x).reduce(0) { $0 + $1.0 * $1.1 }
            }
            let p = statistic.map { ChiSquared.upperTail($0, df: Double(ng - 1)) }
            out[String(cause)] = GrayTestResult(statistic: statistic, df: ng - 1, p: p)
        }
        return out
    }

    /// Score (first ng − 1 groups) and its variance within one stratum (cmprsk `crst`, ρ = 0).
    static func stratum(
        time: [Double], m: [Int], group: [Int], ng: Int, counts: [Double]? = nil
    ) -> (score: [Double], variance: Matrix) {
        let ng1 = ng - 1
        let order = RadixOrder.ascending(time)
        var rs = [Double](repeating: 0, count: ng)  // risk set per group
        for (q, j) in group.enumerated() { rs[j] += counts?[q] ?? 1 }
        var s = [Double](repeating: 0, count: ng1)
        var v = Matrix(rows: ng1, columns: ng1, repeating: 0)
        var f1m = [Double](repeating: 0, count: ng), f1 = f1m  // incidence of the cause, left/right continuous
        var skmm = [Double](repeating: 1, count: ng), skm = skmm  // KM of any event, left/right continuous
        var v3 = [Double](repeating: 0, count: ng)
        var v2 = Matrix(rows: ng1, columns: ng, repeating: 0)
        var c = Matrix(rows: ng, columns: ng, repeating: 0)
        var a = Matrix(rows: ng, columns: ng, repeating: 0)
        var fm = 0.0, f = 0.0  // pooled incidence, left/right continuous
        var i = 0
        while i < order.count {
            let t = time[order[i]]
            var d = [[Double]](repeating: [0, 0, 0], count: ng)  // d[group][m]
            var leaving: [(group: Int, count: Double)] = []
            while i < order.count && time[order[i]] == t {
                let c = counts?[order[i]] ?? 1
                d[group[order[i]]][m[order[i]]] += c
                leaving.append((group[order[i]], c))
                i += 1
            }
            let nd1 = d.reduce(0) { $0 + $1[1] }, nd2 = d.reduce(0) { $0 + $1[2] }
            if nd1 > 0 || nd2 > 0 {
                var tr = 0.0, tq = 0.0
                for j in 0..<ng where rs[j] > 0 {
                    let td = d[j][1] + d[j][2]
                    skm[j] = skmm[j] * (rs[j] - td) / rs[j]
                    f1[j] = f1m[j] + skmm[j] * d[j][1] / rs[j]
                    tr += rs[j] / skmm[j]
                    tq += rs[j] * (1 - f1m[j]) / skmm[j]
                }
                f = fm + nd1 / tr
                for r in 0..<ng {
                    for col in r..<ng { a[r, col] = 0 }
                    guard rs[r] > 0 else { continue }
                    let t1 = rs[r] / skmm[r]
                    a[r, r] = t1 * (1 - t1 / tr)
                    c[r, r] += a[r, r] * nd1 / (tr * (1 - fm))
                    for col in (r + 1)..<max(ng, r + 1) where rs[col] > 0 {
                        a[r, col] = -t1 * rs[col] / (skmm[col] * tr)
                        c[r, col] += a[r, col] * nd1 / (tr * (1 - fm))
                    }
                }
                for r in 1..<ng {
                    for col in 0..<r {
                        a[r, col] = a[col, r]
                        c[r, col] = c[col, r]
                    }
                }
                for r in 0..<ng1 where rs[r] > 0 {
                    s[r] += d[r][1] - nd1 * rs[r] * (1 - f1m[r]) / (skmm[r] * tq)
                }
                if nd1 > 0 {
                    for k in 0..<ng where rs[k] > 0 {
                        let t4 = skm[k] > 0 ? 1 - (1 - f) / skm[k] : 1
                        let t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k] - 1) : 1
                        let t3 = t5 * skmm[k] * nd1 / (tr * rs[k])
                        v3[k] += t4 * t4 * t3
                        for r in 0..<ng1 {
                            let t1 = a[r, k] - t4 * c[r, k]
                            v2[r, k] += t1 * t4 * t3
                            for col in 0...r {
                                let t2 = a[col, k] - t4 * c[col, k]
                                v[r, col] += t1 * t2 * t3
                            }
                        }
                    }
                }
                if nd2 > 0 {
                    for k in 0..<ng where skm[k] > 0 && d[k][2] > 0 {
                        let t4 = (1 - f) / skm[k]
                        let t5 = d[k][2] > 1 ? 1 - (d[k][2] - 1) / (rs[k] - 1) : 1
                        let t3 = t5 * skmm[k] * skmm[k] * d[k][2] / (rs[k] * rs[k])
                        v3[k] += t4 * t4 * t3
                        for r in 0..<ng1 {
                            let t1 = t4 * c[r, k]
                            v2[r, k] -= t1 * t4 * t3
                            for col in 0...r {
                                let t2 = t4 * c[col, k]
                                v[r, col] += t1 * t2 * t3
                            }
                        }
                    }
                }
            }
            for (j, c) in leaving { rs[j] -= c }
            fm = f
            f1m = f1
            skmm = skm
        }
        for r in 0..<ng1 {
            for col in 0...r {
                for k in 0..<ng {
                    v[r, col] += c[r, k] * c[col, k] * v3[k] + c[r, k] * v2[col, k] + c[col, k] * v2[r, k]
                }
                v[col, r] = v[r, col]
            }
        }
        return (s, v)
    }
}
