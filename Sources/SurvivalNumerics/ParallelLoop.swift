import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the iterations of a loop on several threads, for work split into
/// independent parts whose results go to separate slots (so the outcome does
/// not depend on the order the parts run in, nor on how many threads run them).
public enum ParallelLoop {
    /// Number of cores this process may run on.
    public static var coreCount: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? Int(n) : 1
    }

    /// Calls `body(0) … body(count − 1)` on at most `threads` threads: one after
    /// the other when `threads` ≤ 1; through `DispatchQueue.concurrentPerform`
    /// (every core) when `threads` is at least the core count; else on
    /// `threads` workers, worker `w` taking iterations `w, w + threads, …`.
    /// Part `part` of `0 ..< n` cut into `parts` (1 or 2) consecutive ranges:
    /// `0 ..< n/2` and `n/2 ..< n`, or the whole range for one part — the
    /// split of the loops that run on "two halves" of their rows or times.
    public static func half(_ part: Int, of parts: Int, count n: Int) -> Range<Int> {
        parts <= 1 ? 0..<n : (part == 0 ? 0..<n / 2 : n / 2..<n)
    }

    public static func run(_ count: Int, threads: Int, _ body: (Int) -> Void) {
        guard count > 0 else { return }
        if threads <= 1 || count == 1 {
            for k in 0..<count { body(k) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            if threads >= coreCount || threads >= count {
                DispatchQueue.concurrentPerform(iterations: count) { k in shared.value(k) }
            } else {
                DispatchQueue.concurrentPerform(iterations: threads) { w in
                    for k in stride(from: w, to: count, by: threads) { shared.value(k) }
                }
            }
        }
    }
}

/// A value handed to other threads by a caller who guarantees that they use
/// it safely (disjoint slots of a buffer, read-only data).
public struct UncheckedSendable<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
