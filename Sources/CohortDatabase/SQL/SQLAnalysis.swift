/// The analyses survkit can push into a database.
public enum SQLAnalysis: String, Sendable, CaseIterable {
    case km, logrank, cif, rates, cox
}
