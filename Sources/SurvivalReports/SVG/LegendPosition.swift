/// Where a figure's legend goes, inside the plotting area.
public enum LegendPosition: String, Sendable, Codable, CaseIterable {
    /// The corner the curves cross least (ties: top right, bottom left, bottom right, top left).
    case automatic
    case topRight
    case topLeft
    case bottomRight
    case bottomLeft
    /// No legend.
    case none
}
