#if canImport(Glibc)
import Glibc
#endif

/// Keeps freed memory in the process for reuse instead of returning it to
/// the system, for the whole `survkit cox` command.
///
/// A registry-sized fit allocates and frees many arrays of a few times n
/// doubles: the data's columns (freed once copied into the frame's design),
/// the engine's row-major copy of the design and its work arrays, sort
/// buffers, the concordance's per-row counts. glibc serves every allocation
/// above 32 MB with a fresh `mmap` and unmaps it on `free`, so each of those
/// arrays is new memory whose every page the kernel faults in and zeroes —
/// on the 2-core VMs this project is measured on about 0.5 ms per megabyte,
/// seconds on 10⁷ rows. With `M_MMAP_MAX = 0` such arrays come from the
/// heap, and with a high trim threshold the heap is not shrunk on `free`, so
/// later arrays reuse the pages of earlier ones: the engine's copy of the
/// design takes the place of the columns (``CoxModel/fit(_:options:)``
/// allocates it before anything smaller can split that space).
/// The cost is a peak resident size that can be higher (a freed block is
/// reused only by an allocation that fits in it). Measured on 10⁷ × 20
/// (`survkit cox`, 2026-12-01): 2.0 M → 1.3 M page faults, 15.2–15.7 s →
/// 13.7–14.4 s, peak 4.2 → 4.6 GB. The environment variable
/// `SURVKIT_NO_RECYCLE` turns it off, for such comparisons.
enum MemoryRecycling {
    static func begin() {
        if getenv("SURVKIT_NO_RECYCLE") != nil { return }
        #if canImport(Glibc)
        // glibc's mallopt (malloc.h, which the Glibc module does not import),
        // looked up by name; without it nothing changes.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapMax: Int32 = -4, arenaMax: Int32 = -8  // M_TRIM_THRESHOLD, M_MMAP_MAX, M_ARENA_MAX
        _ = mallopt(mmapMax, 0)
        _ = mallopt(trimThreshold, Int32.max)
        // One arena for every thread: an array allocated on a worker thread
        // (the concordance's per-row counts) otherwise comes from that
        // thread's own arena, which never holds the main heap's freed pages.
        _ = mallopt(arenaMax, 1)
        #endif
    }
}
