/// The intervals of R's `cut(x, breaks, labels, include.lowest, right, dig.lab)`:
/// `(b1,b2]`, `(b2,b3]`, ... (`[b1,b2)`, ... with `right = FALSE`), the
/// breaks sorted and written as `formatC(breaks, digits = d, width = 1)` with
/// the smallest `d` from `dig.lab` (3) up to 12 that writes adjacent breaks
/// differently — so `1000` is `1e+03`, as R. `include.lowest` closes the
/// first interval (`[b1,b2]`), or the last with `right = FALSE`. A value
/// outside every interval is NA, as R's `.bincode`.
struct CutIntervals {
    struct Problem: Error {
        var message: String
    }

    let breaks: [Double]
    let right: Bool
    let includeLowest: Bool
    /// The level labels, in interval order.
    let labels: [String]

    init(breaks unsorted: [Double], right: Bool, includeLowest: Bool, labels given: [String]?, digits: Int) throws {
        let breaks = unsorted.sorted()
        guard zip(breaks, breaks.dropFirst()).allSatisfy({ $0 < $1 }) else { throw Problem(message: "breaks are not unique") }
        guard breaks.allSatisfy(\.isFinite) else { throw Problem(message: "breaks must be finite numbers") }
        self.breaks = breaks
        self.right = right
        self.includeLowest = includeLowest
        let k = breaks.count - 1
        if let given {
            guard given.count == k else {
                throw Problem(message: "\(given.count) labels for \(k) intervals (labels must have one entry per interval)")
            }
            guard Set(given).count == given.count else { throw Problem(message: "labels are not unique") }
            labels = given
            return
        }
        var written = breaks.map { RNumberText.formatC($0 + 0, digits: digits) }
        for d in digits...max(12, digits) {
            written = breaks.map { RNumberText.formatC($0 + 0, digits: d) }
            if zip(written, written.dropFirst()).allSatisfy({ $0 != $1 }) { break }
        }
        let open = right ? "(" : "["
        let close = right ? "]" : ")"
        var out: [String] = []
        for i in 0..<k {
            let first = includeLowest && right && i == 0 ? "[" : open
            let last = includeLowest && !right && i == k - 1 ? "]" : close
            out.append(first + written[i] + "," + written[i + 1] + last)
        }
        labels = out
    }

    /// The 0-based interval of `x`, or -1 (NA) outside the breaks or for NaN.
    func interval(of x: Double) -> Int32 {
        guard !x.isNaN, let first = breaks.first, let last = breaks.last else { return -1 }
        let k = breaks.count - 1
        if right {
            if x == first { return includeLowest ? 0 : -1 }
            guard x > first, x <= last else { return -1 }
            // The first break ≥ x closes the interval.
            var lo = 1
            var hi = k
            while lo < hi {
                let mid = (lo + hi) / 2
                if breaks[mid] >= x { hi = mid } else { lo = mid + 1 }
            }
            return Int32(lo - 1)
        } else {
            if x == last { return includeLowest ? Int32(k - 1) : -1 }
            guard x >= first, x < last else { return -1 }
            // The last break ≤ x opens the interval.
            var lo = 0
            var hi = k - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if breaks[mid] <= x { lo = mid } else { hi = mid - 1 }
            }
            return Int32(lo)
        }
    }
}
