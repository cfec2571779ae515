import ArgumentParser
import Foundation
import SurvivalKit

// The library's closed sets of values, read directly from the command line:
// the raw values are the accepted spellings, and `allValueStrings` lists them
// in the help and in the error for any other value (a usage error, exit 2).

extension ReportFormat: ExpressibleByArgument {}
extension ConfidenceType: ExpressibleByArgument {}
extension RelativeSurvivalMethod: ExpressibleByArgument {}
extension ZPHTransform: ExpressibleByArgument {}
extension CoxPredictionReference: ExpressibleByArgument {}
extension RecurrentEventsModel: ExpressibleByArgument {}
extension SurvregDistribution: ExpressibleByArgument {}

extension CoxTies: ExpressibleByArgument {}
extension ValueLabelMode: ExpressibleByArgument {}

extension CSVOptions.Delimiter: ExpressibleByArgument {
    // init?(argument:) is the library's own: `,` `;` `tab` `|` (also `comma`,
    // `semicolon`, `pipe`, a literal tab or `\t`).

    /// The spelling shown in the help and in reproducing commands (`tab`, not a literal tab).
    public var defaultValueDescription: String { self == .tab ? "tab" : rawValue }

    public static var allValueStrings: [String] { allCases.map(\.defaultValueDescription) }

    public static var allValueDescriptions: [String: String] {
        [",": "comma", ";": "semicolon", "tab": "tab character", "|": "vertical bar"]
    }
}

extension CSVOptions.DecimalMark: ExpressibleByArgument {
    // init?(argument:) is the library's own: `.` or `,` (also `point`, `dot`, `comma`).
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension TextEncoding: ExpressibleByArgument {
    // init?(argument:) is the library's own (also `utf8`, `iso-8859-1`, `cp1252`, ...).
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension DateFormat: ExpressibleByArgument {
    // init?(argument:) is the library's own: `excel` or a %d/%m/%Y-style pattern.
    public var defaultValueDescription: String { description }
}

/// The residuals `survkit cox --residuals` can add, as R's `residuals.coxph(type =)`.
enum ResidualKind: String, CaseIterable, ExpressibleByArgument {
    case martingale, deviance, score, schoenfeld
    case scaledSchoenfeld = "scaled-schoenfeld"
    case dfbeta
}

/// A comma-separated list of values, e.g. `--residuals martingale,deviance`.
/// Blanks around an entry and empty entries are ignored; an entry that is not
/// a valid `Element` is a usage error naming it and the valid values.
struct CommaSeparated<Element: ExpressibleByArgument> {
    var values: [Element]

    /// Parses `text`; the transform of an `@Option` (its error is reported with the option).
    init(parsing text: String) throws {
        values = try text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { entry in
                guard let value = Element(argument: entry) else {
                    let valid = Element.allValueStrings.joined(separator: ", ")
                    throw ValidationError("unknown value '\(entry)'; choose from \(valid).")
                }
                return value
            }
    }
}
