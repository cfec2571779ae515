import CohortData
import CohortDatabase
import Testing

/// SQL generation and URL parsing: built and run without the Postgres trait.
struct SQLGenerationTests {
    @Test func postgresURLParsesUserHostPortDatabaseAndHidesThePassword() throws {
        let url = try DatabaseURL("postgres://alice:s3cr%40t@db.example:6543/registry")
        #expect(url.user == "alice")
        #expect(url.password == "s3cr@t")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.database == "registry")
        #expect(url.redacted == "postgres://alice@db.example:6543/registry")
        #expect(!url.description.contains("s3cr"))
    }

    @Test func passwordComesFromPGPASSWORDWhenTheURLHasNone() throws {
        let url = try DatabaseURL("postgresql://bob@127.0.0.1/db", environment: ["PGPASSWORD": "pw"])
        #expect(url.password == "pw")
        #expect(url.port == 5432)
    }

    @Test func malformedURLsAreRefusedWithoutEchoingThePassword() {
        for bad in ["mysql://a@b/c", "postgres://a:secret@host", "postgres://a@host:99999/db", "postgres://@h/db"] {
            do {
                _ = try DatabaseURL(bad)
                Issue.record("\(bad) parsed")
            } catch let e as DatabaseError {
                #expect(e.kind == .invalidURL)
                #expect(!e.message.contains("secret"))
            } catch { Issue.record("\(error)") }
        }
    }

    @Test func identifiersAreQuotedPerDialectAndTablesMayBeSchemaQualified() throws {
        #expect(SQLDialect.postgres.quote("we\"ird") == "\"we\"\"ird\"")
        #expect(SQLDialect.spark.quote("a`b") == "`a``b`")
        #expect(try SQLDialect.postgres.quoteTable("reg.cohort") == "\"reg\".\"cohort\"")
        #expect(try SQLDialect.spark.quoteTable("cohort") == "`cohort`")
        #expect(throws: DatabaseError.self) { try SQLDialect.ansi.quoteTable("reg..x") }
    }

    @Test func doubleLiteralsRoundTrip() throws {
        for x in [0.1, -1.0 / 3.0, 1e-300, 123456789.123456789, 5e-324] {
            let lit = try SQLDialect.postgres.literal(x)
            let inner = lit.dropFirst("CAST(".count).prefix { $0 != " " }
            #expect(Double(String(inner)) == x)
        }
        #expect(throws: DatabaseError.self) { try SQLDialect.postgres.literal(Double.nan) }
    }

    @Test func groupingQueryGroupsTheUsedColumnsAndCountsSubjects() throws {
        let plan = try SQLAnalysisPlan(
            analysis: .km, formula: Formula("Surv(time, status) ~ arm + strata(site)"), counts: nil,
            kinds: ["time": .numeric, "status": .numeric, "arm": .text, "site": .text])
        let q = try SQLQueryBuilder(dialect: .postgres, plan: plan, table: "public.cohort")
        #expect(q.groupingQuery.contains("COUNT(*) AS \"n\""))
        #expect(q.groupingQuery.contains("CAST(\"arm\" AS TEXT) AS \"arm\""))
        #expect(q.groupingQuery.contains("FROM \"public\".\"cohort\""))
        #expect(q.groupingQuery.contains("WHERE \"time\" IS NOT NULL AND \"status\" IS NOT NULL AND \"arm\" IS NOT NULL AND \"site\" IS NOT NULL"))
        let counted = try SQLAnalysisPlan(
            analysis: .km, formula: Formula("Surv(time, status) ~ n"), counts: "w", kinds: [:])
        let q2 = try SQLQueryBuilder(dialect: .spark, plan: counted, table: "t")
        #expect(q2.countAlias == "n_")
        #expect(q2.groupingQuery.contains("SUM(CAST(`w` AS DOUBLE)) AS `n_`"))
    }

    @Test func untranslatableFormulasAreRefusedWithAViewSuggestion() throws {
        for f in [
            "Surv(time, status) ~ log(age)", "Surv(start, stop, status) ~ x", "Surv(time, status == 2) ~ x",
            "Surv(time, status) ~ ns(age, df = 3)", "Surv(time, status) ~ x + cluster(id)",
        ] {
            do {
                _ = try SQLAnalysisPlan(analysis: .cox, formula: Formula(f), counts: nil)
                Issue.record("\(f) translated")
            } catch let e as DatabaseError {
                #expect(e.kind == .untranslatable)
                #expect(e.message.contains("CREATE VIEW"))
            }
        }
        // An interaction is fine for a grouping analysis, not for an iterated Cox model.
        _ = try SQLAnalysisPlan(analysis: .km, formula: Formula("Surv(time, status) ~ a:b"), counts: nil)
        #expect(throws: DatabaseError.self) {
            try SQLAnalysisPlan(analysis: .cox, formula: Formula("Surv(time, status) ~ age * sex"), counts: nil)
        }
    }

    @Test func coxNeedsIterationOnlyWithANumericCovariate() throws {
        let kinds: [String: SQLColumnKind] = ["time": .numeric, "status": .numeric, "arm": .text, "age": .numeric, "g": .numeric]
        #expect(try !SQLAnalysisPlan(analysis: .cox, formula: Formula("Surv(time, status) ~ arm + factor(g)"), counts: nil, kinds: kinds).needsIteration)
        #expect(try SQLAnalysisPlan(analysis: .cox, formula: Formula("Surv(time, status) ~ arm + age"), counts: nil, kinds: kinds).needsIteration)
    }

    @Test func iterationQueryInlinesBetaAndMeansAndPacksTheLowerTriangle() throws {
        let plan = try SQLAnalysisPlan(
            analysis: .cox, formula: Formula("Surv(time, status) ~ age + x + strata(site)"), counts: nil,
            kinds: ["time": .numeric, "status": .numeric, "age": .numeric, "x": .numeric, "site": .text])
        let q = try SQLQueryBuilder(dialect: .postgres, plan: plan, table: "t")
        let sql = try q.coxTimeSumsQuery(
            design: q.numericDesign(["age", "x"]), event: .number(1), beta: [0.25, -1e-3], means: [61.5, 0])
        #expect(sql.contains("CAST(0.25 AS DOUBLE PRECISION) * (CAST(\"age\" AS DOUBLE PRECISION) - CAST(61.5 AS DOUBLE PRECISION))"))
        #expect(sql.contains("CAST(-0.001 AS DOUBLE PRECISION)"))
        #expect(sql.contains("SUM(r * z_1 * z_0) AS risk_xx_1_0"))
        #expect(!sql.contains("risk_xx_0_1"))
        #expect(sql.contains("GROUP BY s_0, t"))
    }

    @Test func eventCodeFollowsRsSurvCoding() {
        #expect(SQLEventCode.of(numbers: [0, 1]) == .number(1))
        #expect(SQLEventCode.of(numbers: [1, 2]) == .number(2))
        #expect(SQLEventCode.of(numbers: [0, 1, 2]) == nil)
    }

    #if !Postgres
    @Test func aBuildWithoutThePostgresTraitSaysHowToGetIt() throws {
        do {
            _ = try DatabaseConnector.connect(DatabaseURL("postgres://u@127.0.0.1/db"))
            Issue.record("connected without the trait")
        } catch let e as DatabaseError {
            #expect(e.kind == .unavailable)
            #expect(e.message.contains("swift build --traits Postgres"))
            #expect(e.message.contains("survkit sql"))
        }
    }
    #endif
}
