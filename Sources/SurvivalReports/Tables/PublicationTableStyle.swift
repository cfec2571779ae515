import Foundation

/// How a publication table writes its numbers (`--digits`, `--digits-p`).
///
/// * Ratios and their limits with `digits` decimals (default 2), the same
///   rounding in the estimate and the interval: `1.03 (1.02–1.03)`; a
///   reference level `1.00 (ref)`; a coefficient that is not defined (R's NA) `—`.
/// * p with `pDigits` decimals (default 3), below `10^-pDigits` as `<0.001`,
///   and a p that would print as 1 as `>0.999`. This is gtsummary's
///   `style_pvalue` rule at its small end (`x < 0.001 ~ "<0.001"`,
///   `x >= 0.001 ~ sprintf("%.3f", x)`) kept at 3 decimals throughout:
///   `style_pvalue(digits = 1)` also shortens large p (`0.2` and above to one
///   decimal, `0.1`–`0.2` to two, above `0.9` to `>0.9`), which journals
///   differ on; `--digits-p 2` and `1` give fewer decimals throughout, never
///   a p written as 0.
public struct PublicationTableStyle: Sendable, Equatable {
    /// Decimals of ratios and limits.
    public var digits: Int
    /// Decimals of p.
    public var pDigits: Int

    public init(digits: Int = 2, pDigits: Int = 3) {
        self.digits = digits
        self.pDigits = pDigits
    }

    /// A ratio or limit: `digits` decimals, `NA` when not finite.
    public func ratio(_ x: Double?) -> String { NumberFormat.fixed(x, digits) }

    /// The estimate cell: `1.03 (1.02–1.03)`, `1.00 (ref)`, `—` when not defined.
    public func estimate(_ row: PublicationTable.Row) -> String {
        if row.isReference { return "\(ratio(1)) (ref)" }
        guard let e = row.estimate, e.isFinite else { return row.kind == .factor ? "" : "—" }
        return "\(ratio(e)) (\(ratio(row.lower))–\(ratio(row.upper)))"
    }

    /// A journal p: `<0.001`, `0.046`, `>0.999`; empty when there is none.
    public func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "" }
        let threshold = Foundation.pow(10, -Double(pDigits))
        if p < threshold { return "<" + NumberFormat.fixed(threshold, pDigits) }
        if p > 1 - threshold / 2 { return ">" + NumberFormat.fixed(1 - threshold, pDigits) }
        return NumberFormat.fixed(p, pDigits)
    }

    /// An events count: whole numbers as integers, else one decimal.
    public func count(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int(x)) }
        return NumberFormat.fixed(x, 1)
    }
}
