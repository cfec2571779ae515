extension CSVParse {
    /// Pass 1 and, when needed, pass 2; builds the cohort.
    ///
    /// With a projection (`CSVOptions.columns`) only the columns it names are
    /// converted: the others start out as not numeric and are never set aside
    /// for pass 2, so the tokenizer only delimits their fields.
    mutating func readColumns() throws -> Cohort {
        let columnCount = names.count
        let wanted = names.map { options.columns?.contains($0) ?? true }
        let pass = try parallelPassOne(wanted: wanted) ?? sequentialPassOne(wanted: wanted)
        let numeric = pass.numeric, lines = pass.lines
        var irregularLines = pass.irregularLines
        let literalNaN = pass.literalNaN
        let rowCount = pass.rowCount
        if rowCount > 0 && Int(lines[0]) != 2 { irregularLines = true }

        // The columns read (all, or the projected ones), in file order.
        let read = (0..<columnCount).filter { wanted[$0] }
        var columns: [Column] = []
        columns.reserveCapacity(read.count)
        var textColumns: [Int] = []
        var textSlots: [Int] = []
        for k in read {
            if numeric[k] {
                columns.append(.numeric(pass.takeColumn(k)))
            } else {
                textSlots.append(columns.count)
                columns.append(.numeric([]))
                textColumns.append(k)
                pass.release(k)
            }
        }
        // Pass 1's buffers are freed before pass 2 allocates its own.
        let rowLines = irregularLines ? pass.takeLines() : nil
        if !textColumns.isEmpty {
            let text = try readTextColumns(textColumns, rowCount: rowCount)
            for (slot, column) in zip(textSlots, text) { columns[slot] = column }
        }
        let projected = read.count < columnCount
        var cohort = Cohort(
            fileName: fileName, names: read.map { names[$0] }, columns: columns, rowCount: rowCount,
            rowLines: rowLines, header: projected ? names : nil, filePositions: projected ? read : nil)
        cohort.readChunks = pass.chunks
        for (k, row) in literalNaN where numeric[k] { cohort.literalNaNRows[names[k], default: []].append(row) }
        return cohort
    }

    /// Pass 1 in one thread over the whole input.
    func sequentialPassOne(wanted: [Bool]) throws -> PassOne {
        // Upper bound on records: one per line break, plus a last unterminated line.
        let capacity = 1 + ByteScan.survey(base, count: count, from: dataStart, to: count).breaks
        let filled = try PassOne.filling(wanted: wanted, capacity: capacity) { pass in
            let scan = try scanRecords(
                from: dataStart, to: count, firstLine: dataLine, firstRow: 0, numeric: pass.numeric, into: pass)
            pass.irregularLines = scan.irregularLines
            pass.literalNaN = scan.literalNaN
            return scan.rows
        }
        // `fill` never gives up here; a pass with no rows is the fallback's shape.
        return filled ?? PassOne(wanted: wanted, capacity: 1)
    }

    /// Pass 1 over the records that start in bytes `[start, end)` (`start` at
    /// a record start; the last record may run past `end`): each record's
    /// fields are counted and the columns still flagged in `numeric` parsed
    /// into `pass.values` from row `firstRow` on, the record's physical line
    /// (counted from `firstLine`) into `pass.lines`.
    func scanRecords(
        from start: Int, to end: Int, firstLine: Int, firstRow: Int, numeric: UnsafeMutablePointer<Bool>,
        into pass: PassOne
    ) throws -> RecordScan {
        let columnCount = names.count
        let values = pass.values, lines = pass.lines
        let parser = NumberParser(decimalMark: options.decimal.byte)
        var tok = CSVTokenizer(base, count: count, delimiter: delimiter, start: start)
        tok.line = firstLine
        var field = CSVField()
        var scan = RecordScan()
        var row = firstRow
        var column = 0
        do {
            while tok.pos < end {
                if tok.skipBlankLine() {
                    scan.irregularLines = true
                    continue
                }
                let rowLine = tok.line
                lines[row] = Int32(truncatingIfNeeded: rowLine)
                column = 0
                while true {
                    // A number followed by a delimiter or line end (and not one of the
                    // --na tokens) is read in one pass.
                    if numeric[column], tok.pos < count, let (v, stop) = parser.scan(base, tok.pos, count),
                        stop == count || base[stop] == delimiter || base[stop] == 0x0A || base[stop] == 0x0D,
                        extraMissing.isEmpty || !isExtraMissing(tok.pos, stop)
                    {
                        values[column][row] = v
                        tok.pos = stop
                        tok.terminate(&field)
                    } else {
                        try tok.next(&field)
                        if numeric[column] {
                            let (s, e) = tok.trimmed(field)
                            if field.escaped {
                                numeric[column] = false
                            } else if isMissing(s, e) {
                                values[column][row] = .nan
                            } else if let v = parser.parse(base, s, e) {
                                values[column][row] = v
                                // A literal NaN is stored as NaN (= missing) but remembered: it is invalid data.
                                if v.isNaN { scan.literalNaN.append((column, row)) }
                            } else {
                                numeric[column] = false
                            }
                        }
                    }
                    column += 1
                    if field.endsRecord {
                        if column < columnCount {
                            throw raggedRow(
                                line: rowLine, column: column, "expected \(columnCount) fields, found \(column)")
                        }
                        break
                    }
                    if column == columnCount {
                        var found = column
                        repeat {
                            try tok.next(&field)
                            found += 1
                        } while !field.endsRecord
                        throw raggedRow(line: rowLine, column: nil, "expected \(columnCount) fields, found \(found)")
                    }
                }
                if tok.line != rowLine + 1 { scan.irregularLines = true }
                row += 1
            }
        } catch let error as CSVScanError {
            throw scanError(error, column: column)
        }
        scan.rows = row - firstRow
        scan.endPosition = tok.pos
        scan.lines = tok.line - firstLine
        return scan
    }

    /// A ragged-row error; when another delimiter gives every record the same
    /// number of fields, the message suggests it.
    private func raggedRow(line: Int, column: Int?, _ message: String) -> CohortError {
        var message = message
        let start = count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        if let (other, fields) = DelimiterDetection.consistentAlternative(
            base, count: count, start: start, excluding: delimiter, decimal: options.decimal)
        {
            message += "; every row has \(fields) fields with --delimiter \(other.shown)"
        }
        return CohortError(
            .raggedRow, file: fileName, line: line, column: column.map { names[$0] },
            columnPosition: column.map { $0 + 1 }, message: message)
    }

    /// Pass 2: the columns that are not all numbers → date or categorical.
    private func readTextColumns(_ wanted: [Int], rowCount: Int) throws -> [Column] {
        let columnCount = names.count
        var slot = [Int](repeating: -1, count: columnCount)
        for (j, k) in wanted.enumerated() { slot[k] = j }
        var interners = [ByteInterner](repeating: ByteInterner(), count: wanted.count)
        var codes = [[Int32]](repeating: [Int32](repeating: -1, count: rowCount), count: wanted.count)
        // Day numbers are allocated for a column only once a value in it is a date.
        var days = [[Double]](repeating: [], count: wanted.count)
        var allDates = [Bool](repeating: true, count: wanted.count)
        var anyValue = [Bool](repeating: false, count: wanted.count)
        // With a --date-format pattern: the day numbers it gives, whether every
        // value has its shape, and the first value that has the shape but is no date.
        let pattern = datePattern
        var patternDays = pattern == nil ? [] : days
        var allPattern = [Bool](repeating: pattern != nil, count: wanted.count)
        var firstInvalid = [(line: Int, value: String, reason: String)?](repeating: nil, count: wanted.count)

        var tok = CSVTokenizer(base, count: count, delimiter: delimiter, start: dataStart)
        tok.line = dataLine
        var field = CSVField()
        var row = 0
        var released = dataStart  // a mapped file's pages before this offset are handed back
        do {
            while !tok.atEnd {
                if tok.pos - released >= 64 << 20 {
                    source?.release(released, tok.pos)
                    released = tok.pos
                }
                if tok.skipBlankLine() { continue }
                let rowLine = tok.line
                var column = 0
                repeat {
                    try tok.next(&field)
                    let j = slot[column]
                    column += 1
                    if j < 0 { continue }
                    let (s, e) = tok.trimmed(field)
                    if !field.escaped && isMissing(s, e) { continue }
                    anyValue[j] = true
                    if field.escaped {
                        allDates[j] = false
                        allPattern[j] = false
                        let bytes = CSVTokenizer.unescape(UnsafeBufferPointer(start: base + s, count: e - s))
                        codes[j][row] = bytes.withUnsafeBufferPointer { b in
                            guard let p = b.baseAddress else { return interners[j].intern(base, s, s) }
                            return interners[j].intern(p, 0, b.count)
                        }
                        continue
                    }
                    if allDates[j] {
                        if let d = ISODate.parse(base, s, e) {
                            if days[j].isEmpty { days[j] = [Double](repeating: .nan, count: rowCount) }
                            days[j][row] = Double(d)
                        } else {
                            allDates[j] = false
                        }
                    }
                    if allPattern[j], let pattern {
                        switch pattern.match(base, s, e) {
                        case .date(let d):
                            if patternDays[j].isEmpty { patternDays[j] = [Double](repeating: .nan, count: rowCount) }
                            patternDays[j][row] = Double(d)
                        case .invalid(let reason):
                            if firstInvalid[j] == nil {
                                let value = String(decoding: UnsafeBufferPointer(start: base + s, count: e - s), as: UTF8.self)
                                firstInvalid[j] = (rowLine, value, reason)
                            }
                        case .noMatch:
                            allPattern[j] = false
                        }
                    }
                    codes[j][row] = interners[j].intern(base, s, e)
                } while !field.endsRecord
                row += 1
            }
        } catch {
            throw scanError(error, column: nil)
        }

        return try wanted.indices.map { j in
            if allPattern[j] && anyValue[j], let pattern {
                if let bad = firstInvalid[j] {
                    throw CohortError(
                        .invalidValue, file: fileName, line: bad.line, column: names[wanted[j]],
                        columnPosition: wanted[j] + 1,
                        message: "\"\(bad.value)\" is not a valid date (\(bad.reason)); expected a date like "
                            + "\(pattern.example) (--date-format \(pattern.text))")
                }
                return .date(patternDays[j])
            }
            if allDates[j] && anyValue[j] { return .date(days[j]) }
            return Self.sortedCategorical(codes: codes[j], levels: interners[j].strings())
        }
    }

    /// Recodes so that levels are in byte order.
    static func sortedCategorical(codes: [Int32], levels: [String]) -> Column {
        let order = levels.indices.sorted { levels[$0].utf8.lexicographicallyPrecedes(levels[$1].utf8) }
        var newCode = [Int32](repeating: -1, count: levels.count)
        for (rank, old) in order.enumerated() { newCode[old] = Int32(rank) }
        let recoded = codes.map { $0 < 0 ? $0 : newCode[Int($0)] }
        return .categorical(codes: recoded, levels: order.map { levels[$0] })
    }
}
