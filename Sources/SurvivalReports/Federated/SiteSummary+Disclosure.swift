extension SiteSummary {
    /// The summary with every time moved up to the first point of `grid` at or
    /// after it (events and censorings at the interval's end), the cells merged
    /// again; the grid is recorded as given (agreed between the sites).
    ///
    /// - Throws: a time after the grid's last point (the grid must cover the follow-up).
    public func onGrid(_ grid: [Double]) throws -> SiteSummary {
        guard !grid.isEmpty, zip(grid, grid.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw SiteSummaryError("--grid must be increasing times, e.g. 0,30,60,90.")
        }
        var times: [Double] = []
        times.reserveCapacity(cells.count)
        for t in cells.time {
            var lo = 0, hi = grid.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if grid[mid] < t { lo = mid + 1 } else { hi = mid }
            }
            guard lo < grid.count else {
                throw SiteSummaryError(
                    "--grid ends at \(grid[grid.count - 1]) but a time is \(t): the grid must cover the follow-up;"
                        + " add a last point ≥ \(cells.time.max() ?? t).")
            }
            times.append(grid[lo])
        }
        var out = self
        out.cells = SiteCells.aggregate(time: times, codes: cells.codes, subjects: cells.subjects)
        out.time.grid = grid
        out.time.gridSource = .given
        return out
    }

    /// The summary under small-cell control: no cell with fewer than `minCell`
    /// subjects (``SiteDisclosure`` states the method and its bias). The
    /// returned summary's `disclosure` counts what was merged and suppressed;
    /// its `change` is left for the caller, who can fit both summaries.
    public func applyingMinCell(_ minCell: Int) -> SiteSummary {
        let k = max(1, minCell)
        var out = SiteCells(time: [], codes: cells.codes.map { _ in [] }, subjects: [])
        var merged = 0, cellsSuppressed = 0, subjectsSuppressed = 0
        var start = 0
        while start < cells.count {
            var end = start + 1
            while end < cells.count && cells.samePattern(start, end) { end += 1 }
            let pattern = cells.codes.indices.dropFirst().map { cells.codes[$0][start] }
            let block = Self.controlled(cells, range: start..<end, minCell: k)
            merged += block.merged
            cellsSuppressed += block.cellsSuppressed
            subjectsSuppressed += block.subjectsSuppressed
            for interval in block.intervals {
                for (status, count) in interval.counts.sorted(by: { $0.key < $1.key }) {
                    out.time.append(interval.end)
                    out.codes[0].append(status)
                    for (j, code) in pattern.enumerated() { out.codes[j + 1].append(code) }
                    out.subjects.append(count)
                }
            }
            start = end
        }
        var summary = self
        summary.cells = out
        if merged > 0 && time.gridSource != .given {
            summary.time.grid = Array(Set(out.time)).sorted()
            summary.time.gridSource = .minCell
        }
        summary.disclosure = SiteDisclosure(
            minCell: k, timesMerged: merged, cellsBefore: cells.count, cellsAfter: out.count,
            cellsSuppressed: cellsSuppressed, subjectsSuppressed: subjectsSuppressed)
        return summary
    }

    /// One interval of merged times: its end and the subjects per status code.
    struct Interval {
        var end: Double
        var counts: [Int: Int]

        func reaches(_ k: Int) -> Bool { counts.values.allSatisfy { $0 >= k } }

        mutating func absorb(_ other: Interval) {
            end = max(end, other.end)
            for (s, c) in other.counts { counts[s, default: 0] += c }
        }
    }

    /// The control of one pattern's cells (sorted by time, then status).
    static func controlled(_ cells: SiteCells, range: Range<Int>, minCell k: Int)
        -> (intervals: [Interval], merged: Int, cellsSuppressed: Int, subjectsSuppressed: Int)
    {
        var intervals: [Interval] = []
        var current: Interval?
        var distinctTimes = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let t = cells.time[i]
            distinctTimes += 1
            var slot = Interval(end: t, counts: [:])
            while i < range.upperBound && cells.time[i] == t {
                slot.counts[cells.codes[0][i], default: 0] += cells.subjects[i]
                i += 1
            }
            if current == nil { current = slot } else { current?.absorb(slot) }
            if let c = current, c.reaches(k) {
                intervals.append(c)
                current = nil
            }
        }
        if let rest = current {
            if intervals.isEmpty { intervals = [rest] } else { intervals[intervals.count - 1].absorb(rest) }
        }
        // A last interval below K merges backwards while there is an interval before it.
        while intervals.count >= 2, !intervals[intervals.count - 1].reaches(k) {
            let last = intervals.removeLast()
            intervals[intervals.count - 1].absorb(last)
        }
        var cellsSuppressed = 0, subjectsSuppressed = 0
        if var only = intervals.last, !only.reaches(k) {
            for (s, c) in only.counts where c < k {
                only.counts[s] = nil
                cellsSuppressed += 1
                subjectsSuppressed += c
            }
            intervals[intervals.count - 1] = only
            if only.counts.isEmpty { intervals.removeLast() }
        }
        let shown = intervals.count
        return (intervals, max(0, distinctTimes - max(shown, 1)), cellsSuppressed, subjectsSuppressed)
    }
}
