#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed-size buffer for the Cox engine's per-row work arrays (the row-major
/// design copy, η, risks, expected events), aligned to 2 MB and, on Linux,
/// offered to the kernel for transparent huge pages (`madvise(MADV_HUGEPAGE)`).
///
/// With 4 kB pages, first touching a 160 MB array costs about 40,000 page faults —
/// on the 1M × 20 benchmark that was as long as a Newton–Raphson iteration; with
/// 2 MB pages it is 80. The buffer is zero-filled unless `zeroed` is false.
final class LargeBuffer<Element: BitwiseCopyable> {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    init(count: Int, zeroed: Bool = true) {
        self.count = count
        let bytes = Swift.max(count, 1) * MemoryLayout<Element>.stride
        var raw: UnsafeMutableRawPointer?
        let alignment = 2 << 20
        if posix_memalign(&raw, alignment, bytes) != 0 || raw == nil {
            // Fall back to the ordinary allocator.
            raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            fellBack = true
        } else {
            fellBack = false
            #if canImport(Glibc)
            if bytes >= alignment { _ = madvise(raw, bytes, Int32(MADV_HUGEPAGE)) }
            #endif
        }
        if zeroed { memset(raw!, 0, bytes) }
        pointer = raw!.bindMemory(to: Element.self, capacity: Swift.max(count, 1))
    }

    private let fellBack: Bool

    deinit {
        if fellBack { UnsafeMutableRawPointer(pointer).deallocate() } else { free(pointer) }
    }

    subscript(i: Int) -> Element {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }

    var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: pointer, count: count) }
}
