import Foundation
import PropertyBased
import Testing

/// Thrown by a property body for a case that legitimately cannot be checked
/// (e.g. the Cox fit does not converge); the driver counts it.
struct Skip: Error, CustomStringConvertible {
    var reason: String
    init(_ reason: String) { self.reason = reason }
    var description: String { reason }
}

/// Collects the failed comparisons of one case, so that a case can be
/// re-evaluated silently while it is shrunk.
struct Checker {
    var failures: [String] = []

    mutating func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { failures.append(message()) }
    }

    /// `|a − b| ≤ tol · max(1, |a|, |b|)`: relative for large values, absolute below 1.
    static func isClose(_ a: Double, _ b: Double, tol: Double) -> Bool {
        if a == b || (a.isNaN && b.isNaN) { return true }
        return abs(a - b) <= tol * max(1, abs(a), abs(b))
    }

    mutating func close(_ a: Double, _ b: Double, tol: Double, _ what: String) {
        if !Self.isClose(a, b, tol: tol) {
            failures.append("\(what): \(a) vs \(b) (difference \(a - b), tolerance \(tol) relative)")
        }
    }

    mutating func close(_ a: Double?, _ b: Double?, tol: Double, _ what: String) {
        switch (a, b) {
        case (nil, nil): return
        case (let x?, let y?): close(x, y, tol: tol, what)
        default: failures.append("\(what): \(String(describing: a)) vs \(String(describing: b))")
        }
    }

    mutating func close(_ a: [Double], _ b: [Double], tol: Double, _ what: String) {
        close(a.map(Optional.some), b.map(Optional.some), tol: tol, what)
    }

    /// Element by element; reports the first mismatch only.
    mutating func close(_ a: [Double?], _ b: [Double?], tol: Double, _ what: String) {
        guard a.count == b.count else {
            failures.append("\(what): \(a.count) values vs \(b.count)")
            return
        }
        for i in a.indices {
            let ok: Bool
            switch (a[i], b[i]) {
            case (nil, nil): ok = true
            case (let x?, let y?): ok = Self.isClose(x, y, tol: tol)
            default: ok = false
            }
            if !ok {
                failures.append(
                    "\(what)[\(i)]: \(String(describing: a[i])) vs \(String(describing: b[i])) (tolerance \(tol) relative)")
                return
            }
        }
    }
}

enum Outcome {
    case pass
    case skip(String)
    case fail([String])

    var isFailure: Bool {
        if case .fail = self { return true }
        return false
    }
}

/// A deterministic property check over generated cohorts.
///
/// `swift-property-based`'s `propertyCheck` draws every case from a fresh
/// system-random seed, so a CI run cannot be repeated; here case `i` of a
/// property is generated (by the package's generators) from a Xoshiro state
/// derived from the property's fixed `seed` and `i`, so every run checks the
/// same cases. A failing case is shrunk (rows removed, values simplified) and
/// reported as a CSV with the line that reruns exactly that case.
///
/// Environment overrides, for exploring beyond the committed seeds:
/// `SURVKIT_PROPERTY_SEED` (a UInt64, replaces every property's seed),
/// `SURVKIT_PROPERTY_COUNT` (cases per property), `SURVKIT_PROPERTY_CASE`
/// (run only that case index, to reproduce a reported failure),
/// `SURVKIT_PROPERTY_DUMP_SKIPS` (a directory: each skipped cohort is written
/// there as `<property>-<case>.csv`, to check the skip against R).
func checkProperty(
    _ name: String,
    seed: UInt64,
    count: Int,
    input: CohortSource,
    maxSkippedFraction: Double = 0.2,
    function: String = #function,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (Cohort, inout Checker) throws -> Void
) {
    let env = ProcessInfo.processInfo.environment
    let seed = env["SURVKIT_PROPERTY_SEED"].flatMap(UInt64.init) ?? seed
    let count = env["SURVKIT_PROPERTY_COUNT"].flatMap(Int.init) ?? count
    let only = env["SURVKIT_PROPERTY_CASE"].flatMap(Int.init)
    let cases = only.map { [$0] } ?? Array(0..<count)

    var skipped: [String: Int] = [:]
    var checked = 0
    for i in cases {
        var rng = caseGenerator(seed: seed, index: i)
        let cohort = input.generate(&rng)
        switch evaluate(cohort, body) {
        case .pass:
            checked += 1
        case .skip(let reason):
            skipped[reason, default: 0] += 1
            if let dir = env["SURVKIT_PROPERTY_DUMP_SKIPS"] {
                let file = URL(fileURLWithPath: dir).appendingPathComponent("\(name)-\(i).csv")
                try? cohort.csv.write(to: file, atomically: true, encoding: .utf8)
                print("skipped \(file.path): \(reason)")
            }
        case .fail(let failures):
            let (shrunk, steps, shrunkFailures) = shrink(cohort, failures: failures, body)
            Issue.record(
                """
                Property \(name) failed on case \(i) of seed \(seed).
                \(shrunkFailures.joined(separator: "\n"))
                Failing cohort (shrunk in \(steps) steps from n = \(cohort.count)):\(shrunk)
                Original case: \(failures.first ?? "")
                Rerun this case: SURVKIT_PROPERTY_SEED=\(seed) SURVKIT_PROPERTY_CASE=\(i) swift test --filter \(function.prefix { $0 != "(" })
                """,
                sourceLocation: sourceLocation)
            return
        }
    }
    let skips = skipped.values.reduce(0, +)
    let reasons = skipped.sorted { $0.value > $1.value }.map { "\($0.value)× \($0.key)" }.joined(separator: "; ")
    print("property \(name): \(cases.count) cases (seed \(seed)), \(checked) checked, \(skips) skipped\(skips > 0 ? ": " + reasons : "")")
    if only == nil && Double(skips) > maxSkippedFraction * Double(cases.count) {
        Issue.record(
            "Property \(name) skipped \(skips) of \(cases.count) cases (more than \(Int(maxSkippedFraction * 100))%): \(reasons)",
            sourceLocation: sourceLocation)
    }
}

