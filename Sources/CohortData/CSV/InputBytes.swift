#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of an input: a regular file memory-mapped read-only (no copy of
/// the text in the process; the kernel's page cache holds it), or bytes in
/// memory (standard input, pipes, decompressed or transcoded text).
///
/// A mapped file's pages can be handed back once parsed (`release(_:)`):
/// they are dropped from the process (its resident set) and, should they be
/// read again (a second pass over text columns, an error located after the
/// fact), faulted back in from the file. In-memory bytes are never released:
/// `MADV_DONTNEED` on anonymous memory would zero it.
///
/// The file is assumed not to change while it is read, as for any reader; a
/// file truncated under the mapping would raise SIGBUS.
final class InputBytes: @unchecked Sendable {
    private enum Storage {
        case mapped(UnsafeMutableRawPointer, length: Int)
        case memory([UInt8])
    }

    private let storage: Storage

    /// Number of bytes.
    let count: Int

    /// Whether the bytes are a mapped file whose parsed pages may be released.
    var isMapped: Bool {
        if case .mapped = storage { return true }
        return false
    }

    init(_ bytes: [UInt8]) {
        storage = .memory(bytes)
        count = bytes.count
    }

    private init(mapping: UnsafeMutableRawPointer, length: Int) {
        storage = .mapped(mapping, length: length)
        count = length
    }

    deinit {
        if case .mapped(let pointer, let length) = storage { munmap(pointer, length) }
    }

    /// Calls `body` with the bytes (an empty buffer for empty input).
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .memory(let bytes):
            return try bytes.withUnsafeBufferPointer(body)
        case .mapped(let pointer, let length):
            return try body(UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length))
        }
    }

    /// The bytes as an array (a copy for a mapped file).
    var array: [UInt8] {
        switch storage {
        case .memory(let bytes): return bytes
        case .mapped: return withBytes { Array($0) }
        }
    }

    /// Drops the whole pages inside bytes `[start, end)` of a mapped file from
    /// the process's resident memory (`madvise(MADV_DONTNEED)`); they are read
    /// again from the file if touched. Does nothing for in-memory bytes.
    func release(_ start: Int, _ end: Int) {
        guard case .mapped(let pointer, let length) = storage else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard page > 0 else { return }
        let first = (start + page - 1) / page * page
        let last = min(end, length) / page * page
        if last > first { _ = madvise(pointer + first, last - first, Int32(MADV_DONTNEED)) }
    }

    /// Opens `path` (`-` = standard input, named `displayName` in messages):
    /// a non-empty regular file is mapped; anything else is read to its end.
    static func open(path: String, displayName: String) throws -> InputBytes {
        if path != "-" {
            let fd = openReadOnly(path)
            if fd < 0 {
                let reason = String(cString: strerror(errno))
                throw CohortError(.io, file: displayName, message: "cannot open file: \(reason)")
            }
            defer { close(fd) }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 {
                let length = Int(info.st_size)
                let mapping = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0)
                if let mapping, mapping != MAP_FAILED {
                    _ = madvise(mapping, length, Int32(MADV_SEQUENTIAL))
                    return InputBytes(mapping: mapping, length: length)
                }
                // A file that cannot be mapped (some network file systems) is read instead.
            }
        }
        return InputBytes(try CSVReader.readAllBytes(path: path, displayName: displayName))
    }
}

private func openReadOnly(_ path: String) -> Int32 {
    #if canImport(Glibc)
    return Glibc.open(path, O_RDONLY)
    #else
    return Darwin.open(path, O_RDONLY)
    #endif
}
