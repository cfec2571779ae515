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
/// and the quotes of every chunk; a second one scans the records. The first
/// sweep is usually the encoding check's (`CSVInput`, `BreakCounts`): its
/// blocks, moved to record starts, are the chunks.
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
        var bounds: [Int]
        var breaks: [Int]
        var quotes: [Int]
        if options.chunkBytes == nil, let chunked = chunksFromBreakCounts() {
            // The encoding check counted the blocks: no sweep here.
            (bounds, breaks, quotes) = chunked
        } else {
            // 32 chunks a thread (at most 32 MB, at least 1 MB): chunks are handed
            // out as threads come free, so the last one to finish runs alone for
            // at most a 32nd of a thread's share.
            let target = options.chunkBytes ?? Swift.min(32 << 20, Swift.max(1 << 20, length / (threads * 32)))
            bounds = chunkBounds(target: Swift.max(1, target))
            let chunks = bounds.count - 1
            guard chunks > 1 else { return nil }
            // Sweep 1: line breaks (LF, and CR not before LF) and quotes per chunk.
            breaks = [Int](repeating: 0, count: chunks)
            quotes = breaks
            breaks.withUnsafeMutableBufferPointer { bp in
            quotes.withUnsafeMutableBufferPointer { qp in
                let shared = UncheckedSendable((self, bp, qp))
                ParallelLoop.run(chunks, threads: threads) { c in
                    let (parse, bp, qp) = shared.value
                    let survey = ByteScan.survey(parse.base, count: parse.count, from: bounds[c], to: bounds[c + 1])
                    bp[c] = survey.breaks
                    qp[c] = survey.quotes
                    parse.source?.release(bounds[c], bounds[c + 1])
                }
            }}
        }
        let chunks = bounds.count - 1
        guard chunks > 1 else { return nil }
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
            let i = afterLineBreak(from: p)
            if i >= count { break }
            bounds.append(i)
            p = i + target
        }
        bounds.append(count)
        return bounds
    }

    /// The offset just after the first line break (LF, CRLF or CR) at or after `p`.
    private func afterLineBreak(from p: Int) -> Int {
        var i = p
        while i < count && base[i] != 0x0A && base[i] != 0x0D { i += 1 }
        if i + 1 < count && base[i] == 0x0D && base[i + 1] == 0x0A { i += 1 }
        return i + 1
    }

    /// The chunks and their line break and quote counts from the encoding
    /// check's block counts (`BreakCounts`): chunk k starts just after the
    /// first line break at or after block k's start (chunk 0 at `dataStart`),
    /// and its counts are block k's, less those of `[block start, chunk
    /// start)`, plus those of `[next block start, next chunk start)` — short
    /// stretches of at most a line, counted here. `nil` when there are no
    /// counts, fewer than two blocks, or a record start is not inside its own
    /// block (lines longer than a block): then the chunks are counted anew.
    private func chunksFromBreakCounts() -> (bounds: [Int], breaks: [Int], quotes: [Int])? {
        guard let counts = breakCounts, counts.blockCount >= 2, counts.start <= dataStart,
            dataStart < counts.blockStart(1)
        else { return nil }
        // Chunk 0: block 0 without the header before `dataStart`.
        let header = ByteScan.survey(base, count: count, from: counts.start, to: dataStart)
        var bounds = [dataStart]
        var breaks = [counts.breaks[0] - header.breaks]
        var quotes = [counts.quotes[0] - header.quotes]
        for k in 1..<counts.blockCount {
            let startOfBlock = counts.blockStart(k)
            let bound = afterLineBreak(from: startOfBlock)
            if bound >= count {
                // The last block holds no record start: it ends the chunk before.
                breaks[breaks.count - 1] += counts.breaks[k]
                quotes[quotes.count - 1] += counts.quotes[k]
                break
            }
            guard let last = bounds.last, bound > last, bound < startOfBlock + counts.blockSize else { return nil }
            // Block k's bytes before its record start end the chunk before.
            let head = ByteScan.survey(base, count: count, from: startOfBlock, to: bound)
            breaks[breaks.count - 1] += head.breaks
            quotes[quotes.count - 1] += head.quotes
            bounds.append(bound)
            breaks.append(counts.breaks[k] - head.breaks)
            quotes.append(counts.quotes[k] - head.quotes)
        }
        bounds.append(count)
        return (bounds, breaks, quotes)
    }
}
