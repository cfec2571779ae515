import SurvivalKit

extension ReportCommand {
    /// The commands that reproduce this report: the full `survkit report` (with the
    /// analysis spelled out as options, paths as given) and each step's own command.
    ///
    /// `trendShown`: the report has the log-rank test for trend (its logrank
    /// step then adds `--trend`). `mcfSubset`: the mean cumulative function
    /// used the subset (its step then adds `--subset`). `path` maps each file path of the report
    /// command (data, recurrences, outputs) to the one to show (the notebook
    /// shows them relative to its own folder); the steps name the files as given.
    func commands(
        _ spec: ReportSpecification, formulas: ReportFormulas, trendShown: Bool = false, mcfSubset: Bool = false,
        detectedDelimiters: (cohort: String?, recurrences: String?) = (nil, nil), path: (String) -> String = { $0 }
    ) -> ReportCommands {
        // A delimiter the report detected (--delimiter auto, not a comma) is given to the steps
        // (their own detection would say so on stderr); each file its own.
        func delimiterOptions(_ detected: String?) -> [String] {
            guard input.delimiter == .auto, let d = detected, d != ",", let known = CSVOptions.Delimiter(rawValue: d)
            else { return [] }
            return ["--delimiter", DelimiterChoice.fixed(known).defaultValueDescription]
        }
        let recurrencesDataOptions = input.reproducingArguments + delimiterOptions(detectedDelimiters.recurrences)
        let dataOptions = input.reproducingArguments + delimiterOptions(detectedDelimiters.cohort)
        let referenceOptions = spec.reference.sorted { $0.key < $1.key }.flatMap { ["--reference", "\($0.key)=\($0.value)"] }
        let timesText = spec.times.map(NumberFormatting.label).joined(separator: ",")
        // The subset applies to the cohort's sections (the recurrences file may lack its columns).
        let strictOptions = (spec.strict == true ? ["--strict"] : []) + (spec.maxGroups.map { ["--max-groups", "\($0)"] } ?? [])
        let subsetOptions = (spec.subset.map { ["--subset", $0] } ?? []) + strictOptions

        let landmarkOptions = spec.landmark.map { ["--landmark", NumberFormatting.label($0)] } ?? []
        let tdcOptions = (spec.timeDependent ?? []).flatMap { ["--tdc", $0] }

        var report = ["survkit", "report", path(data), "--time", spec.time, "--status", spec.status]
        if let g = spec.group { report += ["--group", g] }
        if !spec.covariates.isEmpty { report += ["--covariates", spec.covariates.joined(separator: ",")] }
        if let s = spec.strata { report += ["--strata", s] }
        if let u = spec.timeUnit { report += ["--time-unit", u] }
        if !spec.times.isEmpty { report += ["--times", timesText] }
        if let t = spec.title { report += ["--title", t] }
        report += recurrenceOptions(spec, path: path)
        report += ReportModelOptions.reproducingArguments(spec)
        report += ReportTableOneOptions.reproducingArguments(spec)
        report += landmarkOptions + tdcOptions + subsetOptions + referenceOptions + input.reproducingArguments
        if output.format != .text { report += ["--format", output.format.rawValue] }
        if let o = output.output { report += ["--output", path(o)] }
        if let f = figures { report += ["--figures", path(f)] }
        if let n = notebook { report += ["--notebook", path(n)] }
        if let b = bundle { report += ["--bundle", path(b)] }

        var steps: [String: [String]] = [:]
        var km = ["survkit", "km", data, "--formula", formulas.kaplanMeier]
        // The report's curves report every --times time, past a curve's end too (R's extend = TRUE).
        if !spec.times.isEmpty { km += ["--times", timesText, "--extend"] }
        steps["kaplan-meier"] = km + landmarkOptions + subsetOptions + referenceOptions + dataOptions
        if let f = formulas.logRankFormula?.text {
            // --trend where the report shows the test for trend (the scores are the level values in both).
            let trend = trendShown ? ["--trend"] : []
            steps["logrank"] = (
                ["survkit", "logrank", data, "--formula", f] + trend + landmarkOptions + subsetOptions + referenceOptions
                    + dataOptions)
        }
        if let f = formulas.restrictedMeanFormula?.text, let tau = spec.resolvedRMSTTau {
            steps["rmst"] = (
                ["survkit", "rmst", data, "--formula", f, "--tau", NumberFormatting.label(tau)] + subsetOptions
                    + referenceOptions + dataOptions)
        }
        if let f = formulas.coxFormula?.text {
            steps["cox"] = ["survkit", "cox", data, "--formula", f] + landmarkOptions + tdcOptions + subsetOptions + referenceOptions + dataOptions
        }
        if let f = formulas.cumulativeIncidenceFormula?.text {
            let times = spec.resolvedCIFTimes
            let timesOption = times.isEmpty ? [] : ["--times", times.map(NumberFormatting.label).joined(separator: ",")]
            steps["cumulative-incidence"] = (
                ["survkit", "cif", data, "--formula", f, "--competing-status", spec.status] + timesOption + landmarkOptions
                    + subsetOptions + referenceOptions + dataOptions)
        }
        if let f = formulas.fineGrayFormula?.text {
            steps["fine-gray"] = (
                ["survkit", "finegray", data, "--formula", f, "--competing-status", spec.status] + subsetOptions
                    + referenceOptions + dataOptions)
        }
        if let f = formulas.meanCumulativeFunctionFormula?.text, let file = spec.recurrences {
            let mcfSubsetOptions = mcfSubset ? (spec.subset.map { ["--subset", $0] } ?? []) : []
            steps["mcf"] = ["survkit", "mcf", file, "--formula", f] + mcfSubsetOptions + strictOptions + referenceOptions
                + recurrencesDataOptions
        }
        if let events = spec.rateEvents, let personTime = spec.ratePersonTime {
            var rates = ["survkit", "rates", data, "--events", events, "--person-time", personTime]
            if let g = spec.recurrenceGrouping { rates += ["--by", g] }
            rates += ["--per", NumberFormatting.label(spec.ratePer)]
            steps["rates"] = rates + subsetOptions + referenceOptions + dataOptions
        }
        return ReportCommands(
            report: Self.shell(report), steps: steps.mapValues { Self.shell($0) }, reportArguments: Array(report.dropFirst()),
            stepArguments: steps.mapValues { Array($0.dropFirst()) })
    }

