/// The output formats every analysis can be rendered in.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    /// Plain text for a terminal or an e-mail: aligned columns, at most 100 wide.
    case text
    /// GitHub-flavoured Markdown with pipe tables.
    case markdown
    /// The `Codable` encoding of the result, keys as in the JSON contract.
    case json
}
