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
            let bare = SQLAnalysisPlan(ratesEvents: events, personTime: personTime, by: by)
            let plan = SQLAnalysisPlan(
                ratesEvents: events, personTime: personTime, by: by, kinds: try table.columnKinds(bare.columns))
            let rows = try table.accounting(plan, strict: strict)
            var cohort = try table.groupedCohort(plan).cohort
            cohort.input = DatabaseOptions.input(table: name, urls: [url], executors: [executor])
            return (cohort, rows, DatabaseTable.droppedRowsWarning(rows, columns: plan.columns))
        }
    }
}
