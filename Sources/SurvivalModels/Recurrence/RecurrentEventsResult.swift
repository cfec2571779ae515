/// A recurrent-event Cox model fitted by ``RecurrentEventsModel/fit(_:options:)``:
/// which model, and the Cox summary of the reshaped fit (R `coxph` on the
/// model's formula and layout).
public struct RecurrentEventsResult: Sendable, Equatable {
    /// The recurrent-event model (AG, PWP-TT, PWP-GT or WLW).
    public var model: RecurrentEventsModel
    /// The Cox fit.
    public var cox: CoxResult

    public init(model: RecurrentEventsModel, cox: CoxResult) {
        self.model = model
        self.cox = cox
    }

    /// The warnings of the fit.
    public var warnings: [String] { cox.warnings }
}
