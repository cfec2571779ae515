import CohortData

/// The recurrent-event Cox models of Therneau & Grambsch (2000, ch. 8), as
/// fitted with R's `coxph`: a thin layer that reshapes the formula and the
/// frame and then fits an ordinary (clustered) Cox model.
///
/// - `ag` — Andersen–Gill: counting-process `Surv(start, stop, event)`, one
///   baseline hazard, robust variance by subject (`cluster(id)`).
/// - `pwp-tt` — Prentice–Williams–Peterson total time: as AG, stratified by
///   event number (`strata(enum)`).
/// - `pwp-gt` — PWP gap time: `Surv(stop - start, event)` stratified by event
///   number; time restarts at 0 after every event.
/// - `wlw` — Wei–Lin–Weissfeld marginal model: every subject at risk for
///   every event number from time 0, `Surv(stop, event) ~ ... + strata(enum)`,
///   data in WLW layout (one row per subject and event number, as
///   `survival::bladder`).
///
/// For the PWP models, when the formula has no `strata(...)`, the event
/// number is built from the cluster: `enum` of a row = 1 + the number of
/// earlier rows (in input order) of the same subject that ended in an event,
/// which is the usual construction when the rows of a subject are in time
/// order; a note in the warnings says so.
public enum RecurrentEventsModel: String, Sendable, Codable, CaseIterable {
    case ag
    case pwpTT = "pwp-tt"
    case pwpGT = "pwp-gt"
    case wlw

    /// The formula the model fits: PWP-GT turns `Surv(start, stop, s)` into
    /// `Surv(stop - start, s)`, WLW into `Surv(stop, s)`; AG and PWP-TT need
    /// counting-process data. Every model needs `cluster(id)`; WLW needs `strata(...)`.
    public func rewrite(_ formula: Formula) throws(ModelError) -> Formula {
        var f = formula
        guard f.cluster != nil else {
            throw ModelError(
                "recurrent-event models need the subject as cluster(id) in the formula (\"\(formula.text)\")")
        }
        switch (self, f.response) {
        case (.ag, .counting?), (.pwpTT, .counting?):
            break
        case (.ag, _), (.pwpTT, _):
            throw ModelError(
                "the \(title) model (\(rawValue)) needs counting-process data Surv(start, stop, event) (\"\(formula.text)\")")
        case (.pwpGT, .counting(let start, let stop, let status)?):
            f.response = .rightCensored(time: .binary("-", stop, start), status: status)
        case (.wlw, .counting(_, let stop, let status)?):
            f.response = .rightCensored(time: stop, status: status)
        case (_, .rightCensored?):
            break
        case (_, _):
            throw ModelError("recurrent-event models need a Surv(...) response (\"\(formula.text)\")")
        }
        if self == .wlw && f.strata.isEmpty {
            throw ModelError(
                "the Wei–Lin–Weissfeld model (wlw) needs strata(enum) in the formula (one stratum per event number, data in WLW layout"
                    + " with every subject at risk for every event number, as survival::bladder)")
        }
        return f
    }

    /// The frame the Cox engine fits: for PWP models without `strata(...)`,
    /// strata `enum=1`, `enum=2`, ... built from the cluster and the row order.
    public func prepare(_ frame: ModelFrame) -> ModelFrame {
        guard self == .pwpTT || self == .pwpGT, frame.strata == nil, let cluster = frame.cluster else { return frame }
        var frame = frame
        var eventsSoFar: [Int: Int] = [:]
        var codes = [Int](repeating: 0, count: frame.count)
        for i in 0..<frame.count {
            let id = cluster[i]
            let k = eventsSoFar[id, default: 0]
            codes[i] = k
            if frame.response.status[i] != 0 { eventsSoFar[id] = k + 1 }
        }
        let levels = (codes.max() ?? 0) + 1
        frame.strata = Grouping(codes: codes, labels: (1...levels).map { "enum=\($0)" })
        frame.warnings.append(
            "strata(enum) built for \(rawValue): event number = 1 + earlier events of the same cluster(id) in row order"
                + " (\(levels) strata); write strata(enum) in the formula to use your own")
        return frame
    }

    /// Fits the model on a frame built from ``rewrite(_:)``'s formula: the
    /// Cox summary of the reshaped fit, with the model it belongs to.
    public func fit(_ frame: ModelFrame, options: CoxOptions = CoxOptions()) throws(CoxError) -> RecurrentEventsResult {
        let fit = try CoxModel.fit(prepare(frame), options: options)
        return RecurrentEventsResult(model: self, cox: fit.makeResult())
    }

    /// The model's name in prose, for titles.
    public var title: String {
        switch self {
        case .ag: return "Andersen–Gill"
        case .pwpTT: return "Prentice–Williams–Peterson, total time"
        case .pwpGT: return "Prentice–Williams–Peterson, gap time"
        case .wlw: return "Wei–Lin–Weissfeld marginal"
        }
    }
}
