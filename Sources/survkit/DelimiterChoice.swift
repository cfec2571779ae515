import ArgumentParser
import Foundation
import SurvivalKit

/// `--delimiter`: `auto` (detect it from the file) or a given delimiter.
enum DelimiterChoice: Equatable, ExpressibleByArgument {
    case auto
    case fixed(CSVOptions.Delimiter)

    init?(argument: String) {
        if argument == "auto" {
            self = .auto
        } else if let d = CSVOptions.Delimiter(argument: argument) {
            self = .fixed(d)
        } else {
            return nil
        }
    }

    var defaultValueDescription: String {
        switch self {
        case .auto: return "auto"
        case .fixed(let d): return d.defaultValueDescription
        }
    }

    static var allValueStrings: [String] { ["auto"] + CSVOptions.Delimiter.allValueStrings }
}

extension InputOptions {
    /// The stderr line saying which delimiter was detected in `data`, when it
    /// was detected (`--delimiter auto`) and is not a comma: comma files, by far
    /// the most common, read as before and stay silent. `nil` otherwise.
    func detectedDelimiterNote(_ cohort: Cohort, data: String) -> String? {
        guard delimiter == .auto, let used = cohort.input.delimiter, used != "," else { return nil }
        let shown = CSVOptions.Delimiter(rawValue: used)?.shown ?? "\"\(used)\""
        return "reading \(data == "-" ? "<stdin>" : data): delimiter \(shown) detected"
    }

    /// Writes `detectedDelimiterNote` to stderr.
    func noteDetectedDelimiter(_ cohort: Cohort, data: String) {
        guard let note = detectedDelimiterNote(cohort, data: data) else { return }
        FileHandle.standardError.write(Data((note + "\n").utf8))
    }
}
