import ArgumentParser
import SurvivalKit

extension RatesCommand {
    /// `rates --db`: one query sums the events and the person-time per `--by`
    /// group (`SQLQueryBuilder.groupingQuery` for rates), one more counts the
    /// rows and their NULLs; the sums come back as a cohort of one row per group.
    func databaseCohort(url: DatabaseURL, table name: String) throws -> (Cohort, RowAccounting, String?) {
        let executor = try DatabaseOptions.connect(url)
        let table = DatabaseTable(executor: executor, name: name)
        return try DatabaseOptions.failing {
            let bare = SQLAnalysisPlan(ratesEvents: events, personTime: personTime, by: by, counts: counts)
            let plan = SQLAnalysisPlan(
                ratesEvents: events, personTime: personTime, by: by, counts: counts,
                kinds: try table.columnKinds(bare.columns))
            var rows = try table.accounting(plan, strict: strict)
            let grouped = try table.groupedCohort(plan)
            var cohort = grouped.cohort
            if counts != nil, case .numeric(let n)? = cohort.column(named: grouped.countColumn) {
                rows.subjects = Int(n.reduce(0, +).rounded())
            }
            cohort.input = DatabaseOptions.input(table: name, urls: [url], executors: [executor])
            cohort.input.counts = counts
            return (cohort, rows, DatabaseTable.droppedRowsWarning(rows, columns: plan.columns))
        }
    }
}
