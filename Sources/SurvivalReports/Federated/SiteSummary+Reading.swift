import CohortData

extension SiteSummary {
    /// Reads and validates a site summary document (docs/site-summary.md).
    ///
    /// - Throws: ``SiteSummaryError`` naming `file`, the JSON path, the value
    ///   found and what was expected: another format or version, a field of the
    ///   wrong type, levels out of order, a time off the declared grid, cells
    ///   out of order or duplicated, counts that are not whole numbers ≥ 1.
    public static func read(_ bytes: [UInt8], file: String) throws -> SiteSummary {
        let root: SiteJSON
        do { root = try SiteJSONParser.parse(bytes) } catch { throw SiteSummaryError("\(file): \(error.message)") }
        var r = Reader(file: file)
        return try r.summary(root)
    }

    /// Field-by-field reading with located errors.
    struct Reader {
        var file: String

        func fail(_ path: String, _ value: SiteJSON?, _ expected: String) -> SiteSummaryError {
            SiteSummaryError(file: file, path: path, value: value?.shown ?? "missing", expected: expected)
        }

        func field(_ object: SiteJSON, _ key: String, _ path: String) throws -> SiteJSON {
            guard let v = object[key] else { throw fail("\(path).\(key)", nil, "a value (the field is required)") }
            return v
        }

        func string(_ v: SiteJSON, _ path: String, _ expected: String = "a string") throws -> String {
            guard case .string(let s) = v else { throw fail(path, v, expected) }
            return s
        }

        func number(_ v: SiteJSON, _ path: String, _ expected: String = "a number") throws -> Double {
            guard case .number(let t) = v, let x = Double(t), x.isFinite else { throw fail(path, v, expected) }
            return x
        }

        func integer(_ v: SiteJSON, _ path: String, min: Int, _ expected: String) throws -> Int {
            guard case .number(let t) = v, let x = Double(t), x.isFinite, x == x.rounded(), x >= Double(min),
                x < 9_007_199_254_740_992
            else { throw fail(path, v, expected) }
            return Int(x)
        }

        func array(_ v: SiteJSON, _ path: String, count: Int? = nil) throws -> [SiteJSON] {
            guard case .array(let a) = v else { throw fail(path, v, count.map { "an array of \($0)" } ?? "an array") }
            if let count, a.count != count { throw fail(path, v, "an array of \(count) (one per cell, $.cells.n)") }
            return a
        }

        mutating func summary(_ root: SiteJSON) throws -> SiteSummary {
            guard case .object = root else { throw fail("$", root, "an object (a survkit site summary)") }
            let format = try field(root, "format", "$")
            guard case .string(SiteSummary.formatName) = format else {
                throw fail("$.format", format, SiteSummary.quoted(SiteSummary.formatName) + " (not a survkit site summary)")
            }
            let version = try field(root, "version", "$")
            guard case .number(let vt) = version, Double(vt) == Double(SiteSummary.currentVersion) else {
                throw fail(
                    "$.version", version,
                    "\(SiteSummary.currentVersion) (this survkit reads site-summary version \(SiteSummary.currentVersion);"
                        + " make the summary again with this survkit's site-summary, or pool with the survkit that wrote it)")
            }
            let site = try string(try field(root, "site", "$"), "$.site")
            let analysisValue = try field(root, "analysis", "$")
            guard case .string(let a) = analysisValue, let analysis = Analysis(rawValue: a) else {
                throw fail("$.analysis", analysisValue, "one of km, logrank, cif, rates, cox")
            }
            let formulaText = try string(try field(root, "formula", "$"), "$.formula")
            let formula: Formula
            do { formula = try Formula(formulaText) } catch {
                throw fail("$.formula", .string(formulaText), "a formula survkit parses (\(error))")
            }
            let expectedColumns: (time: String, status: String, others: [(name: String, role: SiteVariable.Role)])
            do { expectedColumns = try SiteSummary.columns(of: formula, analysis: analysis) } catch let e as SiteSummaryError {
                throw fail("$.formula", .string(formulaText), "a \(analysis.rawValue) formula (\(e.message))")
            }
            let variables = try self.variables(try field(root, "variables", "$"), expected: expectedColumns)
            let time = try timeAxis(try field(root, "time", "$"))
            let rows = try self.rows(try field(root, "rows", "$"))
            let cells = try self.cells(try field(root, "cells", "$"), variables: variables, time: time)
            let disclosure = try self.disclosure(root["disclosure"] ?? .null, cells: cells)
            let subjectsValue = try field(root, "subjects", "$")
            let total = cells.subjects.reduce(0, +)
            guard try integer(subjectsValue, "$.subjects", min: 0, "a whole number ≥ 0") == total else {
                throw fail("$.subjects", subjectsValue, "\(total), the sum of $.cells.subjects")
            }
            return SiteSummary(
                site: site, analysis: analysis, formula: formulaText, variables: variables, time: time, cells: cells,
                rows: rows, disclosure: disclosure)
        }

