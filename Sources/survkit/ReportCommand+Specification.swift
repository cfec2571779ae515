import ArgumentParser
import Foundation
import SurvivalKit

extension ReportCommand {
    /// The analysis: the --analysis file, overridden by command-line options.
    func specification() throws -> ReportSpecification {
        var spec: ReportSpecification
        if let analysis {
            spec = try analysisFile(analysis)
        } else {
            guard let time, let status else { throw Self.needsTimeAndStatus }
            spec = ReportSpecification(time: time, status: status)
        }
        if let time { spec.time = time }
        if let status { spec.status = status }
        if let group { spec.group = group }
        if let covariates { spec.covariates = Self.splitTerms(covariates) }
        if let strata { spec.strata = strata }
        if let timeUnit { spec.timeUnit = timeUnit }
        if let values = times.flatMap({ [Double](commaSeparated: $0) }) { spec.times = values }
        if let title { spec.title = title }
        for (k, v) in try FrameLoader.references(references) { spec.reference[k] = v }
        if let eventTime { spec.eventTime = eventTime }
        if let eventStatus { spec.eventStatus = eventStatus }
        if let recurrences { spec.recurrences = recurrences }
        if let recurrenceId { spec.recurrenceId = recurrenceId }
        if let recurrenceStart { spec.recurrenceStart = recurrenceStart }
        if let recurrenceStop { spec.recurrenceStop = recurrenceStop }
        if let recurrenceEvent { spec.recurrenceEvent = recurrenceEvent }
        if let rateEvents { spec.rateEvents = rateEvents }
        if let ratePersonTime { spec.ratePersonTime = ratePersonTime }
        if let ratePer { spec.ratePer = ratePer }
        if let recurrenceGroup { spec.recurrenceGroup = recurrenceGroup }
        if let subset { spec.subset = subset }
        if strict { spec.strict = true }
        if let maxGroups { spec.maxGroups = maxGroups }
        if let landmark { spec.landmark = landmark }
        if !tdc.isEmpty { spec.timeDependent = tdc }
        models.apply(to: &spec)
        tableOne.apply(to: &spec)
        try ReportModelOptions.check(spec)
        _ = try CohortOptions.rowSubset(spec.subset)  // a subset that does not parse is a usage error
        try Self.checkRecurrenceOptions(spec)
        return spec
    }

    /// The usage error when neither the command line nor the file names the outcome.
    static var needsTimeAndStatus: ValidationError {
        ValidationError("report needs --time and --status (or \"time\" and \"status\" in --analysis).")
    }

    /// The --analysis file decoded as a `ReportSpecification` (its defaults for
    /// absent keys; an unknown key is a usage error). The specification requires `time` and
    /// `status`, but the file may leave them (absent or null) to the command line.
    func analysisFile(_ path: String) throws -> ReportSpecification {
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: resolve(path))) } catch {
            throw AnalysisFailure(message: "\(path): cannot read the analysis file (\(error.localizedDescription)).")
        }
        // An unknown key ("grup") would silently drop a section: a usage error with a suggestion.
        if let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] {
            let known = ReportSpecification.keys
            for key in object.keys.sorted() where !known.contains(key) {
                throw ValidationError(
                    "\(path): unknown key \"\(key)\" in the analysis file\(NearMatch.suggestion(key, among: known));"
                        + " the keys are " + known.map { "\"\($0)\"" }.joined(separator: ", ") + ".")
            }
        }
        let decoder = JSONDecoder()
        do {
            do {
                return try decoder.decode(ReportSpecification.self, from: bytes)
            } catch let error as DecodingError where Self.lacksTimeOrStatus(error) {
                // Fill them in from --time/--status and decode again. Without those,
                // a placeholder: the rest of the file is still checked (its errors
                // come first, as they always did), then the usage error.
                guard var object = try JSONSerialization.jsonObject(with: bytes) as? [String: Any] else { throw error }
                var unset = false
                for (key, value) in [("time", time), ("status", status)] where object[key] == nil || object[key] is NSNull {
                    object[key] = value ?? ""
                    if value == nil { unset = true }
                }
                let spec = try decoder.decode(ReportSpecification.self, from: JSONSerialization.data(withJSONObject: object))
                if unset { throw Self.needsTimeAndStatus }
                return spec
            }
        } catch let error as DecodingError {
            throw AnalysisFailure(message: "\(path): not a valid analysis file (\(Self.describe(error))).")
        }
    }

    /// Whether decoding failed for want of `time` or `status` (absent or null).
    static func lacksTimeOrStatus(_ error: DecodingError) -> Bool {
        let required: Set = ["time", "status"]
        switch error {
        case .keyNotFound(let key, let c): return c.codingPath.isEmpty && required.contains(key.stringValue)
        case .valueNotFound(_, let c): return c.codingPath.count == 1 && required.contains(c.codingPath[0].stringValue)
        default: return false
        }
    }

    /// The recurrence options come in pairs; each half alone is a usage error.
    static func checkRecurrenceOptions(_ spec: ReportSpecification) throws {
        if (spec.eventTime == nil) != (spec.eventStatus == nil) {
            throw ValidationError("--event-time and --event-status go together (the cumulative incidence section).")
        }
        if (spec.recurrences == nil) != (spec.recurrenceId == nil) {
            throw ValidationError("--recurrences and --recurrence-id go together (the mean cumulative function section).")
        }
        if (spec.rateEvents == nil) != (spec.ratePersonTime == nil) {
            throw ValidationError("--rate-events and --rate-person-time go together (the rates section).")
        }
        guard spec.ratePer > 0 && spec.ratePer.isFinite else {
            throw ValidationError("--rate-per must be a positive number.")
        }
    }

    /// `age, sex,factor(grade)` → terms, splitting at commas outside parentheses.
    static func splitTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth -= 1 }
            if ch == "," && depth == 0 {
                terms.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        terms.append(current)
        return terms.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "missing key \(key.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? c.debugDescription : "\(path): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
