/// The line breaks and `"` bytes of the input text counted in fixed blocks,
/// by the sweep that checks its encoding (`CSVInput`), so that the chunked
/// reader (`CSVParse+Chunks.swift`) needs no counting sweep of its own:
/// its chunks are these blocks, each moved to the record start after its
/// first line break, and a chunk's counts are its block's, less those before
/// that line break, plus those up to the next block's.
struct BreakCounts: Sendable {
    /// Offset of block 0 (after a byte order mark).
    let start: Int
    let blockSize: Int
    /// Line breaks (LF, and CR not followed by LF) and quotes of each block.
    let breaks: [Int]
    let quotes: [Int]

    var blockCount: Int { breaks.count }

    /// Offset where block `k` starts.
    func blockStart(_ k: Int) -> Int { start + k * blockSize }
}
