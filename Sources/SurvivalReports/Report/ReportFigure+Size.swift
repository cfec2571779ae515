extension ReportFigure {
    /// The figure's size on paper for PDF and PNG: its `viewBox` at 72 user
    /// units an inch (the report's figures are drawn in points: 720 × 560 is
    /// 10 × 7.78 in); `nil` when the SVG has no readable `viewBox`.
    public var size: PlotSize? {
        guard let start = svg.range(of: "viewBox=\"") else { return nil }
        let rest = svg[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let numbers = rest[..<end].split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0, numbers[2].isFinite, numbers[3].isFinite else {
            return nil
        }
        return PlotSize(width: numbers[2] / 72, height: numbers[3] / 72)
    }
}
