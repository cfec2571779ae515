/// The warnings block shared by every report: visible, one per line.
enum WarningsSection {
    static func render(_ warnings: [String], format: ReportFormat) -> String {
        guard !warnings.isEmpty else { return "" }
        if format == .markdown {
            return "\n**Warnings**\n\n" + warnings.map { "- \($0)\n" }.joined()
        }
        return "\nWarnings:\n" + warnings.map { "  - \($0)\n" }.joined()
    }
}
