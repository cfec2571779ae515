import ArgumentParser
import SurvivalKit

extension FrameLoader {
    /// `load` for the competing-risks commands (`cif`, `finegray`):
    /// `--competing-status COL` recodes the formula's own 0/1 status column
    /// to 0/1/2 (`Cohort.replacingWithCompetingCode`) before the frame is built.
    static func loadCompeting<Frame>(
        _ options: CohortOptions, competingStatus: String?, frameOptions: ModelFrameOptions,
        build: (Formula) -> (consuming Cohort, ModelFrameOptions) throws -> Frame,
        read: (Cohort) -> Void = { _ in }, acceptsCounts: Bool = false,
        database analysis: SQLAnalysis? = nil
    ) throws -> Frame {
        if options.database.db != nil && competingStatus != nil {
            throw ValidationError(
                "--competing-status is not translated to SQL; with --db, make a view whose status column is coded 0/1/2 and use --db-table.")
        }
        // The status column the competing code replaces: Surv(time, status).
        var status: String? = nil
        if competingStatus != nil {
            let formula: Formula
            do { formula = try Formula(options.formula) } catch let error as CohortError {
                throw AnalysisFailure(message: locate(error, file: options.data))
            }
            if case .rightCensored(_, .variable(let name))? = formula.response { status = name }
        }
        return try load(
            options, frameOptions: frameOptions, extraColumns: competingStatus.map { [$0] } ?? [], build: build,
            transform: { data in
                read(data)
                guard let competing = competingStatus else { return data }
                guard let status else {
                    throw ValidationError("--competing-status needs a response Surv(time, status) with a plain status column.")
                }
                return try data.replacingWithCompetingCode(status: status, competingStatus: competing)
            }, acceptsCounts: acceptsCounts, database: analysis)
    }

    /// The rows of `file` (read with `options`' input settings and durations)
    /// coded like `training` for `--predict` (`Formula.newDataDesign(on:like:)`).
    static func newDataDesign(_ options: CohortOptions, file: String, like training: ModelFrame) throws -> NewDataDesign {
        var newOptions = options
        newOptions.data = file
        let newCohort = try derivingDurations(options.durations, on: readCohort(newOptions), file: file)
        do {
            return try Formula(options.formula).newDataDesign(on: newCohort, like: training)
        } catch let error as CohortError {
            throw AnalysisFailure(message: locate(error, file: file))
        }
    }
}
