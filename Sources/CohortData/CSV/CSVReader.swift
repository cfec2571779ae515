#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CSV text into a columnar, typed `Cohort`.
///
/// Method. A regular file is memory-mapped (other inputs are read into
/// memory); gzip data is decompressed,
/// the encoding checked (or Latin-1/Windows-1252 transcoded) and the
/// delimiter detected unless given (`CSVInput`, `DelimiterDetection`). Pass 1 tokenizes every
/// record (see `CSVTokenizer`), checks that each has as many fields as the
/// header, and parses every column as numbers straight into preallocated
/// `Double` buffers — no per-row allocation. On inputs of a few megabytes
/// and more, pass 1 runs on all cores over chunks of records
/// (`CSVParse+Chunks.swift`), with the same result as one sequential pass. Missing tokens (empty, `NA`,
/// `.`, and the caller's extras) become `NaN`. A column holding a field that
/// is neither missing nor a number is set aside; pass 2 (only if there are
/// such columns) re-reads just those columns: if every non-missing value is
/// an ISO date `YYYY-MM-DD`, or a date in the `dateFormat` pattern, the
/// column is a date column (day numbers since 1970-01-01), otherwise a categorical column whose levels are sorted in
/// byte order (as R in the C locale). `TRUE`/`FALSE` columns stay
/// categorical; status coding accepts them later.
///
/// With `CSVOptions.columns` (column projection) only the named columns are
/// converted; the tokenizer still walks every field of every record, so field
/// counts and quoting are checked as without it, and errors name file columns
/// and positions. The cohort holds the projected columns in file order and
/// keeps the whole header for messages (`Cohort.headerNames`, `Cohort.position(of:)`).
///
/// Header names are unquoted and trimmed; an empty header name becomes `X`
/// (as R's `read.csv` names a row-name column), or `X<position>` when taken.
/// Empty lines are skipped. Numbers are parsed by `NumberParser` (Clinger
/// fast path, `strtod` otherwise), bit-identical to `strtod`, with the
/// options' decimal mark (`.` or `,`).
public struct CSVReader: Sendable {
    public var options: CSVOptions

    public init(options: CSVOptions = CSVOptions()) {
        self.options = options
    }

    /// Reads a file, or standard input when `path` is `-` (named `<stdin>` in messages).
    /// A regular file is memory-mapped, not copied (see `InputBytes`).
    public func read(path: String) throws -> Cohort {
        let name = path == "-" ? "<stdin>" : path
        return try read(InputBytes.open(path: path, displayName: name), fileName: name)
    }

    /// Reads CSV text given as a string.
    public func read(string: String, fileName: String = "<data>") throws -> Cohort {
        try read(bytes: Array(string.utf8), fileName: fileName)
    }

    /// Reads CSV bytes (gzip-compressed or not; see `CSVInput`).
    public func read(bytes: [UInt8], fileName: String) throws -> Cohort {
        try read(InputBytes(bytes), fileName: fileName)
    }

    private func read(_ raw: InputBytes, fileName: String) throws -> Cohort {
        let input = try CSVInput(raw, fileName: fileName, options: options)
        let text = input.text
        return try text.withBytes { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                throw CohortError(.emptyFile, file: fileName, message: "empty file: expected a header row")
            }
            var parse = CSVParse(
                base: base, count: buffer.count, fileName: fileName, delimiter: input.delimiter, options: options,
                source: text, breakCounts: input.breakCounts)
            return try parse.run()
        }
    }

    /// Reads all bytes of a file or of standard input (`-`).
    static func readAllBytes(path: String, displayName: String) throws -> [UInt8] {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        if fd < 0 {
            let reason = String(cString: strerror(errno))
            throw CohortError(.io, file: displayName, message: "cannot open file: \(reason)")
        }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        var expected = 1 << 16
        if fstat(fd, &info) == 0, Int(info.st_size) > 0 { expected = Int(info.st_size) + 1 }
        var bytes = [UInt8](repeating: 0, count: expected)
        var filled = 0
        while true {
            if filled == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let got = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return systemRead(fd, base + filled, raw.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw CohortError(.io, file: displayName, message: "cannot read file: \(reason)")
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