func evaluate(_ cohort: Cohort, _ body: (Cohort, inout Checker) throws -> Void) -> Outcome {
    var checker = Checker()
    do {
        try body(cohort, &checker)
    } catch let skip as Skip {
        return .skip(skip.reason)
    } catch {
        return .fail(["threw \(type(of: error)): \(error)"])
    }
    return checker.failures.isEmpty ? .pass : .fail(checker.failures)
}

/// The Xoshiro state of case `index`: SplitMix64 over `seed` and `index`, so
/// neighbouring cases get unrelated states.
func caseGenerator(seed: UInt64, index: Int) -> Xoshiro {
    var state = seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03)
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    return Xoshiro(seed: (next(), next(), next(), next()))
}

// MARK: - Shrinking

/// Greedy shrinking: take the first simpler cohort that still fails, until none does
/// (or the evaluation budget is spent). A case that skips counts as not failing.
func shrink(
    _ cohort: Cohort, failures: [String], _ body: (Cohort, inout Checker) throws -> Void, budget: Int = 3000
) -> (Cohort, steps: Int, failures: [String]) {
    var current = cohort, currentFailures = failures
    var steps = 0, evaluations = 0
    var improved = true
    while improved && evaluations < budget {
        improved = false
        for candidate in shrinkCandidates(current) where candidate.count >= 2 && candidate.events >= 1 {
            evaluations += 1
            if evaluations > budget { break }
            if case .fail(let f) = evaluate(candidate, body) {
                current = candidate
                currentFailures = f
                steps += 1
                improved = true
                break
            }
        }
    }
    return (current, steps, currentFailures)
}

/// Simpler cohorts: fewer rows first (halves, quarters, single rows), then
/// fewer covariates and groups, then simpler values (weight 1, integer times,
/// covariates 0 or rounded, events censored).
func shrinkCandidates(_ c: Cohort) -> [Cohort] {
    var out: [Cohort] = []
    let n = c.count
    var chunk = n / 2
    while chunk >= 1 {
        var start = 0
        while start < n {
            var d = c
            d.subjects.removeSubrange(start..<min(n, start + chunk))
            out.append(d)
            start += chunk
        }
        chunk /= 2
    }
    if c.covariateCount > 1 {
        for j in 0..<c.covariateCount {
            var d = c
            d.covariateCount -= 1
            for i in d.subjects.indices { d.subjects[i].x.remove(at: j) }
            out.append(d)
        }
    }
    if c.groupCount > 2 {
        var d = c
        d.groupCount = 2
        for i in d.subjects.indices { d.subjects[i].group %= 2 }
        out.append(d)
    }
    for i in 0..<n {
        let s = c.subjects[i]
        var simpler: [Subject] = []
        if s.weight != 1 { var t = s; t.weight = 1; simpler.append(t) }
        if s.time != s.time.rounded(.up) { var t = s; t.time = s.time.rounded(.up); simpler.append(t) }
        if s.time > 1 { var t = s; t.time = (s.time / 2).rounded(.up); simpler.append(t) }
        for j in s.x.indices where s.x[j] != 0 {
            var t = s; t.x[j] = 0; simpler.append(t)
            if s.x[j] != s.x[j].rounded() { var r = s; r.x[j] = s.x[j].rounded(); simpler.append(r) }
        }
        if s.status != 0 { var t = s; t.status = 0; simpler.append(t) }
        if s.status > 1 { var t = s; t.status = 1; simpler.append(t) }
        if s.group != 0 { var t = s; t.group = 0; simpler.append(t) }
        for t in simpler {
            var d = c
            d.subjects[i] = t
            out.append(d)
        }
    }
    return out
}
