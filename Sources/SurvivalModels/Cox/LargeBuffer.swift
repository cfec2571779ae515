#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed-size buffer for the Cox engine's per-row work arrays (the row-major
/// design copy, η, risks, expected events), aligned to 2 MB, zero-filled
/// unless `zeroed` is false.
///
/// Transparent huge pages are *not* requested: on the 2-core VMs this project
/// is measured on, first touching memory advised `MADV_HUGEPAGE` was five
/// times slower than with 4 kB pages (1.6 GB: 11 s against 2.2 s, a C loop
/// touching one byte a page, 2026-12-01), the kernel zeroing and compacting
/// 2 MB pages on a host that backs them 4 kB at a time. The alignment is kept,
/// so a kernel with THP set to `always` can still use them.
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
