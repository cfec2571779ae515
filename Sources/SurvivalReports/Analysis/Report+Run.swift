import CohortData
import SurvivalModels

extension Report {
    /// Runs every section of the report on `cohort`.
    ///
    /// 1. Kaplan–Meier: `Surv(time, status) ~ group` (R `survfit`), with
    ///    `summary_at` at the specification's times.
    /// 2. Table 1 on the same rows (`CohortDescription.describe`).
    /// 3. Log-rank: `Surv(time, status) ~ group [+ strata(s)]` (R `survdiff`).
    /// 4. Cox: `Surv(time, status) ~ covariates [+ strata(s)]` (R `coxph`, Efron ties).
    /// 5. When asked for, the recurrence sections (`Report+Recurrence.swift`):
    ///    cumulative incidence with death competing, the mean cumulative
    ///    function of `recurrences`, and event rates.
    /// 6. Where they apply, the model sections of `Report+Models.swift`: the
    ///    log-rank test for trend, the restricted mean by group, the
    ///    cumulative incidence at `cif_times` with limits, the Fine–Gray model.
    ///
    /// Each model drops its own incomplete rows, as R would for that formula,
    /// after the specification's `subset` (every section).
    ///
    /// - Parameters:
    ///   - data: the file name as the user gave it (shown in the report).
    ///   - recurrences: the counting-process cohort named by `spec.recurrences`.
    /// - Throws: `CohortError` for formula/column problems, `ModelError` for
    ///   unusable data (no rows, no events).
    public static func run(
        _ spec: ReportSpecification, cohort: Cohort, data: String, recurrences: Cohort? = nil
    ) throws -> Report {
        let frameOptions = try spec.frameOptions()
        let formulas = try ReportFormulas(spec)
        if let landmark = spec.landmark, formulas.ratesFormula != nil || formulas.meanCumulativeFunctionFormula != nil {
            throw CohortError(
                .formulaSyntax,
                message: "landmark \(NumberFormatting.label(landmark)) applies to the survival sections; the rates and"
                    + " mean cumulative function sections have no landmark: leave them out, or run them separately")
        }
        let timeDependent = try spec.timeDependentCovariates()
        let kmFrame = try formulas.kaplanMeierFormula.groupingFrame(on: cohort, options: frameOptions)
        var km = try KaplanMeier.fit(kmFrame, options: KaplanMeierOptions(times: spec.times, extend: true))
        km.input = cohort.input
        var warnings = km.warnings.map { "Kaplan–Meier: \($0)" }

        let requests = describedVariables(spec, cox: formulas.coxFormula)
            .filter { r in !timeDependent.contains { $0.name == r.column } }
        var (description, descriptionWarnings) = try CohortDescription.describe(
            cohort: cohort, frame: kmFrame, groupVariable: spec.group, requests: requests,
            options: spec.tableOneOptions)
        // Variable labels of statistical files name the rows of Table 1.
        for k in description.variables.indices {
            description.variables[k].label = cohort.variableLabels[description.variables[k].name]
        }
        warnings += descriptionWarnings

        var logrank: LogRankResult? = nil
        if let f = formulas.logRankFormula {
            let frame = try f.groupingFrame(on: cohort, options: frameOptions)
            var result = try LogRank.test(frame)
            result.input = cohort.input
            warnings += result.warnings.map { "Log-rank: \($0)" }
            logrank = result
        }

        var notes: [String: String] = [:]
        func note<T>(_ outcome: Outcome<T>, key: ReportSpecification.CodingKeys) -> T? {
            switch outcome {
            case .done(let value): return value
            case .skipped(let why):
                notes[key.stringValue] = why
                return nil
            case .notAsked: return nil
            }
        }
        if let trend = note(trendTest(spec, logrank: logrank), key: .logrankTrend) { logrank?.trend = trend }
        let restrictedMean = note(
            try compareRestrictedMeans(spec, formula: formulas.restrictedMeanFormula, cohort: cohort), key: .rmst)
        warnings += restrictedMean?.warnings.map { "Restricted mean: \($0)" } ?? []

        var cox: CoxResult? = nil
        var coxTable: PublicationTable? = nil
        if var f = formulas.coxFormula {
            var coxCohort = cohort
            if !timeDependent.isEmpty {
                // --tdc: the Cox section alone is fitted on the rows split at the switch times.
                guard let response = f.responseColumns else {
                    throw CohortError(.formulaSyntax, message: "tdc needs plain time and status columns")
                }
                let split = try cohort.splittingAtTimeDependentCovariates(
                    timeDependent, start: response.start, stop: response.stop, status: response.status)
                coxCohort = split.cohort
                f = try f.countingProcess(start: split.start)
            }
            let frame = try f.modelFrame(on: coxCohort, options: frameOptions)
            var result = try fitCox(frame)
            result.input = cohort.input
            warnings += result.warnings.map { "Cox: \($0)" }
            cox = result
            // The table of survkit cox --table publication: the formula as given (before a --tdc split).
            if let formula = formulas.coxFormula {
                coxTable = PublicationTable.cox(
                    result, frame: frame, formula: formula, labels: PublicationLabels.none.merging(fileLabels: cohort.variableLabels))
            }
        }

        // Every section says how its file was read, as the standalone command does.
        var cif = try fitCumulativeIncidence(spec, formula: formulas.cumulativeIncidenceFormula, cohort: cohort)
        cif?.input = cohort.input
        warnings += cif?.warnings.map { "Cumulative incidence: \($0)" } ?? []
        _ = note(addSummaryTimes(spec.resolvedCIFTimes, to: &cif), key: .cifTimes)
        let fineGrayFit = note(try fitFineGray(spec, formula: formulas.fineGrayFormula, cohort: cohort), key: .fineGray)
        let fineGray = fineGrayFit?.result
        warnings += fineGray?.warnings.map { "Fine–Gray: \($0)" } ?? []
        var mcf = try fitMeanCumulativeFunction(
            spec, formula: formulas.meanCumulativeFunctionFormula, recurrences: recurrences)
        mcf?.input = recurrences?.input
        warnings += mcf?.warnings.map { "Mean cumulative function: \($0)" } ?? []
        if let subset = try spec.rowSubset(), let recurrences, mcf != nil,
            !subset.columns.allSatisfy({ recurrences.index(of: $0) != nil })
        {
            warnings.append(Report.mcfSubsetNotApplied)
        }
        var rates = try computeRates(spec, formula: formulas.ratesFormula, cohort: cohort)
        rates?.input = cohort.input
        warnings += rates?.warnings.map { "Rates: \($0)" } ?? []

        let title = spec.title ?? "Survival analysis of \(fileStem(data))"
        var report = Report(
            title: title, data: data, specification: spec, formulas: formulas,
            cohortDescription: description, kaplanMeier: km, logrank: logrank, cox: cox,
            cumulativeIncidence: cif, meanCumulativeFunction: mcf, rates: rates,
            rows: kmFrame.rows, warnings: warnings)
        report.input = cohort.input
        report.fineGray = fineGray
        report.coxTable = coxTable
        report.fineGrayTable = fineGrayFit?.table
        report.restrictedMean = restrictedMean
        report.notes = notes.isEmpty ? nil : notes
        return report
    }

    /// The columns Table 1 summarises: every column of the Cox terms (a column
    /// inside `factor(...)` as categorical), then the strata column.
    static func describedVariables(_ spec: ReportSpecification, cox: Formula?) -> [CohortDescription.Request] {
        var requests: [CohortDescription.Request] = []
        func add(_ column: String, factor: Bool) {
            if let k = requests.firstIndex(where: { $0.column == column }) {
                requests[k].factor = requests[k].factor || factor
            } else {
                requests.append(.init(column: column, factor: factor))
            }
        }
        if let f = cox {
            for v in f.variableOrder {
                switch v {
                case .column(let name): add(name, factor: false)
                case .factor(let name): add(name, factor: true)
                case .expression(let e): for name in e.variables { add(name, factor: false) }
                case .spline(let s): for name in s.argument.variables { add(name, factor: false) }
                }
            }
        }
        if let s = spec.strata { add(s, factor: true) }
        return requests
    }

    /// `datasets/lung.csv` → `lung`.
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }
}
