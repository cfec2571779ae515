import Foundation
import SurvivalNumerics

/// Runs the replicates of a bootstrap on several threads with results that do
/// not depend on the thread count or on scheduling: replicate b's statistic
/// is a function of b alone (its rows come from ``BootstrapResample`` with
/// `(seed, b)`), and it is written into slot b of the result.
///
/// The replicates are cut into blocks of ``blockSize``, run by
/// `ParallelLoop` on at most `threads` threads.
enum BootstrapRunner {
    /// Replicates per block: small enough for even progress, large enough to
    /// keep the bookkeeping negligible.
    static let blockSize = 8

    /// Slot b holds `statistic(b)` for b in `0..<replicates`.
    static func run<T: Sendable>(
        replicates: Int, threads: Int, progress: (@Sendable (Int) -> Void)?,
        _ statistic: @Sendable (Int) -> T
    ) -> [T] {
        guard replicates > 0 else { return [] }
        let slots = Slots<T>(count: replicates)
        let blocks = (replicates + blockSize - 1) / blockSize
        let done = Counter()
        ParallelLoop.run(blocks, threads: max(1, threads)) { block in
            let lo = block * blockSize, hi = min(replicates, lo + blockSize)
            for b in lo..<hi { slots.set(b, statistic(b)) }
            done.add(hi - lo, report: progress)
        }
        return slots.values
    }

    /// One slot per replicate, in memory allocated once; each slot is written
    /// once, by one worker, so the writes never overlap.
    final class Slots<T>: @unchecked Sendable {
        private let pointer: UnsafeMutablePointer<T?>
        private let count: Int
        init(count: Int) {
            self.count = count
            pointer = .allocate(capacity: count)
            pointer.initialize(repeating: nil, count: count)
        }
        deinit {
            pointer.deinitialize(count: count)
            pointer.deallocate()
        }
        func set(_ i: Int, _ value: T) { pointer[i] = value }
        var values: [T] { (0..<count).map { pointer[$0]! } }
    }

    /// The number of replicates done, reported under a lock.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var total = 0
        func add(_ k: Int, report: (@Sendable (Int) -> Void)?) {
            lock.lock()
            defer { lock.unlock() }
            total += k
            report?(total)
        }
    }
}
