/// Finds the field delimiter of a CSV file from its header and first records.
///
/// Each candidate — comma, semicolon, tab, `|`, in that order — tokenizes the
/// header and the first `sampleRecords` records (RFC 4180 quotes respected:
/// a delimiter inside quotes does not count). The first candidate that gives
/// the same field count, more than one, on all of them wins. When none is
/// consistent (a ragged row among the first records), the candidate with the
/// most header fields is taken, so that the error that follows names the
/// ragged row; a file with one column reads as comma-separated. With the
/// decimal comma (`--decimal ,`) a comma is taken for a decimal mark, never
/// detected as the delimiter, and a one-column file reads as semicolon-separated.
enum DelimiterDetection {
    static let candidates: [CSVOptions.Delimiter] = [.comma, .semicolon, .tab, .pipe]
    /// Records read after the header to decide.
    static let sampleRecords = 20

    /// The delimiter of the text `[start, count)` (`start` skips a byte order mark) whose numbers use `decimal`.
    static func detect(
        _ p: UnsafePointer<UInt8>, count n: Int, start: Int, decimal: CSVOptions.DecimalMark = .point
    ) -> CSVOptions.Delimiter {
        let candidates = decimal == .comma ? candidates.filter { $0 != .comma } : candidates
        var best: (delimiter: CSVOptions.Delimiter, fields: Int) = (candidates[0], 1)
        for candidate in candidates {
            guard let counts = fieldCounts(p, count: n, start: start, delimiter: candidate.byte,
                                           records: sampleRecords + 1),
                let header = counts.first
            else { continue }
            if header > 1 && counts.allSatisfy({ $0 == header }) { return candidate }
            if header > best.fields { best = (candidate, header) }
        }
        return best.delimiter
    }

    /// Another delimiter with which every record of the whole text has the
    /// header's field count (more than one), and that count; for the hint of a
    /// ragged-row error.
    static func consistentAlternative(
        _ p: UnsafePointer<UInt8>, count n: Int, start: Int, excluding used: UInt8,
        decimal: CSVOptions.DecimalMark = .point
    ) -> (delimiter: CSVOptions.Delimiter, fields: Int)? {
        for candidate in candidates where candidate.byte != used && !(decimal == .comma && candidate == .comma) {
            guard let counts = fieldCounts(
                p, count: n, start: start, delimiter: candidate.byte, records: .max, stopAtMismatch: true),
                let header = counts.first, header > 1, counts.allSatisfy({ $0 == header })
            else { continue }
            return (candidate, header)
        }
        return nil
    }

    /// The field count of each of the first `records` non-empty records
    /// (the header first); `nil` when the quotes are malformed. With
    /// `stopAtMismatch`, the counts end at the first record whose count differs
    /// from the header's.
    static func fieldCounts(
        _ p: UnsafePointer<UInt8>, count n: Int, start: Int, delimiter: UInt8, records: Int,
        stopAtMismatch: Bool = false
    ) -> [Int]? {
        var tok = CSVTokenizer(p, count: n, delimiter: delimiter, start: start)
        var field = CSVField()
        var counts: [Int] = []
        while !tok.atEnd && counts.count < records {
            if tok.skipBlankLine() { continue }
            var fields = 0
            repeat {
                do { try tok.next(&field) } catch { return nil }
                fields += 1
            } while !field.endsRecord
            counts.append(fields)
            if stopAtMismatch && fields != counts[0] { break }
        }
        return counts
    }
}
