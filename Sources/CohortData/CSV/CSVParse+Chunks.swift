import SurvivalNumerics

/// Pass 1 on all cores: the records are split into chunks of a few megabytes
/// that are scanned at the same time, each into its own rows of the shared
/// column buffers.
///
/// Method (the approach of `data.table::fread` and polars). A chunk must start
/// at a record start. Each nominal split point is moved to just after the next
/// line break; in a file with quotes, a line break is taken only when the
/// number of `"` before it is even (quote parity: it is not inside a quoted
/// field — exact for RFC 4180 quoting). A first parallel sweep counts the line
/// breaks (an upper bound on the chunk's records, which fixes where its rows go)
/// and the quotes of every chunk; a second one scans the records.
///
/// The split is then proved right: chunk 0 starts at the first record, and a
/// chunk whose scan ends exactly where the next chunk begins hands it a true
/// record start, so by induction every chunk read the records a sequential scan
/// reads, with the same fields. If any chunk's scan ends elsewhere (a stray
/// quote inside an unquoted field can fool the parity), found an error, or a
/// split point has odd quote parity, the chunks are discarded and pass 1 runs
/// sequentially — which also produces any error with its exact line. The
/// result never depends on the number of threads or chunks.
///
/// Line numbers are counted within each chunk and shifted by the lines of the
/// chunks before; rows are moved down over the unused capacity of earlier
/// chunks. A memory-mapped file's pages are released as each sweep finishes
/// with a chunk (`InputBytes.release`), so resident memory stays near the
/// columns' size whatever the file's.
extension CSVParse {
    /// Pass 1 over chunks on all cores; `nil` when the input is small, one
    /// thread was asked for, or the chunks could not be proved right (then the
    /// caller scans sequentially).
    func parallelPassOne(wanted: [Bool]) throws -> PassOne? {
        let threads = options.threads ?? ParallelLoop.coreCount
        let length = count - dataStart
        guard threads > 1, length >= options.parallelThreshold else { return nil }
        // 32 chunks a thread (at most 32 MB, at least 1 MB): chunks are handed
        // out as threads come free, so the last one to finish runs alone for
        // at most a 32nd of a thread's share.
        let target = options.chunkBytes ?? Swift.min(32 << 20, Swift.max(1 << 20, length / (threads * 32)))
        let bounds = chunkBounds(target: Swift.max(1, target))
        let chunks = bounds.count - 1
        guard chunks > 1 else { return nil }

        // Sweep 1: line breaks (LF, and CR not before LF) and quotes per chunk.
        let breaks = UnsafeMutablePointer<Int>.allocate(capacity: chunks)
        let quotes = UnsafeMutablePointer<Int>.allocate(capacity: chunks)
        defer { breaks.deallocate(); quotes.deallocate() }
        let shared = UncheckedSendable((self, breaks, quotes))
        ParallelLoop.run(chunks, threads: threads) { c in
            let (parse, breaks, quotes) = shared.value
            let (b, q) = parse.countBreaksAndQuotes(bounds[c], bounds[c + 1])
            breaks[c] = b
            quotes[c] = q
            parse.source?.release(bounds[c], bounds[c + 1])
        }
        var parity = 0
        for c in 0..<chunks - 1 {
            parity += quotes[c]
            if parity % 2 != 0 { return nil }
        }
        // Every chunk but the last ends just after a line break, so each record
        // that starts in it holds one of its line breaks (its own end, or one
        // inside a quoted field that runs on): at most `breaks` records. The
        // last chunk may end in a record with no line break after it. With
        // these bounds the rows of consecutive chunks usually meet exactly and
        // the join below moves nothing.
        var offsets = [Int](repeating: 0, count: chunks + 1)
        for c in 0..<chunks { offsets[c + 1] = offsets[c] + breaks[c] + (c == chunks - 1 ? 1 : 0) }

        // Sweep 2: the records, each chunk with its own numeric flags.
        let columnCount = names.count
        return try PassOne.filling(wanted: wanted, capacity: offsets[chunks]) { pass in
            let flags = UnsafeMutablePointer<Bool>.allocate(capacity: chunks * Swift.max(columnCount, 1))
            for c in 0..<chunks { for k in 0..<columnCount { (flags + c * columnCount + k).initialize(to: wanted[k]) } }
            let scans = UnsafeMutablePointer<RecordScan?>.allocate(capacity: chunks)
            scans.initialize(repeating: nil, count: chunks)
            defer {
                flags.deallocate()
                scans.deinitialize(count: chunks)
                scans.deallocate()
            }
            let work = UncheckedSendable((self, pass, flags, scans))
            ParallelLoop.run(chunks, threads: threads) { c in
                let (parse, pass, flags, scans) = work.value
                scans[c] = try? parse.scanRecords(
                    from: bounds[c], to: bounds[c + 1], firstLine: c == 0 ? parse.dataLine : 0, firstRow: offsets[c],
                    numeric: flags + c * columnCount, into: pass)
                parse.source?.release(bounds[c], bounds[c + 1])
            }
            for c in 0..<chunks {
                guard let scan = scans[c], scan.endPosition == bounds[c + 1],
                    scan.rows <= offsets[c + 1] - offsets[c]
                else { return nil }
            }

            // Join: rows moved down, lines made absolute, flags and findings combined.
            var row = 0
            var line = dataLine
            for c in 0..<chunks {
                guard let scan = scans[c] else { return nil }
                let from = offsets[c]
                if from != row {
                    for k in 0..<columnCount where wanted[k] {
                        (pass.values[k] + row).update(from: pass.values[k] + from, count: scan.rows)
                    }
                    (pass.lines + row).update(from: pass.lines + from, count: scan.rows)
                }
                if c > 0 {
                    let shift = Int32(truncatingIfNeeded: line)
                    for r in row..<row + scan.rows { pass.lines[r] &+= shift }
                }
                for k in 0..<columnCount where !flags[c * columnCount + k] { pass.numeric[k] = false }
                if scan.irregularLines { pass.irregularLines = true }
                for (k, r) in scan.literalNaN { pass.literalNaN.append((k, r - from + row)) }
                row += scan.rows
                line += scan.lines
            }
            pass.chunks = chunks
            return row
        }
    }

