import CohortData
import PropertyBased
import SurvivalNumerics

/// One generated subject: a right-censored time, a status, a group, covariates and a case weight.
struct Subject: Sendable, Equatable {
    var time: Double
    /// 0 = censored, 1 = event (1, 2 = causes for competing-risks cohorts).
    var status: Int
    /// The group code, `0..<Cohort.groupCount`.
    var group: Int
    /// The covariates, `Cohort.covariateCount` of them.
    var x: [Double]
    /// An integer case weight, 1–4.
    var weight: Int
}

/// A small generated cohort. Its description is a CSV (header + one line per
/// subject) that can be pasted into a file and given to `survkit` or R, so a
/// shrunk failing case reads as data.
struct Cohort: Sendable, Equatable, CustomStringConvertible {
    var subjects: [Subject]
    var groupCount: Int
    var covariateCount: Int

    var count: Int { subjects.count }
    var events: Int { subjects.reduce(0) { $0 + ($1.status != 0 ? 1 : 0) } }

    var description: String {
        "\n" + csv + "(n = \(count), events = \(events), groups = \(groupCount))"
    }

    /// The cohort as a CSV file (header and one line per subject).
    var csv: String {
        let xs = (0..<covariateCount).map { "x\($0 + 1)" }
        var lines = [(["time", "status", "group"] + xs + ["w"]).joined(separator: ",")]
        for s in subjects {
            let fields = [Self.format(s.time), String(s.status), String(s.group)] + s.x.map(Self.format)
                + [String(s.weight)]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Shortest round-tripping text of a value (integers without ".0").
    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    }

    // MARK: Transformations

    /// The subjects in the given order.
    func reordered(_ order: [Int]) -> Cohort {
        var c = self
        c.subjects = order.map { subjects[$0] }
        return c
    }

    /// Every subject `weight` times, with weight 1 (the replicated data of integer case weights).
    func replicatedByWeight() -> Cohort {
        var c = self
        c.subjects = subjects.flatMap { s in
            var one = s
            one.weight = 1
            return Array(repeating: one, count: s.weight)
        }
        return c
    }

    /// Every subject twice, in the order 1, 1, 2, 2, ...
    func duplicated() -> Cohort {
        var c = self
        c.subjects = subjects.flatMap { [$0, $0] }
        return c
    }

    func withWeights(_ w: Int) -> Cohort {
        var c = self
        for i in c.subjects.indices { c.subjects[i].weight = w }
        return c
    }

    func mapTimes(_ f: (Double) -> Double) -> Cohort {
        var c = self
        for i in c.subjects.indices { c.subjects[i].time = f(c.subjects[i].time) }
        return c
    }

    func mapCovariate(_ j: Int, _ f: (Double) -> Double) -> Cohort {
        var c = self
        for i in c.subjects.indices { c.subjects[i].x[j] = f(c.subjects[i].x[j]) }
        return c
    }

    // MARK: Frames

    var response: SurvivalResponse {
        SurvivalResponse(stop: subjects.map(\.time), status: subjects.map(\.status))
    }

    var weightValues: [Double] { subjects.map { Double($0.weight) } }
    var hasUnitWeights: Bool { subjects.allSatisfy { $0.weight == 1 } }

    var grouping: Grouping {
        Grouping(codes: subjects.map(\.group), labels: (0..<groupCount).map { "group=\($0)" })
    }

    /// The frame of Kaplan–Meier, log-rank and cumulative incidence.
    /// - Parameters:
    ///   - grouped: split by `group` (`Surv(time, status) ~ group`) or not (`~ 1`).
    ///   - weighted: pass the case weights, or none (all 1).
    func groupingFrame(grouped: Bool, weighted: Bool) -> SurvivalGroupingFrame {
        SurvivalGroupingFrame(
            response: response, groups: grouped ? grouping : nil,
            weights: weighted ? weightValues : nil,
            rowIndex: Array(0..<count), rows: RowAccounting(read: count, used: count))
    }

    /// The Cox frame `Surv(time, status) ~ x1 + ... + xp`.
    func modelFrame(weighted: Bool) -> ModelFrame {
        let n = count, p = covariateCount
        var columnMajor = [Double](repeating: 0, count: n * p)
        for j in 0..<p {
            for i in 0..<n { columnMajor[j * n + i] = subjects[i].x[j] }
        }
        let names = (0..<p).map { "x\($0 + 1)" }
        return ModelFrame(
            response: response, design: Matrix(rows: n, columns: p, columnMajor: columnMajor),
            termNames: names, termOfColumn: names, strata: nil, cluster: nil, offset: nil,
            weights: weighted ? weightValues : nil, rowIndex: Array(0..<n),
            rows: RowAccounting(read: n, used: n), warnings: [])
    }
}

// MARK: - Generator

/// How the times of a cohort are drawn.
enum TimeKind: Int, CaseIterable, Sendable {
    /// Integers 1–3: nearly every time tied.
    case fewIntegers
    /// Integers 1–8: many ties.
    case integers
    /// Two decimals in (0, 10]: occasional ties.
    case rounded
    /// Continuous in (0, 10]: (almost surely) no ties.
    case continuous
}

/// How a covariate column is drawn.
enum CovariateKind: Int, CaseIterable, Sendable {
    case continuous, binary, smallInteger
}

/// The raw draws of one row, before the cohort's settings decide how to read them.
struct RawRow: Sendable {
    var integerTime: Int
    var continuousTime: Double
    var statusDraw: Double
    var groupDraw: Int
    var x: [Double]
    var smallIntegers: [Int]
    var weight: Int
}

/// The raw draws of a cohort's settings.
struct Settings: Sendable {
    var timeKind: TimeKind
    var eventRate: Double
    var groupCount: Int
    var covariateKinds: [CovariateKind]
}

/// Draws one cohort from a random state (the package's generator, type-erased).
struct CohortSource: Sendable {
    let generate: @Sendable (inout Xoshiro) -> Cohort
}

enum CohortGen {
    static let rows = zip(
        zip(Gen.int(in: 1...8), Gen.double(in: 0.01...10), Gen.double(in: 0...1), Gen.int(in: 0...5)),
        zip(Gen.double(in: -2...2).array(of: 3), Gen.int(in: 0...3).array(of: 3), Gen.int(in: 1...4))
    ).map { a, b in
        RawRow(
            integerTime: a.0, continuousTime: a.1, statusDraw: a.2, groupDraw: a.3,
            x: b.0, smallIntegers: b.1, weight: b.2)
    }

