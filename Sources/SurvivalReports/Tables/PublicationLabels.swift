import Foundation

/// Variable and value labels for publication tables (`--labels FILE.json`):
/// the label of a column (`grade` → "Tumour grade") and of its levels
/// (`grade`: `3` → "Grade 3"). The file is one JSON object with two optional
/// members, each keyed by the data column's name as the formula writes it:
///
///     {
///       "variables": {"grade": "Tumour grade", "age": "Age (years)"},
///       "levels": {"grade": {"1": "Grade 1", "2": "Grade 2", "3": "Grade 3"},
///                  "margin": {"R0": "R0 (clear)"}}
///     }
///
/// A level is keyed by its spelling in the table without labels (`1`, `R0`,
/// the value label of a Stata/SPSS file); a column or level the file does not
/// name keeps its own name. Labels may name columns a model does not use (one
/// file serves every model of a study). Variable labels of a Stata, SPSS or
/// SAS file (`Cohort.variableLabels`) apply where the labels file names none
/// (``merging(fileLabels:)``).
public struct PublicationLabels: Sendable, Equatable {
    /// Column name → label.
    public var variables: [String: String]
    /// Column name → (level → label).
    public var levels: [String: [String: String]]

    public init(variables: [String: String] = [:], levels: [String: [String: String]] = [:]) {
        self.variables = variables
        self.levels = levels
    }

    /// No labels: every column and level keeps its name.
    public static let none = PublicationLabels()

    /// The label of a column (its name when there is none).
    public func variableLabel(_ column: String) -> String { variables[column] ?? column }

    /// The label of a level of a column (the level when there is none).
    public func levelLabel(_ column: String, _ level: String) -> String { levels[column]?[level] ?? level }

    /// These labels with `fileLabels` (a statistical file's variable labels)
    /// for the columns these do not label.
    public func merging(fileLabels: [String: String]) -> PublicationLabels {
        var out = self
        for (column, label) in fileLabels where out.variables[column] == nil && !label.isEmpty {
            out.variables[column] = label
        }
        return out
    }

    /// A labels file that is not of the documented form: the member at fault and what was found.
    public struct FormatError: Error, Sendable, Equatable {
        public var message: String
    }

    /// Parses a labels file. Errors name the member at fault
    /// (`levels.grade."1": expected a string, found a number`) and say how the
    /// file must look.
    public init(json data: Data) throws(FormatError) {
        let form = "the file must be {\"variables\": {\"col\": \"Label\"}, \"levels\": {\"col\": {\"level\": \"Label\"}}}"
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw FormatError(message: "not valid JSON (\(Self.reason(error))); \(form)")
        }
        guard let top = object as? [String: Any] else {
            throw FormatError(message: "expected a JSON object at the top, found \(Self.kind(object)); \(form)")
        }
        for key in top.keys.sorted() where key != "variables" && key != "levels" {
            throw FormatError(message: "unknown member \"\(key)\" (only \"variables\" and \"levels\"); \(form)")
        }
        var variables: [String: String] = [:]
        if let value = top["variables"] {
            guard let members = value as? [String: Any] else {
                throw FormatError(message: "variables: expected an object of column → label, found \(Self.kind(value))")
            }
            for (column, label) in members {
                guard let text = label as? String else {
                    throw FormatError(message: "variables.\(Self.quoted(column)): expected a string, found \(Self.kind(label))")
                }
                variables[column] = text
            }
        }
        var levels: [String: [String: String]] = [:]
        if let value = top["levels"] {
            guard let members = value as? [String: Any] else {
                throw FormatError(message: "levels: expected an object of column → {level → label}, found \(Self.kind(value))")
            }
            for (column, map) in members {
                guard let pairs = map as? [String: Any] else {
                    throw FormatError(message: "levels.\(Self.quoted(column)): expected an object of level → label, found \(Self.kind(map))")
                }
                var labels: [String: String] = [:]
                for (level, label) in pairs {
                    guard let text = label as? String else {
                        throw FormatError(message: "levels.\(Self.quoted(column)).\(Self.quoted(level)): expected a string, found \(Self.kind(label))")
                    }
                    labels[level] = text
                }
                levels[column] = labels
            }
        }
        self.init(variables: variables, levels: levels)
    }

    /// A member name as written in a path: bare when it is a plain identifier, else quoted.
    static func quoted(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "."
        } && !(name.first?.isNumber ?? true)
        return plain ? name : "\"\(name)\""
    }

    static func kind(_ value: Any) -> String {
        switch value {
        case is String: return "a string"
        case is NSNull: return "null"
        case let n as NSNumber: return String(cString: n.objCType) == "c" ? "a boolean" : "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "a value"
        }
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}
