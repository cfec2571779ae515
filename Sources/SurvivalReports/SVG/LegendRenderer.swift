/// Draws a legend box (a short line in each series' colour, then its label)
/// in a corner of the plotting area.
///
/// With `.automatic`, each corner is scored by how many segments of the
/// curves' polylines cross the box (axis-aligned segment/rectangle tests; the
/// step curves consist only of horizontal and vertical segments, but any
/// segment is handled through its bounding box), and the least crowded corner
/// wins; ties go to the earlier corner in `preference` (falling curves: top
/// right first; rising curves: top left first). Shaded
/// regions (confidence bands) add one point per sample of an 8 × 4 grid over
/// the box that falls inside one of them (even–odd ray casting).
enum LegendRenderer {
    static func legend(
        entries: [(label: String, color: String)], position: LegendPosition, plotLeft: Double, plotRight: Double,
        plotTop: Double, plotBottom: Double, avoiding polylines: [[(Double, Double)]],
        regions: [[(Double, Double)]] = [],
        preference: [LegendPosition] = [.topRight, .bottomLeft, .bottomRight, .topLeft], theme: PlotTheme,
        dashes: [String?] = []
    ) -> SVGElement? {
        guard position != .none, !entries.isEmpty else { return nil }
        let padding = 8.0 * theme.spacing
        let swatch = 22.0 * theme.spacing
        let rowHeight = theme.fontSize * 1.5
        let labelWidth = entries.map { TextMetrics.width($0.label, fontSize: theme.fontSize) }.max() ?? 0
        let boxWidth = padding * 2 + swatch + 6 * theme.spacing + labelWidth
        let boxHeight = padding * 2 + rowHeight * Double(entries.count) - (rowHeight - theme.fontSize)
        let inset = 10.0 * theme.spacing

        func origin(_ corner: LegendPosition) -> (Double, Double) {
            switch corner {
            case .topLeft: return (plotLeft + inset, plotTop + inset)
            case .bottomLeft: return (plotLeft + inset, plotBottom - inset - boxHeight)
            case .bottomRight: return (plotRight - inset - boxWidth, plotBottom - inset - boxHeight)
            default: return (plotRight - inset - boxWidth, plotTop + inset)
            }
        }

        var corner = position
        if position == .automatic {
            var best = (LegendPosition.topRight, Int.max)
            for candidate in preference {
                let (x, y) = origin(candidate)
                let score = crossings(polylines, x0: x, y0: y, x1: x + boxWidth, y1: y + boxHeight)
                    + covered(regions, x0: x, y0: y, x1: x + boxWidth, y1: y + boxHeight)
                if score < best.1 { best = (candidate, score) }
            }
            corner = best.0
        }
        let (x, y) = origin(corner)
        var group = SVGElement("g").attr("class", "legend").attr("font-size", theme.fontSize)
        group.append(
            SVGElement("rect").attr("x", x).attr("y", y).attr("width", boxWidth).attr("height", boxHeight)
                .attr("fill", "#FFFFFF").attr("fill-opacity", 0.85).attr("stroke", "none"))
        for (i, entry) in entries.enumerated() {
            let centre = y + padding + theme.fontSize / 2 + rowHeight * Double(i)
            group.append(
                SVGElement("line").attr("x1", x + padding).attr("y1", centre).attr("x2", x + padding + swatch)
                    .attr("y2", centre).attr("stroke", entry.color).attr("stroke-width", theme.lineWidth * 1.4)
                    .attr("stroke-dasharray", ifPresent: i < dashes.count ? dashes[i] : nil))
            group.append(
                SVGElement("text", text: entry.label).attr("class", "legend-label")
                    .attr("x", x + padding + swatch + 6 * theme.spacing).attr("y", centre + theme.fontSize * 0.35)
                    .attr("fill", theme.textColor))
        }
        return group
    }

    /// Number of polyline segments whose bounding box meets the rectangle.
    static func crossings(_ polylines: [[(Double, Double)]], x0: Double, y0: Double, x1: Double, y1: Double) -> Int {
        var count = 0
        for line in polylines {
            for (a, b) in zip(line, line.dropFirst()) {
                let lowX = min(a.0, b.0), highX = max(a.0, b.0)
                let lowY = min(a.1, b.1), highY = max(a.1, b.1)
                if highX >= x0 && lowX <= x1 && highY >= y0 && lowY <= y1 { count += 1 }
            }
        }
        return count
    }

    /// Number of points of an 8 × 4 grid over the rectangle inside any of the polygons.
    static func covered(_ polygons: [[(Double, Double)]], x0: Double, y0: Double, x1: Double, y1: Double) -> Int {
        guard !polygons.isEmpty else { return 0 }
        var count = 0
        for i in 0..<8 {
            for j in 0..<4 {
                let x = x0 + (x1 - x0) * (Double(i) + 0.5) / 8
                let y = y0 + (y1 - y0) * (Double(j) + 0.5) / 4
                if polygons.contains(where: { contains($0, x: x, y: y) }) { count += 1 }
            }
        }
        return count
    }

    /// Even–odd point-in-polygon test (ray cast towards +x).
    static func contains(_ polygon: [(Double, Double)], x: Double, y: Double) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let (xi, yi) = polygon[i]
            let (xj, yj) = polygon[j]
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
            j = i
        }
        return inside
    }
}
