import CohortData
import Foundation

/// The data of a shared-frailty Cox fit laid out as R's `coxfit5` reads them:
/// rows in (stratum, descending time, censored before deaths) order, the
/// covariates centred (except columns whose values are all −1, 0 or 1, as
/// `coxph(nocenter = c(-1, 0, 1))`), the tied deaths of each time marked on the
/// last of them.
struct FrailtyCoxData: Sendable {
    let n: Int
    let nvar: Int
    let nfrail: Int
    /// Covariates by column, centred: `x[i][row]`.
    let x: [[Double]]
    let means: [Double]
    let offset: [Double]
    let weights: [Double]
    let status: [Bool]
    let group: [Int]
    /// Row order, and the end (exclusive, in `order` positions) of each stratum.
    let order: [Int]
    let strataEnds: [Int]
    /// At the last of a time's tied deaths: their number; else 0.
    let mark: [Int]
    /// The mean weight of those deaths.
    let wtave: [Double]
    /// Events per frailty group.
    let groupEvents: [Double]
    let efron: Bool

    init(frame: ModelFrame, group: [Int], efron: Bool) {
        let n = frame.count
        self.n = n
        nvar = frame.design.columns
        let nf = (group.max() ?? -1) + 1
        nfrail = nf
        self.group = group
        self.efron = efron
        var cols: [[Double]] = []
        var means: [Double] = []
        for j in 0..<nvar {
            var c = (0..<n).map { frame.design[$0, j] }
            if c.allSatisfy({ $0 == -1 || $0 == 0 || $0 == 1 }) {
                means.append(0)
            } else {
                let m = c.reduce(0, +) / Double(n)
                means.append(m)
                for i in 0..<n { c[i] -= m }
            }
            cols.append(c)
        }
        x = cols
        self.means = means
        offset = frame.offset ?? [Double](repeating: 0, count: n)
        weights = frame.weights ?? [Double](repeating: 1, count: n)
        let time = frame.response.stop
        let st = frame.response.status.map { $0 != 0 }
        status = st
        let stratum = frame.strata?.intCodes ?? [Int](repeating: 0, count: n)
        // R's order(strata, -time, status): stable.
        let ord = (0..<n).sorted { a, b in
            if stratum[a] != stratum[b] { return stratum[a] < stratum[b] }
            if time[a] != time[b] { return time[a] > time[b] }
            if st[a] != st[b] { return !st[a] }
            return a < b
        }
        order = ord
        var ends: [Int] = []
        for k in 0..<n where k == n - 1 || stratum[ord[k]] != stratum[ord[k + 1]] { ends.append(k + 1) }
        strataEnds = ends
        var mark = [Int](repeating: 0, count: n)
        var wtave = [Double](repeating: 0, count: n)
        var i = 0
        var s = 0
        while i < n {
            let p = ord[i]
            if st[p] {
                var j = i
                var w = 0.0
                var d = 0
                while j < n {
                    let k = ord[j]
                    if time[k] != time[p] || j == ends[s] { break }
                    d += 1
                    w += weights[k]
                    j += 1
                }
                mark[ord[j - 1]] = d
                wtave[ord[j - 1]] = w / Double(d)
                i = j
            } else {
                i += 1
            }
            if s < ends.count && i == ends[s] { s += 1 }
        }
        self.mark = mark
        self.wtave = wtave
        var events = [Double](repeating: 0, count: nf)
        for r in 0..<n where st[r] && nf > 0 { events[group[r]] += 1 }
        groupEvents = events
    }
}
