#if Postgres
import CohortData
import CohortDatabase
import Foundation
import SurvivalModels
import SurvivalTestSupport
import Testing
@testable import survkit

/// The test server: SURVKIT_PG_URL (a database the tests may create databases from).
/// Under CI the URL must be set: the tests then fail instead of being skipped.
enum TestServer {
    static let url: String? = ProcessInfo.processInfo.environment["SURVKIT_PG_URL"]
    static let isCI = ProcessInfo.processInfo.environment["CI"] != nil
}

/// Four databases made once for the suite: the whole cohort, and the three
/// sites A, B, C holding its rows by `site`; dropped when the tests exit.
final class TestDatabases: @unchecked Sendable {
    static let shared: Result<TestDatabases, any Error> = Result { try TestDatabases() }
    nonisolated(unsafe) static var created: [String] = []
    nonisolated(unsafe) static var admin: String = ""

    let cohort = TestCohort(n: 100_000)
    let folder: URL
    let csv: URL
    let whole: String
    var sites: [String] = []

    init() throws {
        guard let base = TestServer.url else { throw DatabaseError(.connection, "SURVKIT_PG_URL is not set") }
        let admin = try PostgresSession(url: DatabaseURL(base, environment: ProcessInfo.processInfo.environment))
        defer { admin.close() }
        let stem = "survkit_test_\(ProcessInfo.processInfo.processIdentifier)_\(Int(Date().timeIntervalSince1970))"
        Self.admin = base
        atexit { TestDatabases.dropAll() }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(stem)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        csv = folder.appendingPathComponent("cohort.csv")
        try cohort.csv().write(to: csv, atomically: true, encoding: .utf8)
        whole = try Self.load(admin: admin, base: base, name: stem + "_all", rows: cohort.rows)
        for s in ["A", "B", "C"] {
            sites.append(try Self.load(admin: admin, base: base, name: stem + "_site_\(s.lowercased())", rows: cohort.rows.filter { $0.site == s }))
        }
    }

    /// Creates database `name` with table `cohort` holding `rows`; returns its URL.
    static func load(admin: PostgresSession, base: String, name: String, rows: [TestCohort.Row]) throws -> String {
        try admin.execute("CREATE DATABASE \(name)")
        created.append(name)
        let url = try DatabaseURL(base, environment: ProcessInfo.processInfo.environment)
        var u = url
        u.database = name
        var text = base
        if let q = text.firstIndex(of: "?") { text = String(text[..<q]) }
        if let r = text.range(of: "/\(url.database)", options: .backwards) { text.replaceSubrange(r, with: "/\(name)") }
        let session = try PostgresSession(url: u)
        defer { session.close() }
        try session.execute("CREATE TABLE cohort (\(TestCohort.createColumns))")
        for statement in TestCohort(n: 0).inserts(table: "cohort", rows) { try session.execute(statement) }
        try session.execute("ANALYZE cohort")
        return text
    }

    static func dropAll() {
        guard let url = try? DatabaseURL(admin, environment: ProcessInfo.processInfo.environment),
            let session = try? PostgresSession(url: url)
        else { return }
        for name in created { try? session.execute("DROP DATABASE IF EXISTS \(name)") }
        session.close()
        created = []
    }

    static func get() throws -> TestDatabases { try shared.get() }
}