    /// The words of ``commands(_:formulas:trendShown:mcfSubset:detectedDelimiters:path:)``
    /// before they are joined into shell lines (`survkit report --bundle` parses
    /// the steps' words again).
    func commandWords(
        _ spec: ReportSpecification, formulas: ReportFormulas, trendShown: Bool = false, mcfSubset: Bool = false,
        detectedDelimiters: (cohort: String?, recurrences: String?) = (nil, nil)
    ) -> (report: [String], steps: [String: [String]]) {
        let c = commands(
            spec, formulas: formulas, trendShown: trendShown, mcfSubset: mcfSubset, detectedDelimiters: detectedDelimiters)
        return (["survkit"] + c.reportArguments, c.stepArguments.mapValues { ["survkit"] + $0 })
    }

    /// The recurrence options of the `survkit report` command (defaults left out).
    func recurrenceOptions(_ spec: ReportSpecification, path: (String) -> String = { $0 }) -> [String] {
        var out: [String] = []
        if let t = spec.eventTime, let s = spec.eventStatus { out += ["--event-time", t, "--event-status", s] }
        if let file = spec.recurrences, let id = spec.recurrenceId {
            out += ["--recurrences", path(file), "--recurrence-id", id]
            if spec.recurrenceStart != "start" { out += ["--recurrence-start", spec.recurrenceStart] }
            if spec.recurrenceStop != "stop" { out += ["--recurrence-stop", spec.recurrenceStop] }
            if spec.recurrenceEvent != "event" { out += ["--recurrence-event", spec.recurrenceEvent] }
        }
        if let e = spec.rateEvents, let p = spec.ratePersonTime {
            out += ["--rate-events", e, "--rate-person-time", p]
            if spec.ratePer != 100 { out += ["--rate-per", NumberFormatting.label(spec.ratePer)] }
        }
        if let g = spec.recurrenceGroup { out += ["--recurrence-group", g] }
        return out
    }

    /// Words joined into a POSIX shell command line: plain words as they are,
    /// others in double quotes when that is safe, else in single quotes.
    static func shell(_ words: [String]) -> String { ShellQuoting.line(words) }
}