        func variables(
            _ v: SiteJSON, expected: (time: String, status: String, others: [(name: String, role: SiteVariable.Role)])
        ) throws -> [SiteVariable] {
            let items = try array(v, "$.variables")
            let wanted = [(expected.time, SiteVariable.Role.time), (expected.status, .status)] + expected.others
            guard items.count == wanted.count else {
                throw fail("$.variables", v, "an array of \(wanted.count): " + wanted.map(\.0).joined(separator: ", ")
                    + " (the columns of $.formula)")
            }
            var out: [SiteVariable] = []
            for (k, item) in items.enumerated() {
                let path = "$.variables[\(k)]"
                let name = try string(try field(item, "name", path), path + ".name")
                guard name == wanted[k].0 else {
                    throw fail(path + ".name", .string(name), SiteSummary.quoted(wanted[k].0) + " (the columns of $.formula in order)")
                }
                let roleValue = try field(item, "role", path)
                guard case .string(wanted[k].1.rawValue) = roleValue else {
                    throw fail(path + ".role", roleValue, SiteSummary.quoted(wanted[k].1.rawValue))
                }
                let typeValue = try field(item, "type", path)
                guard case .string(let type) = typeValue, type == "numeric" || type == "categorical" else {
                    throw fail(path + ".type", typeValue, "\"numeric\" or \"categorical\"")
                }
                if k == 0 {
                    guard type == "numeric" else { throw fail(path + ".type", typeValue, "\"numeric\" (the time)") }
                    out.append(SiteVariable(name: name, role: .time, levels: nil))
                    continue
                }
                let levelsValue = try field(item, "levels", path)
                let levelItems = try array(levelsValue, path + ".levels")
                guard !levelItems.isEmpty else { throw fail(path + ".levels", levelsValue, "at least one level") }
                if type == "numeric" {
                    var values: [Double] = []
                    for (j, l) in levelItems.enumerated() {
                        let x = try number(l, "\(path).levels[\(j)]", "a finite number (a numeric level)")
                        if let last = values.last, !(last < x) {
                            throw fail("\(path).levels[\(j)]", l, "a number greater than \(SiteSummary.number(last)) (levels ascending, distinct)")
                        }
                        values.append(x)
                    }
                    out.append(SiteVariable(name: name, role: wanted[k].1, levels: .numbers(values)))
                } else {
                    var values: [String] = []
                    for (j, l) in levelItems.enumerated() {
                        let s = try string(l, "\(path).levels[\(j)]", "a string (a categorical level)")
                        if let last = values.last, !Array(last.utf8).lexicographicallyPrecedes(Array(s.utf8)) {
                            throw fail("\(path).levels[\(j)]", l, "a level after \(SiteSummary.quoted(last)) (levels in byte order, distinct)")
                        }
                        values.append(s)
                    }
                    out.append(SiteVariable(name: name, role: wanted[k].1, levels: .text(values)))
                }
            }
            return out
        }

        func timeAxis(_ v: SiteJSON) throws -> SiteTimeAxis {
            guard case .object = v else { throw fail("$.time", v, "an object {unit, grid, grid_source}") }
            let unit = try string(try field(v, "unit", "$.time"), "$.time.unit")
            let gridValue = v["grid"] ?? .null
            let sourceValue = v["grid_source"] ?? .null
            var grid: [Double]?
            if gridValue != .null {
                var points: [Double] = []
                for (j, g) in try array(gridValue, "$.time.grid").enumerated() {
                    let x = try number(g, "$.time.grid[\(j)]", "a finite time ≥ 0")
                    guard x >= 0 else { throw fail("$.time.grid[\(j)]", g, "a finite time ≥ 0") }
                    if let last = points.last, !(last < x) {
                        throw fail("$.time.grid[\(j)]", g, "a time after \(SiteSummary.number(last)) (the grid increasing)")
                    }
                    points.append(x)
                }
                grid = points
            }
            var source: SiteTimeAxis.GridSource?
            if sourceValue != .null {
                guard case .string(let s) = sourceValue, let parsed = SiteTimeAxis.GridSource(rawValue: s) else {
                    throw fail("$.time.grid_source", sourceValue, "\"given\", \"min-cell\" or null")
                }
                source = parsed
            }
            if (grid == nil) != (source == nil) {
                throw fail("$.time.grid_source", sourceValue, grid == nil ? "null (there is no grid)" : "\"given\" or \"min-cell\" (there is a grid)")
            }
            return SiteTimeAxis(unit: unit, grid: grid, gridSource: source)
        }

        func rows(_ v: SiteJSON) throws -> RowAccounting {
            guard case .object = v else { throw fail("$.rows", v, "an object {read, used, excluded_by_subset, dropped}") }
            let read = try integer(try field(v, "read", "$.rows"), "$.rows.read", min: 0, "a whole number ≥ 0")
            let used = try integer(try field(v, "used", "$.rows"), "$.rows.used", min: 0, "a whole number ≥ 0")
            var out = RowAccounting(read: read, used: used)
            if let e = v["excluded_by_subset"] {
                out.excludedBySubset = try integer(e, "$.rows.excluded_by_subset", min: 0, "a whole number ≥ 0")
            }
            if case .object(let entries)? = v["dropped"] {
                for (key, value) in entries {
                    out.dropped[key] = try integer(value, "$.rows.dropped.\(key)", min: 0, "a whole number ≥ 0")
                }
            }
            return out
        }

