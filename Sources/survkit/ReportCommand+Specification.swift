import ArgumentParser
import Foundation
import SurvivalKit

/// An analysis file: every key optional (the command line may supply it).
private struct AnalysisFile: Decodable {
    var time: String?
    var status: String?
    var group: String?
    var covariates: [String]?
    var strata: String?
    var timeUnit: String?
    var times: [Double]?
    var title: String?
    var reference: [String: String]?
    var eventTime: String?
    var eventStatus: String?
    var recurrences: String?
    var recurrenceId: String?
    var recurrenceStart: String?
    var recurrenceStop: String?
    var recurrenceEvent: String?
    var rateEvents: String?
    var ratePersonTime: String?
    var ratePer: Double?
    var recurrenceGroup: String?

    enum CodingKeys: String, CodingKey {
        case time, status, group, covariates, strata, times, title, reference, recurrences
        case timeUnit = "time_unit"
        case eventTime = "event_time"
        case eventStatus = "event_status"
        case recurrenceId = "recurrence_id"
        case recurrenceStart = "recurrence_start"
        case recurrenceStop = "recurrence_stop"
        case recurrenceEvent = "recurrence_event"
        case rateEvents = "rate_events"
        case ratePersonTime = "rate_person_time"
        case ratePer = "rate_per"
        case recurrenceGroup = "recurrence_group"
    }
}

extension ReportCommand {
    /// The analysis: the --analysis file, overridden by command-line options.
    func specification() throws -> ReportSpecification {
        var file = AnalysisFile()
        if let analysis {
            do {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: resolve(analysis)))
                file = try JSONDecoder().decode(AnalysisFile.self, from: bytes)
            } catch let error as DecodingError {
                throw AnalysisFailure(message: "\(analysis): not a valid analysis file (\(Self.describe(error))).")
            } catch {
                throw AnalysisFailure(message: "\(analysis): cannot read the analysis file (\(error.localizedDescription)).")
            }
        }
        guard let time = time ?? file.time, let status = status ?? file.status else {
            throw ValidationError("report needs --time and --status (or \"time\" and \"status\" in --analysis).")
        }
        var reference = file.reference ?? [:]
        for (k, v) in try FrameLoader.references(references) { reference[k] = v }
        let covariateList = covariates.map(Self.splitTerms) ?? file.covariates ?? []
        let spec = ReportSpecification(
            time: time, status: status, group: group ?? file.group, covariates: covariateList,
            strata: strata ?? file.strata, timeUnit: timeUnit ?? file.timeUnit,
            times: times.flatMap { [Double](commaSeparated: $0) } ?? file.times ?? [],
            title: title ?? file.title, reference: reference,
            eventTime: eventTime ?? file.eventTime, eventStatus: eventStatus ?? file.eventStatus,
            recurrences: recurrences ?? file.recurrences, recurrenceId: recurrenceId ?? file.recurrenceId,
            recurrenceStart: recurrenceStart ?? file.recurrenceStart ?? "start",
            recurrenceStop: recurrenceStop ?? file.recurrenceStop ?? "stop",
            recurrenceEvent: recurrenceEvent ?? file.recurrenceEvent ?? "event",
            rateEvents: rateEvents ?? file.rateEvents, ratePersonTime: ratePersonTime ?? file.ratePersonTime,
            ratePer: ratePer ?? file.ratePer ?? 100, recurrenceGroup: recurrenceGroup ?? file.recurrenceGroup)
        try Self.checkRecurrenceOptions(spec)
        return spec
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
