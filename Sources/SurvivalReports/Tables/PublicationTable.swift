/// A regression table as a manuscript prints it, independent of the output
/// format: one block per formula term, a factor with a header row (its label
/// and the joint Wald test of its coefficients) and one row per level, the
/// reference level first ("1.00 (ref)"); a numeric term in one row. Each row
/// carries the number of used rows and of events it covers and the ratio
/// (HR, sHR, time ratio, RR) with its limits and p.
///
/// The table keeps numbers, not text: ``PublicationTableStyle`` turns them into
/// cells (`--digits`, `--digits-p`) and one renderer per format lays the cells
/// out (``PublicationTable/render(_:style:)``). Built from a fit by
/// ``PublicationTable/cox(_:frame:formula:labels:)`` and its siblings.
public struct PublicationTable: Sendable, Equatable {
    /// What a row is.
    public enum RowKind: Sendable, Equatable {
        /// A term with a single coefficient (numeric, logical, or an interaction column).
        case single
        /// The header of a factor: its label and joint test; the levels follow.
        case factor
        /// One level of the factor above (indented).
        case level
    }

    /// The Wald test of all the coefficients of one term, `bᵀV⁻¹b` on as many
    /// degrees of freedom as coefficients, with the fit's variance (robust
    /// when the fit is); as `solve(vcov(fit)[idx, idx], coef(fit)[idx])` in R.
    public struct JointTest: Sendable, Equatable {
        public var chisq: Double
        public var df: Int
        public var p: Double
    }

    /// One row of the table.
    public struct Row: Sendable, Equatable {
        public var kind: RowKind
        /// The label shown: the term's (variable) label, or the level's label.
        public var label: String
        /// The formula term the row belongs to (its design-column term name, `grade`).
        public var term: String
        /// The level (data spelling, before labels) of a `.level` row.
        public var level: String?
        /// Used rows with this level (every used row for a `.single` row); `nil` on a factor header.
        public var n: Int?
        /// Events among them (status = event, the cause for Fine–Gray, the summed counts for count models).
        public var events: Double?
        /// The reference level of its factor (ratio 1 by definition).
        public var isReference = false
        /// The ratio `exp(coef)` and its limits; `nil` for a header, a reference row, or a coefficient
        /// that is not defined (collinear, R's NA).
        public var estimate: Double?
        public var lower: Double?
        public var upper: Double?
        /// The coefficient's Wald p.
        public var p: Double?
        /// The joint test of a factor header row with more than one coefficient.
        public var joint: JointTest?
    }

    /// "Cox proportional hazards" and the like.
    public var title: String
    /// The ratio's abbreviation: `HR`, `sHR`, `Time ratio`, `RR`.
    public var ratioName: String
    /// What the abbreviation stands for, for the footnote ("hazard ratio").
    public var ratioMeaning: String
    /// The header of the events column (`Events`, `Events (cause 1)`).
    public var eventsName: String
    /// Confidence level of the limits.
    public var confLevel: Double
    /// Used rows and events of the whole fit (the caption).
    public var n: Int
    public var events: Double
    public var rows: [Row]
    /// The command that made the table (data file, formula, subset, options), stated in every format.
    public var call: String?
    /// Extra notes printed under the table.
    public var notes: [String] = []

    public init(
        title: String, ratioName: String, ratioMeaning: String, eventsName: String = "Events", confLevel: Double,
        n: Int, events: Double, rows: [Row]
    ) {
        self.title = title
        self.ratioName = ratioName
        self.ratioMeaning = ratioMeaning
        self.eventsName = eventsName
        self.confLevel = confLevel
        self.n = n
        self.events = events
        self.rows = rows
    }
}