    static let settings = zip(
        Gen.int(in: 0...3), Gen.double(in: 0.3...0.95), Gen.int(in: 2...3),
        Gen.int(in: 0...2).array(of: 1...3)
    ).map { t, rate, g, kinds in
        Settings(
            timeKind: TimeKind(rawValue: t)!, eventRate: rate, groupCount: g,
            covariateKinds: kinds.map { CovariateKind(rawValue: $0)! })
    }

    /// Cohorts of `size` subjects with at least one event, 2–3 groups, 1–3 covariates, weights 1–4.
    /// - Parameter causes: the number of event types (2 gives competing-risks status 0/1/2).
    static func cohorts(size: ClosedRange<Int> = 5...60, causes: Int = 1) -> CohortSource {
        let generator = zip(settings, rows.array(of: size)).map { s, raw in
            build(settings: s, raw: raw, causes: causes)
        }
        return CohortSource { generator.run(using: &$0) }
    }

    static func build(settings s: Settings, raw: [RawRow], causes: Int) -> Cohort {
        var subjects = raw.map { r -> Subject in
            let time: Double
            switch s.timeKind {
            case .fewIntegers: time = Double((r.integerTime - 1) % 3 + 1)
            case .integers: time = Double(r.integerTime)
            case .rounded: time = max(0.01, (r.continuousTime * 100).rounded() / 100)
            case .continuous: time = r.continuousTime
            }
            var status = 0
            if r.statusDraw < s.eventRate {
                // Split the event draws evenly between the causes.
                status = 1 + min(causes - 1, Int(r.statusDraw / s.eventRate * Double(causes)))
            }
            let x = s.covariateKinds.enumerated().map { j, kind -> Double in
                switch kind {
                case .continuous: return (r.x[j] * 1000).rounded() / 1000
                case .binary: return Double(r.smallIntegers[j] % 2)
                case .smallInteger: return Double(r.smallIntegers[j])
                }
            }
            return Subject(time: time, status: status, group: r.groupDraw % s.groupCount, x: x, weight: r.weight)
        }
        // At least one event (of every cause), by construction.
        // The row taken is censored or not the only event of its cause.
        for c in 1...causes where !subjects.contains(where: { $0.status == c }) {
            let i = subjects.indices.first { i in
                subjects[i].status == 0 || subjects.filter { $0.status == subjects[i].status }.count > 1
            }!
            subjects[i].status = c
        }
        return Cohort(subjects: subjects, groupCount: s.groupCount, covariateCount: s.covariateKinds.count)
    }
}
