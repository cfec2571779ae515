/// Builder for the `d` attribute of an SVG `<path>`, with absolute commands
/// and fixed number formatting. Non-finite points are skipped, so a path can
/// never contain "NaN".
public struct SVGPathData: Sendable, Equatable {
    public private(set) var commands: [String] = []

    public init() {}

    public var isEmpty: Bool { commands.isEmpty }

    public mutating func move(to x: Double, _ y: Double) {
        guard x.isFinite, y.isFinite else { return }
        commands.append("M\(SVGNumber.format(x)) \(SVGNumber.format(y))")
    }

    public mutating func line(to x: Double, _ y: Double) {
        guard x.isFinite, y.isFinite else { return }
        commands.append("L\(SVGNumber.format(x)) \(SVGNumber.format(y))")
    }

    public mutating func horizontal(to x: Double) {
        guard x.isFinite else { return }
        commands.append("H\(SVGNumber.format(x))")
    }

    public mutating func vertical(to y: Double) {
        guard y.isFinite else { return }
        commands.append("V\(SVGNumber.format(y))")
    }

    public mutating func close() {
        commands.append("Z")
    }

    /// The path string, e.g. `M0 0H10V5Z`.
    public var string: String { commands.joined() }
}
