import CohortData

extension SiteSummary {
    /// The summary as its JSON document (docs/site-summary.md): objects one
    /// key a line, the cells' columns each on one line (compact), numbers in
    /// Swift's shortest round-trip text (a time reads back as the same double).
    public var jsonText: String {
        var out = "{\n"
        var fields: [(String, String)] = [
            ("format", Self.quoted(Self.formatName)),
            ("version", "\(Self.currentVersion)"),
            ("site", Self.quoted(site)),
            ("analysis", Self.quoted(analysis.rawValue)),
            ("formula", Self.quoted(formula)),
            ("subjects", "\(subjects)"),
            ("rows", Self.rowsJSON(rows)),
        ]
        let variableLines = variables.map { v -> String in
            var parts = ["\"name\": \(Self.quoted(v.name))", "\"role\": \(Self.quoted(v.role.rawValue))",
                         "\"type\": \(Self.quoted(v.typeName))"]
            switch v.levels {
            case .numbers(let values)?: parts.append("\"levels\": [\(values.map(Self.number).joined(separator: ", "))]")
            case .text(let values)?: parts.append("\"levels\": [\(values.map(Self.quoted).joined(separator: ", "))]")
            case nil: break
            }
            return "    {" + parts.joined(separator: ", ") + "}"
        }
        fields.append(("variables", "[\n" + variableLines.joined(separator: ",\n") + "\n  ]"))
        let grid = time.grid.map { "[" + $0.map(Self.number).joined(separator: ", ") + "]" } ?? "null"
        fields.append((
            "time",
            "{\"unit\": \(Self.quoted(time.unit)), \"grid\": \(grid), \"grid_source\": "
                + (time.gridSource.map { Self.quoted($0.rawValue) } ?? "null") + "}"
        ))
        var columns = ["      \(Self.quoted(variables[0].name)): [" + cells.time.map(Self.number).joined(separator: ",") + "]"]
        for (j, v) in variables.dropFirst().enumerated() {
            columns.append("      \(Self.quoted(v.name)): [" + cells.codes[j].map { "\($0)" }.joined(separator: ",") + "]")
        }
        fields.append((
            "cells",
            "{\n    \"n\": \(cells.count),\n    \"subjects\": [" + cells.subjects.map { "\($0)" }.joined(separator: ",")
                + "],\n    \"values\": {\n" + columns.joined(separator: ",\n") + "\n    }\n  }"
        ))
        fields.append(("disclosure", disclosure.map(Self.disclosureJSON) ?? "null"))
        out += fields.map { "  \(Self.quoted($0.0)): \($0.1)" }.joined(separator: ",\n")
        return out + "\n}\n"
    }

    static func rowsJSON(_ rows: RowAccounting) -> String {
        let dropped = rows.dropped.sorted { $0.key < $1.key }.map { "\(quoted($0.key)): \($0.value)" }
        return "{\"read\": \(rows.read), \"used\": \(rows.used), \"excluded_by_subset\": \(rows.excludedBySubset),"
            + " \"dropped\": {" + dropped.joined(separator: ", ") + "}}"
    }

    static func disclosureJSON(_ d: SiteDisclosure) -> String {
        var lines = [
            "\"min_cell\": \(d.minCell)", "\"method\": \(quoted(d.method))", "\"times_merged\": \(d.timesMerged)",
            "\"cells_before\": \(d.cellsBefore)", "\"cells_after\": \(d.cellsAfter)",
            "\"cells_suppressed\": \(d.cellsSuppressed)", "\"subjects_suppressed\": \(d.subjectsSuppressed)",
        ]
        if let c = d.change {
            let details = c.details.sorted { $0.key < $1.key }.map { "\(quoted($0.key)): \(number($0.value))" }
            lines.append(
                "\"change\": {\"statistic\": \(quoted(c.statistic)), \"value\": \(number(c.value)), \"details\": {"
                    + details.joined(separator: ", ") + "}, \"groups_lost\": ["
                    + c.groupsLost.map(quoted).joined(separator: ", ") + "]}")
        } else {
            lines.append("\"change\": null")
        }
        return "{\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n  }"
    }

    /// A finite double in Swift's shortest round-trip text (`12.0`, `0.1`, `1e-05`); `null` otherwise.
    static func number(_ x: Double) -> String {
        x.isFinite ? "\(x)" : "null"
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String { JSONStringLiteral.of(s) }
}