/// In-database analyses equal the in-memory fit of the same rows (issue 14):
/// every number of the JSON output to 1e-10, the rows accounting included.
@Suite(.serialized, .enabled(if: TestServer.url != nil || TestServer.isCI))
struct InDatabaseAnalysisTests {
    /// Runs survkit in-process; returns its JSON.
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("survkit-db-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        var command = try Survkit.parseAsRoot(arguments + ["--format", "json", "--output", out.path])
        try command.run()
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: out))
        return object as? [String: Any] ?? [:]
    }

    /// Differences of `database` against `memory` (every key of the database output
    /// but `input` must be in the in-memory output and agree).
    static func differences(_ database: [String: Any], _ memory: [String: Any], bothWays: Bool = true) -> [String] {
        var comparison = JSONComparison(relative: 1e-10, absolute: 1e-12, requireAllActualKeys: bothWays)
        comparison.ignoredKeys = ["input"]
        return comparison.differences(expected: database, actual: memory)
    }

    /// The largest relative difference of the numbers of `a` found in `b` (for the report).
    static func worstRelativeDifference(_ a: Any, _ b: Any?) -> Double {
        switch a {
        case let x as [String: Any]:
            guard let y = b as? [String: Any] else { return 0 }
            return x.filter { $0.key != "input" }.map { worstRelativeDifference($0.value, y[$0.key]) }.max() ?? 0
        case let x as [Any]:
            guard let y = b as? [Any] else { return 0 }
            return zip(x, y).map { worstRelativeDifference($0, $1) }.max() ?? 0
        case let x as NSNumber where !(a is Bool):
            guard let y = b as? NSNumber else { return 0 }
            let u = x.doubleValue, v = y.doubleValue
            return u == v ? 0 : abs(u - v) / max(abs(v), 1e-300)
        default:
            return 0
        }
    }

    func check(_ command: String, _ options: [String], bothWays: Bool = true) throws {
        let db = try TestDatabases.get()
        let memory = try Self.json([command, db.csv.path] + options)
        let database = try Self.json([command, "--db", db.whole, "--db-table", "cohort"] + options)
        let diff = Self.differences(database, memory, bothWays: bothWays)
        #expect(diff.isEmpty, "\(command) \(options): \(diff.prefix(10))")
        print("agreement \(command) \(options.joined(separator: " ")): worst relative difference \(Self.worstRelativeDifference(database, memory))")
        let input = database["input"] as? [String: Any]
        #expect(input?["format"] as? String == "postgres")
        #expect(input?["table"] as? String == "cohort")
        #expect((input?["queries"] as? Int ?? 0) >= 2)
        #expect((input?["bytes_received"] as? Int ?? 0) > 0)
        #expect((input?["database"] as? String)?.hasPrefix("postgres://") == true)
        // The NULLs dropped some rows, and the accounting says how many.
        if let rows = memory["rows"] as? [String: Any], let dropped = rows["dropped"] as? [String: Any], !dropped.isEmpty {
            #expect((database["rows"] as? [String: Any])?["used"] as? Int == rows["used"] as? Int)
        }
    }

    @Test func serverIsConfiguredUnderCI() {
        #expect(TestServer.url != nil, "SURVKIT_PG_URL must be set (CI starts a PostgreSQL for these tests)")
    }

    @Test func kaplanMeierCurvesInTheDatabaseEqualTheCSVFit() throws {
        try check("km", ["--formula", "Surv(time, status) ~ arm + strata(region)", "--times", "100,365,730"])
    }

    @Test func logRankInTheDatabaseEqualsTheCSVTest() throws {
        try check("logrank", ["--formula", "Surv(time, status) ~ factor(grade) + strata(region)"])
    }

    @Test func cumulativeIncidenceInTheDatabaseEqualsTheCSVFit() throws {
        try check("cif", ["--formula", "Surv(time, cause) ~ arm"])
    }

    @Test func ratesInTheDatabaseEqualTheCSVRates() throws {
        try check("rates", ["--events", "events", "--person-time", "pt", "--by", "arm"])
    }

    @Test(arguments: ["efron", "breslow"])
    func coxWithCategoricalCovariatesByGroupByEqualsTheCSVFit(ties: String) throws {
        try check("cox", ["--formula", "Surv(time, status) ~ arm + factor(grade) + strata(region)", "--ties", ties])
    }

    @Test(arguments: ["efron", "breslow"])
    func coxWithContinuousCovariatesByIterationEqualsTheCSVFit(ties: String) throws {
        // The iterated fit has no concordance: compare the keys it has.
        try check(
            "cox", ["--formula", "Surv(time, status) ~ age + x + sex + arm + factor(grade) + strata(region)", "--ties", ties],
            bothWays: false)
    }

    @Test(arguments: ["common", "stratified"])
    func coxOverThreeSitesEqualsTheFitOfTheirUnion(baseline: String) throws {
        let db = try TestDatabases.get()
        let strata = baseline == "common" ? "strata(region)" : "strata(region, site)"
        let memory = try Self.json(["cox", db.csv.path, "--formula", "Surv(time, status) ~ age + x + arm + \(strata)"])
        let pooled = try Self.json([
            "cox", "--sites", db.sites.joined(separator: ","), "--db-table", "cohort",
            "--formula", "Surv(time, status) ~ age + x + arm + strata(region)", "--site-baseline", baseline,
        ])
        let diff = Self.differences(pooled, memory, bothWays: false)
        #expect(diff.isEmpty, "\(baseline): \(diff.prefix(10))")
        print("agreement cox --sites (\(baseline)): worst relative difference \(Self.worstRelativeDifference(pooled, memory))")
        let input = pooled["input"] as? [String: Any]
        #expect((input?["database"] as? String)?.split(separator: ",").count == 3)
    }

    @Test(arguments: [false, true])
    func poolOverTheSitesDatabasesEqualsCoxSites(siteStrata: Bool) throws {
        let db = try TestDatabases.get()
        let formula = "Surv(time, status) ~ age + x + arm + factor(grade) + strata(region)"
        let viaCox = try Self.json([
            "cox", "--sites", db.sites.joined(separator: ","), "--db-table", "cohort", "--formula", formula,
            "--site-baseline", siteStrata ? "stratified" : "common",
        ])
        let viaPool = try Self.json(
            ["pool", "--analysis", "cox", "--sites", db.sites.joined(separator: ","), "--db-table", "cohort",
             "--formula", formula] + (siteStrata ? ["--site-strata"] : []))
        // The same federated fit: every key equal (the query count included).
        let diff = Self.differences(viaPool, viaCox)
        #expect(diff.isEmpty, "\(diff.prefix(10))")
        let memory = try Self.json([
            "cox", db.csv.path, "--formula", siteStrata ? formula.replacingOccurrences(
                of: "strata(region)", with: "strata(region, site)") : formula,
        ])
        let againstRows = Self.differences(viaPool, memory, bothWays: false)
        #expect(againstRows.isEmpty, "\(againstRows.prefix(10))")
    }

    @Test func aTablesOwnCountsColumnIsSummedAndEqualsTheExpandedRows() throws {
        let db = try TestDatabases.get()
        let url = try DatabaseURL(db.whole, environment: ProcessInfo.processInfo.environment)
        let session = try PostgresSession(url: url)
        defer { session.close() }
        try session.execute(
            "CREATE TABLE IF NOT EXISTS compressed AS SELECT arm, region, time, status, COUNT(*) AS w"
                + " FROM cohort GROUP BY arm, region, time, status")
        let formula = "Surv(time, status) ~ arm + strata(region)"
        let rowsFit = try Self.json(["km", db.csv.path, "--formula", formula])
        let counted = try Self.json(["km", "--db", db.whole, "--db-table", "compressed", "--counts", "w", "--formula", formula])
        var comparison = JSONComparison(relative: 1e-10, absolute: 1e-12, requireAllActualKeys: true)
        // Fewer rows stand for the same subjects: the row counts differ, the subjects agree.
        comparison.ignoredKeys = ["input", "rows", "warnings", "n_dropped_missing"]
        let diff = comparison.differences(expected: counted, actual: rowsFit)
        #expect(diff.isEmpty, "\(diff.prefix(10))")
        let rows = counted["rows"] as? [String: Any]
        #expect(rows?["subjects"] as? Int == (rowsFit["rows"] as? [String: Any])?["used"] as? Int)
        #expect((counted["input"] as? [String: Any])?["counts"] as? String == "w")
    }

    @Test func anUnknownColumnOrTableIsALocatedError() throws {
        let db = try TestDatabases.get()
        #expect(throws: AnalysisFailure.self) {
            try Self.json(["km", "--db", db.whole, "--db-table", "cohort", "--formula", "Surv(time, status) ~ Arm"])
        }
        do {
            _ = try Self.json(["km", "--db", db.whole, "--db-table", "nosuch", "--formula", "Surv(time, status) ~ arm"])
            Issue.record("no error for a missing table")
        } catch let e as AnalysisFailure {
            #expect(e.message.contains("nosuch"))
        }
    }

    @Test func aDerivedTermIsRefusedWithAViewSuggestion() throws {
        let db = try TestDatabases.get()
        do {
            _ = try Self.json(["cox", "--db", db.whole, "--db-table", "cohort", "--formula", "Surv(time, status) ~ log(age)"])
            Issue.record("log(age) translated")
        } catch let e as AnalysisFailure {
            #expect(e.message.contains("CREATE VIEW"))
        }
    }
}
#endif