        func cells(_ v: SiteJSON, variables: [SiteVariable], time: SiteTimeAxis) throws -> SiteCells {
            guard case .object = v else { throw fail("$.cells", v, "an object {n, subjects, values}") }
            let n = try integer(try field(v, "n", "$.cells"), "$.cells.n", min: 0, "a whole number ≥ 0")
            var subjects: [Int] = []
            for (k, s) in try array(try field(v, "subjects", "$.cells"), "$.cells.subjects", count: n).enumerated() {
                subjects.append(try integer(s, "$.cells.subjects[\(k)]", min: 1, "a whole number ≥ 1 (subjects in the cell)"))
            }
            let values = try field(v, "values", "$.cells")
            guard case .object(let columns) = values else { throw fail("$.cells.values", values, "an object, one array per variable") }
            if let extra = columns.first(where: { key in !variables.contains { $0.name == key.0 } }) {
                throw fail("$.cells.values.\(extra.0)", extra.1, "no such column (the variables are "
                    + variables.map(\.name).joined(separator: ", ") + ")")
            }
            let timePath = "$.cells.values.\(variables[0].name)"
            var times: [Double] = []
            let grid = time.grid.map(Set.init)
            for (k, t) in try array(try field(values, variables[0].name, "$.cells.values"), timePath, count: n).enumerated() {
                let x = try number(t, "\(timePath)[\(k)]", "a finite time ≥ 0")
                guard x >= 0 else { throw fail("\(timePath)[\(k)]", t, "a finite time ≥ 0") }
                if let grid, !grid.contains(x) {
                    throw fail("\(timePath)[\(k)]", t, "a time on the declared grid $.time.grid")
                }
                times.append(x)
            }
            var codes: [[Int]] = []
            for variable in variables.dropFirst() {
                let path = "$.cells.values.\(variable.name)"
                let count = variable.levels?.count ?? 0
                var c: [Int] = []
                for (k, x) in try array(try field(values, variable.name, "$.cells.values"), path, count: n).enumerated() {
                    c.append(try integer(x, "\(path)[\(k)]", min: 0, "a level index 0…\(count - 1)"))
                    if c[k] >= count { throw fail("\(path)[\(k)]", x, "a level index 0…\(count - 1) (of $.variables' levels)") }
                }
                codes.append(c)
            }
            let cells = SiteCells(time: times, codes: codes, subjects: subjects)
            for k in 1..<max(1, n) where SiteCells.compare(k - 1, k, time: times, codes: codes) >= 0 {
                throw fail(
                    "$.cells[\(k)]", .number("\(k)"),
                    "a cell after cell \(k - 1) (cells strictly increasing by pattern, time, status: none duplicated)")
            }
            return cells
        }

        func disclosure(_ v: SiteJSON, cells: SiteCells) throws -> SiteDisclosure? {
            if v == .null { return nil }
            guard case .object = v else { throw fail("$.disclosure", v, "an object or null") }
            let p = "$.disclosure"
            func count(_ key: String, min: Int = 0) throws -> Int {
                try integer(try field(v, key, p), "\(p).\(key)", min: min, "a whole number ≥ \(min)")
            }
            var d = SiteDisclosure(
                minCell: try count("min_cell", min: 1), timesMerged: try count("times_merged"),
                cellsBefore: try count("cells_before"), cellsAfter: try count("cells_after"),
                cellsSuppressed: try count("cells_suppressed"), subjectsSuppressed: try count("subjects_suppressed"))
            if let method = v["method"] { d.method = try string(method, "\(p).method") }
            if let k = cells.subjects.firstIndex(where: { $0 < d.minCell }) {
                throw fail("$.cells.subjects[\(k)]", .number("\(cells.subjects[k])"), "at least \(d.minCell) ($.disclosure.min_cell)")
            }
            if let c = v["change"], c != .null {
                let statistic = try string(try field(c, "statistic", "\(p).change"), "\(p).change.statistic")
                let value = try number(try field(c, "value", "\(p).change"), "\(p).change.value")
                var details: [String: Double] = [:]
                if case .object(let entries)? = c["details"] {
                    for (key, x) in entries { details[key] = try number(x, "\(p).change.details.\(key)") }
                }
                var lost: [String] = []
                if let l = c["groups_lost"] {
                    for (j, x) in try array(l, "\(p).change.groups_lost").enumerated() {
                        lost.append(try string(x, "\(p).change.groups_lost[\(j)]"))
                    }
                }
                d.change = SiteEstimateChange(statistic: statistic, value: value, details: details, groupsLost: lost)
            }
            return d
        }
    }
}
