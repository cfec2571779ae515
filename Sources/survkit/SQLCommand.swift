import ArgumentParser
import SurvivalKit

extension SQLDialect: ExpressibleByArgument {}
extension SQLAnalysis: ExpressibleByArgument {}

/// `survkit sql`: prints the SQL that `--db` runs, for engines survkit does not connect to.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print the SQL of an in-database analysis (PostgreSQL, Spark SQL or ANSI), to run elsewhere.",
        discussion: """
            The grouping query (km, logrank, cif, rates, and cox with categorical covariates) returns one row \
            per distinct combination of the used columns with its count n; saved as CSV it goes back in \
            with --counts n, e.g. survkit km groups.csv --counts n --formula "Surv(time, status) ~ arm". \
            Rows with NULL in a used column are left out (--query rows counts them). \
            Column kinds are not known without a database: the time, status and counts are cast to double \
            precision, --categorical columns to text, others are written as they are. \
            A cox model with a numeric covariate prints its moments query, the absolute-deviation query at \
            --means and the per-iteration sums at --beta and --means (zeros when not given; status 1 = event).

            Example: survkit sql --dialect spark --table cohort --analysis km --formula "Surv(time, status) ~ arm + strata(site)"
            """
    )

    @Option(help: "SQL dialect: postgres, spark or ansi.")
    var dialect: SQLDialect = .postgres

    @Option(help: "The table or view, optionally schema-qualified (schema.table).")
    var table: String

    @Option(help: "The analysis: km, logrank, cif, rates or cox.")
    var analysis: SQLAnalysis

    @Option(help: "The model formula (km, logrank, cif, cox), e.g. \"Surv(time, status) ~ arm + strata(site)\".")
    var formula: String?

    @Option(help: "rates: column of event counts.")
    var events: String?

    @Option(help: "rates: column of person-time.")
    var personTime: String?

    @Option(help: "rates: column whose levels define the groups.")
    var by: String?

    @Option(help: "Column of counts in the table (each row stands for that many subjects).")
    var counts: String?

    @Option(help: ArgumentHelp("Comma-separated columns that are text (cast to text; categorical in cox).", valueName: "cols"))
    var categorical: String?

    @Option(help: ArgumentHelp("Which query: grouping, rows (row and NULL counts), moments, deviations or iteration (cox with numeric covariates).", valueName: "query"))
    var query: String?

    @Option(help: ArgumentHelp("cox iteration: comma-separated coefficients β, one per covariate.", valueName: "b1,b2,..."))
    var beta: String?

    @Option(help: ArgumentHelp("cox iteration and deviations: comma-separated centring means, one per covariate.", valueName: "m1,m2,..."))
    var means: String?

    mutating func validate() throws {
        if analysis == .rates {
            guard events != nil, personTime != nil else { throw ValidationError("--analysis rates needs --events and --person-time.") }
            if formula != nil { throw ValidationError("--analysis rates takes --events, --person-time and --by, not --formula.") }
        } else {
            guard let formula else { throw ValidationError("--analysis \(analysis.rawValue) needs --formula.") }
            do { _ = try Formula(formula) } catch let error as CohortError {
                throw ValidationError("--formula: \(error.message)")
            }
        }
        if let query, !["grouping", "rows", "moments", "deviations", "iteration"].contains(query) {
            throw ValidationError("--query must be grouping, rows, moments, deviations or iteration.")
        }
    }

    func run() throws {
        let text = try DatabaseOptions.failing { try sql() }
        print(text)
    }

    /// The statements to print, each ending with `;`.
    func sql() throws -> String {
        var kinds: [String: SQLColumnKind] = [:]
        for c in (categorical ?? "").split(separator: ",") { kinds[c.trimmingCharacters(in: .whitespaces)] = .text }
        let plan: SQLAnalysisPlan
        if analysis == .rates, let events, let personTime {
            plan = SQLAnalysisPlan(ratesEvents: events, personTime: personTime, by: by, counts: counts, kinds: kinds)
        } else {
            plan = try SQLAnalysisPlan(analysis: analysis, formula: Formula(formula ?? ""), counts: counts, kinds: kinds)
        }
        let builder = try SQLQueryBuilder(dialect: dialect, plan: plan, table: table)
        let which = query ?? (plan.needsIteration ? "cox" : "grouping")
        switch which {
        case "grouping": return builder.groupingQuery + ";"
        case "rows": return builder.accountingQuery + ";"
        default: break
        }
        guard plan.needsIteration else {
            throw ValidationError("--query \(which) is for a cox model with a numeric covariate; this analysis has only --query grouping and rows.")
        }
        if let c = plan.covariates.first(where: { plan.factors.contains($0) || plan.kind($0) == .text }) {
            throw DatabaseError(
                .untranslatable,
                "the iteration queries need the levels of \(c), which only the database knows: use --db, or write"
                    + " its indicator columns in a view (CASE WHEN \(c) = 'B' THEN 1 ELSE 0 END AS \(c)_B)")
        }
        let design = builder.numericDesign(plan.covariates)
        let p = design.count
        let beta = try numbers(self.beta, option: "--beta", count: p)
        let means = try numbers(self.means, option: "--means", count: p)
        let names = design.map(\.name).joined(separator: ", ")
        var out: [String] = []
        if which == "cox" || which == "moments" {
            out.append("-- moments (Σc, events, Σc·x_j, whether x_j ∈ {-1, 0, 1}, smallest time) of \(names)\n"
                + (try builder.coxMomentsQuery(design: design, event: .number(1), noScaleValues: [-1, 0, 1])) + ";")
        }
        if which == "cox" || which == "deviations" {
            out.append("-- Σc·|x_j − m_j| at means \(means)\n" + (try builder.coxAbsoluteDeviationsQuery(design: design, means: means)) + ";")
        }
        if which == "cox" || which == "iteration" {
            out.append("-- sums per (stratum, time) at beta \(beta), means \(means)\n"
                + (try builder.coxTimeSumsQuery(design: design, event: .number(1), beta: beta, means: means)) + ";")
        }
        return out.joined(separator: "\n\n")
    }

    func numbers(_ text: String?, option: String, count: Int) throws -> [Double] {
        guard let text else { return [Double](repeating: 0, count: count) }
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == count, parts.allSatisfy({ $0?.isFinite == true }) else {
            throw ValidationError("\(option) must be \(count) comma-separated finite numbers, one per covariate (\(count)).")
        }
        return parts.compactMap { $0 }
    }
}
