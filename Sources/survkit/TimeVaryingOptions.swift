import ArgumentParser
import SurvivalKit

/// `--landmark T` (km, logrank, cox, cif): a landmark analysis, as R's
/// `subset(d, time > T)` with `Surv(time - T, status)`.
struct LandmarkOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Landmark time T: analyse only subjects still followed after T (time > T), with time measured from T.",
            discussion: "As R's subset(d, time > T) and Surv(time - T, status). Rows with time ≤ T are counted"
                + " with the subset's exclusions; the output states the landmark. Surv(time, status) data only.",
            valueName: "T"))
    var landmark: Double?

    func validate() throws {
        if let landmark, !landmark.isFinite {
            throw ValidationError("--landmark must be a finite number (a time on the scale of the formula's time).")
        }
    }

    /// `options` with the landmark set.
    func applied(to options: ModelFrameOptions = .init()) -> ModelFrameOptions {
        var options = options
        options.landmark = landmark
        return options
    }
}

/// `--tdc NAME=TIMECOL` (cox, recur): 0/1 time-dependent covariates, as R's
/// `tmerge(base, base, id, death = event(time, status), NAME = tdc(TIMECOL))`.
struct TimeDependentOptions: ParsableArguments {
    @Option(
        name: .customLong("tdc"),
        help: ArgumentHelp(
            "A 0/1 covariate NAME that switches on at the time in column TIMECOL, as NAME=TIMECOL (repeatable).",
            discussion: "As R's tmerge(..., NAME = tdc(TIMECOL)): the rows are split at the switch time into"
                + " (start, stop] intervals and the fit is on the intervals; NAME can be used in the formula."
                + " A time at or after the end of follow-up, or missing: never on; at or before the start: on from"
                + " the start. Example: --tdc recurred=lr_first_years.",
            valueName: "NAME=TIMECOL"))
    var specs: [String] = []

    /// The covariates; `validate()` has checked that each spec parses.
    var covariates: [TimeDependentCovariate] { specs.compactMap(TimeDependentCovariate.init(parsing:)) }

    func validate() throws {
        for spec in specs where TimeDependentCovariate(parsing: spec) == nil {
            throw ValidationError("--tdc must look like NAME=TIMECOL, e.g. --tdc recurred=lr_first_years (got '\(spec)').")
        }
    }
}

extension FrameLoader {
    /// The `--tdc` split of `cohort` for the formula `formulaText` (the
    /// response must name its columns, `Surv(time, status)` or
    /// `Surv(start, stop, status)`), and the start column of the split data.
    static func splitting(
        _ cohort: Cohort, at covariates: [TimeDependentCovariate], formula formulaText: String
    ) throws -> (cohort: Cohort, start: String) {
        let formula = try Formula(formulaText)
        guard let response = formula.responseColumns else {
            throw ValidationError(
                "--tdc needs a response of plain columns, Surv(time, status) or Surv(start, stop, status);"
                    + " derive an expression first (e.g. with --duration)")
        }
        return try cohort.splittingAtTimeDependentCovariates(
            covariates, start: response.start, stop: response.stop, status: response.status)
    }
}
