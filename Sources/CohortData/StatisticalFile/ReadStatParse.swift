import CReadStat

/// One ReadStat parse of a Stata, SPSS or SAS file: the C callbacks and the
/// state they fill. This is the only code that touches ReadStat.
///
/// ReadStat calls plain C function pointers, which cannot capture; the
/// parse passes itself as the `void *ctx` of `readstat_parse_*` (unretained,
/// kept alive for the call) and every callback gets it back from there. The
/// parse is synchronous and the callbacks run on the calling thread.
/// Callbacks cannot throw: a problem is stored in `failure` and the callback
/// returns `READSTAT_HANDLER_ABORT`.
final class ReadStatParse {
    private(set) var variables: [StatisticalVariable] = []
    private(set) var labelSets: [String: ValueLabelSet] = [:]
    /// The row count the file declares; `nil` when unknown (`.xpt`).
    private(set) var declaredRowCount: Int?
    /// Messages ReadStat passed to the error handler.
    private(set) var messages: [String] = []
    /// A problem found in a callback, which aborted the parse.
    private(set) var failure: String?

    private init() {}

    /// Parses `path` as `format`.
    ///
    /// - Throws: `CohortError(.io)` when the file cannot be opened or read,
    ///   `CohortError(.invalidValue)` when it is not a valid file of that format;
    ///   both name the file and carry ReadStat's error code and message.
    static func run(path: String, format: InputDescription.Format) throws -> ReadStatParse {
        let parse = ReadStatParse()
        guard let parser = readstat_parser_init() else {
            throw CohortError(.io, file: path, message: "cannot start the ReadStat parser (out of memory?)")
        }
        defer { readstat_parser_free(parser) }
        _ = readstat_set_metadata_handler(parser) { metadata, ctx in
            guard let parse = ReadStatParse.from(ctx), let metadata else { return ReadStatParse.abort }
            let rows = Int(readstat_get_row_count(metadata))
            parse.declaredRowCount = rows >= 0 ? rows : nil
            return ReadStatParse.ok
        }
        _ = readstat_set_variable_handler(parser) { _, variable, labelSet, ctx in
            guard let parse = ReadStatParse.from(ctx), let variable else { return ReadStatParse.abort }
            return parse.addVariable(variable, labelSet: labelSet)
        }
        _ = readstat_set_value_handler(parser) { row, variable, value, ctx in
            guard let parse = ReadStatParse.from(ctx), let variable else { return ReadStatParse.abort }
            return parse.addValue(value, row: Int(row), of: variable)
        }
        _ = readstat_set_value_label_handler(parser) { labelSet, value, label, ctx in
            guard let parse = ReadStatParse.from(ctx) else { return ReadStatParse.abort }
            guard let labelSet, let label else { return ReadStatParse.ok }
            parse.addLabel(String(cString: label), for: value, in: String(cString: labelSet))
            return ReadStatParse.ok
        }
        _ = readstat_set_error_handler(parser) { message, ctx in
            guard let parse = ReadStatParse.from(ctx), let message else { return }
            parse.messages.append(String(cString: message).trimmingTrailingNewlines())
        }

        let ctx = Unmanaged.passUnretained(parse).toOpaque()
        let rc = withExtendedLifetime(parse) { () -> readstat_error_t in
            switch format {
            case .dta: return readstat_parse_dta(parser, path, ctx)
            case .sav: return readstat_parse_sav(parser, path, ctx)
            case .sas7bdat: return readstat_parse_sas7bdat(parser, path, ctx)
            case .xpt: return readstat_parse_xport(parser, path, ctx)
            case .csv, .postgres: return READSTAT_ERROR_UNSUPPORTED_FILE_FORMAT_VERSION
            }
        }
        if let failure = parse.failure {
            throw CohortError(.invalidValue, file: path, message: failure)
        }
        guard rc == READSTAT_OK else { throw parse.error(rc, path: path, format: format) }
        return parse
    }

    // MARK: - Callbacks

    private static let ok = Int32(READSTAT_HANDLER_OK)
    private static let abort = Int32(READSTAT_HANDLER_ABORT)

    private static func from(_ ctx: UnsafeMutableRawPointer?) -> ReadStatParse? {
        ctx.map { Unmanaged<ReadStatParse>.fromOpaque($0).takeUnretainedValue() }
    }

