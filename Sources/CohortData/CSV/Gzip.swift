import CZlib

/// gzip-compressed input (`.csv.gz`, or any input starting with the gzip
/// magic bytes 1f 8b), decompressed in memory with zlib's `inflate`.
///
/// Concatenated members (`cat a.gz b.gz`) are all read, as `gunzip` does:
/// raw `inflate` stops at the end of each member, so the stream is reset and
/// continued while input is left that starts with the magic bytes. Bytes
/// after the last member that are not another member are ignored, as
/// `gunzip` ignores trailing garbage. The output is presized from the
/// trailer's ISIZE (the size mod 2³² of the last member: a hint only).
enum Gzip {
    /// Whether `bytes` start with the gzip magic number.
    static func isCompressed<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Bool where Bytes.Index == Int {
        bytes.count >= 2 && bytes[bytes.startIndex] == 0x1F && bytes[bytes.startIndex + 1] == 0x8B
    }

    /// The decompressed bytes; a `CohortError` (`.io`, naming the file) for corrupt or truncated data.
    static func decompress(_ input: [UInt8], fileName: String) throws -> [UInt8] {
        var out: [UInt8] = []
        if input.count >= 18 {
            let n = input.count
            let isize = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
            out.reserveCapacity(max(isize, input.count * 3))
        }
        let chunkSize = 1 << 20
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        func failure(_ what: String) -> CohortError {
            CohortError(
                .io, file: fileName,
                message: "corrupt gzip data (\(what)) after \(out.count) bytes of text: the file is damaged or "
                    + "truncated; compress the CSV again (gzip FILE.csv) or read the uncompressed file")
        }
        try input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var stream = z_stream()
            guard czlib_inflate_init_gzip(&stream) == Z_OK else { throw failure("zlib could not start") }
            defer { inflateEnd(&stream) }
            var consumed = 0  // input bytes handed to zlib so far
            func refill() {
                if stream.avail_in == 0 && consumed < buffer.count {
                    let size = min(buffer.count - consumed, 1 << 30)
                    stream.next_in = UnsafeMutablePointer(mutating: base + consumed)
                    stream.avail_in = UInt32(size)
                    consumed += size
                }
            }
            /// Input bytes zlib has not read yet.
            func remaining() -> Int { buffer.count - consumed + Int(stream.avail_in) }
            refill()
            while true {
                stream.next_out = chunk
                stream.avail_out = UInt32(chunkSize)
                let status = inflate(&stream, Z_NO_FLUSH)
                out.append(contentsOf: UnsafeBufferPointer(start: chunk, count: chunkSize - Int(stream.avail_out)))
                switch status {
                case Z_STREAM_END:
                    let left = remaining()
                    let at = buffer.count - left
                    guard left >= 2, base[at] == 0x1F, base[at + 1] == 0x8B else { return }
                    guard inflateReset(&stream) == Z_OK else { throw failure("zlib could not continue") }
                    refill()
                case Z_OK:
                    refill()
                case Z_BUF_ERROR:
                    if remaining() == 0 { throw failure("unexpected end of data") }
                    refill()
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    throw failure(reason)
                }
                if status == Z_OK && remaining() == 0 && stream.avail_out != 0 {
                    throw failure("unexpected end of data")
                }
            }
        }
        return out
    }
}