    /// Chunk boundaries: `dataStart`, then every `target` bytes the offset
    /// just after the next line break, then `count`.
    private func chunkBounds(target: Int) -> [Int] {
        var bounds = [dataStart]
        var p = dataStart + target
        while p < count {
            var i = p
            while i < count && base[i] != 0x0A && base[i] != 0x0D { i += 1 }
            if i + 1 < count && base[i] == 0x0D && base[i + 1] == 0x0A { i += 1 }
            i += 1
            if i >= count { break }
            bounds.append(i)
            p = i + target
        }
        bounds.append(count)
        return bounds
    }

    /// Line breaks (LF, and CR not followed by LF) and `"` bytes in `[start, end)`.
    ///
    /// Sixteen bytes at a time: a lane-wise comparison with `\n` (and `"`)
    /// gives −1 in the matching lanes, subtracted into sixteen byte-sized
    /// counters that are added up every 255 vectors (before they can wrap).
    /// A vector holding a CR is counted byte by byte (a CR counts only when no
    /// LF follows it). About three times the speed of a word-at-a-time count.
    func countBreaksAndQuotes(_ start: Int, _ end: Int) -> (Int, Int) {
        var breaks = 0
        var quotes = 0
        @inline(__always) func countByte(_ i: Int) {
            let c = base[i]
            if c <= 0x22 {
                if c == 0x0A {
                    breaks += 1
                } else if c == 0x0D {
                    if i + 1 >= count || base[i + 1] != 0x0A { breaks += 1 }
                } else if c == 0x22 {
                    quotes += 1
                }
            }
        }
        let raw = UnsafeRawPointer(base)
        let lf = SIMD16<UInt8>(repeating: 0x0A), quote = SIMD16<UInt8>(repeating: 0x22)
        let cr = SIMD16<UInt8>(repeating: 0x0D), zero = SIMD16<UInt8>(repeating: 0)
        var i = start
        while i + 16 <= end {
            let vectors = Swift.min(255, (end - i) / 16)
            var lfLanes = zero, quoteLanes = zero
            for _ in 0..<vectors {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                if any(v .== cr) {
                    for k in i..<(i + 16) { countByte(k) }
                } else {
                    lfLanes &-= unsafeBitCast(v .== lf, to: SIMD16<UInt8>.self)
                    quoteLanes &-= unsafeBitCast(v .== quote, to: SIMD16<UInt8>.self)
                }
                i += 16
            }
            for lane in 0..<16 {
                breaks += Int(lfLanes[lane])
                quotes += Int(quoteLanes[lane])
            }
        }
        while i < end {
            countByte(i)
            i += 1
        }
        return (breaks, quotes)
    }
}