    private func addVariable(_ variable: UnsafeMutablePointer<readstat_variable_t>, labelSet: UnsafePointer<CChar>?) -> Int32 {
        let index = Int(readstat_variable_get_index(variable))
        guard index == variables.count else {
            failure = "variable \(index + 1) arrived out of order (expected variable \(variables.count + 1)); the file may be damaged"
            return Self.abort
        }
        let name = readstat_variable_get_name(variable).map { String(cString: $0) } ?? ""
        let label = readstat_variable_get_label(variable).map { String(cString: $0) } ?? ""
        let isText = readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING
        var ranges: [ClosedRange<Double>] = []
        for i in 0..<readstat_variable_get_missing_ranges_count(variable) {
            let lo = readstat_variable_get_missing_range_lo(variable, i)
            let hi = readstat_variable_get_missing_range_hi(variable, i)
            guard readstat_value_type_class(lo) == READSTAT_TYPE_CLASS_NUMERIC else { continue }
            let a = readstat_double_value(lo), b = readstat_double_value(hi)
            if a <= b { ranges.append(a...b) }
        }
        var values = StatisticalVariable.Values.numbers([])
        if isText { values = .text(codes: [], levels: [], index: [:]) }
        if let rows = declaredRowCount { values.reserve(rows) }
        let set = labelSet.map { String(cString: $0) } ?? ""
        variables.append(StatisticalVariable(
            name: name.isEmpty ? "V\(index + 1)" : name,
            label: label.isEmpty ? nil : label,
            format: readstat_variable_get_format(variable).map { String(cString: $0) } ?? "",
            labelSet: set.isEmpty ? nil : set,
            missingRanges: ranges,
            values: values))
        return Self.ok
    }

    private func addValue(_ value: readstat_value_t, row: Int, of variable: UnsafeMutablePointer<readstat_variable_t>) -> Int32 {
        let k = Int(readstat_variable_get_index(variable))
        guard variables.indices.contains(k), variables[k].count == row else {
            failure = "row \(row + 1), variable \(k + 1): value out of order; the file may be damaged"
            return Self.abort
        }
        if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
            variables[k].append(text: readstat_string_value(value).map { String(cString: $0) } ?? "")
        } else if readstat_value_is_missing(value, variable) != 0 {
            variables[k].append(number: .nan)
        } else {
            variables[k].append(number: readstat_double_value(value))
        }
        return Self.ok
    }

    private func addLabel(_ label: String, for value: readstat_value_t, in set: String) {
        if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
            let key = readstat_string_value(value).map { String(cString: $0) } ?? ""
            labelSets[set, default: ValueLabelSet()].text[key] = label
        } else if readstat_value_is_system_missing(value) == 0 && readstat_value_is_tagged_missing(value) == 0 {
            labelSets[set, default: ValueLabelSet()].numbers[readstat_double_value(value)] = label
        }
    }

    // MARK: - Errors

    private func error(_ rc: readstat_error_t, path: String, format: InputDescription.Format) -> CohortError {
        let text = readstat_error_message(rc).map { String(cString: $0) } ?? "unknown error"
        var detail = "ReadStat error \(rc.rawValue): \(text)"
        if !messages.isEmpty { detail += " (" + messages.joined(separator: "; ") + ")" }
        switch rc {
        case READSTAT_ERROR_OPEN:
            return CohortError(.io, file: path, message: "cannot open the file (\(detail))")
        case READSTAT_ERROR_READ, READSTAT_ERROR_SEEK:
            return CohortError(
                .io, file: path, message: "cannot read the file; expected a complete \(format.displayName) file (\(detail))")
        default:
            return CohortError(
                .invalidValue, file: path,
                message: "not a readable \(format.displayName) file (\(detail))")
        }
    }
}

extension StatisticalVariable.Values {
    mutating func reserve(_ n: Int) {
        switch self {
        case .numbers(var v):
            self = .numbers([])
            v.reserveCapacity(n)
            self = .numbers(v)
        case .text(var codes, let levels, let index):
            self = .numbers([])
            codes.reserveCapacity(n)
            self = .text(codes: codes, levels: levels, index: index)
        }
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last.isNewline { s = s.dropLast() }
        return String(s)
    }
}
