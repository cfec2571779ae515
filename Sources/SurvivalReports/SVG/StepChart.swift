/// The shared renderer behind the Kaplan–Meier, cumulative incidence and mean
/// cumulative function figures: step curves over time with optional
/// confidence bands, censoring marks, a legend and a number-at-risk table.
///
/// Layout, top to bottom: optional title; the plotting area (y axis on the
/// left, x axis below with tick labels and the axis title); the at-risk table,
/// whose columns are centred on exactly the x tick positions (the same `Double`
/// goes through the same formatter, so the `x` attributes are identical
/// strings). The left margin is wide enough for both the y tick labels and the
/// at-risk row labels.
struct StepChart {
    struct Series {
        var label: String
        var color: String
        var startValue: Double
        var time: [Double]
        var value: [Double]
        var lower: [Double?]
        var upper: [Double?]
        /// Indices `i` at which a censoring mark is drawn at `(time[i], value[i])`.
        var censorIndices: [Int]
        /// Where the curve stops when it does not stop at its last time (`--min-at-risk`):
        /// the last value and its band continue horizontally up to here.
        var endTime: Double? = nil
        /// SVG `stroke-dasharray` of the curve (the second cause of a CIF plot), solid when nil.
        var dashArray: String? = nil
    }

    /// A titled block of per-row counts under the plot ("Number at risk", "Cumulative events").
    struct CountTable {
        var title: String
        var rows: [AtRiskRow]
    }

    /// A dashed guide from the y axis to a curve and down to the x axis (a median line).
    struct GuideLine {
        var x: Double
        var y: Double
        var color: String
    }

    struct AtRiskRow {
        var label: String
        var color: String
        var counts: [Int]
    }

    var series: [Series]
    var title: String?
    var xLabel: String
    var yLabel: String
    var width: Double
    var height: Double
    var theme: PlotTheme
    var legendPosition: LegendPosition
    var showBands: Bool
    var showCensorMarks: Bool
    /// Fixed y axis (`lower`, `upper`, `step`), or nil to fit `[0, max]`.
    var yScale: (lower: Double, upper: Double, step: Double)?
    var timeMax: Double?
    var timeStep: Double?
    var idPrefix: String
    /// Computes the at-risk rows for the chosen x ticks, or nil for no table.
    var atRisk: (([Double]) -> [AtRiskRow])?
    var atRiskTitle: String = "Number at risk"
    /// Corner order for the automatic legend (ties go to the first).
    var legendPreference: [LegendPosition] = [.topRight, .bottomLeft, .bottomRight, .topLeft]
    /// Left end of the time axis (`--xlim`); 0 when nil.
    var timeMin: Double? = nil
    /// Tick labels of the y axis as percentages (0.25 → "25%").
    var percentScale: Bool = false
    /// A line of text above the plot area, right-aligned (the log-rank or Gray's p).
    var annotation: String? = nil
    /// Median lines and other guides, drawn under the curves.
    var guides: [GuideLine] = []
    /// Further count tables under the at-risk table, for the same ticks.
    var countTables: (([Double]) -> [CountTable])? = nil
    /// The plot area is at least this tall (pixels or points).
    var minimumPlotHeight: Double = 100
    /// Size on paper of a `--plot` figure (canvas in points); nil for the report's pixel canvas.
    var physicalSize: PlotSize? = nil

    func document() -> SVGDocument {
        let theme = self.theme
        var doc = SVGDocument(width: width, height: height, fontFamily: theme.fontFamily, title: title)
        doc.physicalSize = physicalSize

        // Time axis: [0, max time], ticks at a nice step, a small pad after the last time.
        let dataMax = series.flatMap(\.time).filter(\.isFinite).max() ?? 1
        let maxTime = timeMax.flatMap { $0 > 0 && $0.isFinite ? $0 : nil } ?? max(dataMax, 0)
        let span = maxTime > 0 ? maxTime : 1
        let step = timeStep.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }
            ?? LinearAxis.niceStep(span: span, targetCount: 6)
        let xUpper = timeMax == nil ? max(span * 1.02, step) : span
        let xLower = timeMin.flatMap { $0.isFinite && $0 < xUpper ? $0 : nil } ?? 0

        // Rows of the at-risk table need the ticks, which need the horizontal layout;
        // the ticks depend only on the domain, so compute them once on a unit axis.
        let provisional = LinearAxis(lower: xLower, upper: xUpper, step: step, pixelStart: 0, pixelEnd: 1)
        let rows = atRisk?(provisional.ticks) ?? []
        let tables = countTables?(provisional.ticks).filter { !$0.rows.isEmpty } ?? []
        let allRows = rows + tables.flatMap(\.rows)

        // Horizontal layout.
        let yAxisProvisional = makeYAxis(pixelTop: 0, pixelBottom: 1)
        let yTickWidth = yAxisProvisional.ticks.map { TextMetrics.width(yLabel($0, axis: yAxisProvisional), fontSize: theme.tickFontSize) }.max() ?? 0
        let u = theme.spacing
        let yAxisNeed = 14 * u + theme.fontSize + 10 * u + yTickWidth + theme.tickLength + 6 * u
        let widestCount = allRows.flatMap(\.counts).map { TextMetrics.width(String($0), fontSize: theme.fontSize) }.max() ?? 0
        let titles = (rows.isEmpty ? [] : [atRiskTitle]) + tables.map(\.title)
        let rowLabelWidth = (allRows.map { TextMetrics.width($0.label, fontSize: theme.fontSize) } + titles.map { TextMetrics.width($0, fontSize: theme.fontSize) - widestCount / 2 - 10 * u }).max() ?? 0
        let atRiskNeed = allRows.isEmpty ? 0 : 14 * u + rowLabelWidth + 18 * u + widestCount / 2
        let plotLeft = max(yAxisNeed, atRiskNeed)
        let lastTickLabel = provisional.ticks.last.map { TextMetrics.width(provisional.label($0), fontSize: theme.tickFontSize) } ?? 0
        let plotRight = width - max(20 * u, lastTickLabel / 2 + 10 * u)

        // Vertical layout.
        let annotationLine = annotation == nil ? 0 : theme.fontSize + 6 * u
        let plotTop = (title == nil ? 16.0 * u : 16 * u + theme.titleFontSize + 14 * u) + annotationLine
        let xAxisBlock = theme.tickLength + 4 * u + theme.tickFontSize + 12 * u + theme.fontSize + 8 * u
        let rowHeight = theme.fontSize * 1.55
        let blocks = (rows.isEmpty ? [] : [CountTable(title: atRiskTitle, rows: rows)]) + tables
        let atRiskBlock = blocks.reduce(0.0) { $0 + 14 * u + rowHeight * Double($1.rows.count + 1) }
        let plotBottom = max(plotTop + minimumPlotHeight, height - 10 * u - atRiskBlock - xAxisBlock)

        let xAxis = LinearAxis(lower: xLower, upper: xUpper, step: step, pixelStart: plotLeft, pixelEnd: plotRight)
        let yAxis = makeYAxis(pixelTop: plotTop, pixelBottom: plotBottom)

        let clipId = idPrefix + "-plot-area"
        doc.define(
            SVGElement("clipPath").attr("id", clipId).appending(
                SVGElement("rect").attr("x", plotLeft).attr("y", plotTop - theme.lineWidth)
                    .attr("width", plotRight - plotLeft).attr("height", plotBottom - plotTop + 2 * theme.lineWidth)))

        if let title {
            doc.add(
                SVGElement("text", text: title).attr("class", "title").attr("x", plotLeft)
                    .attr("y", 16 * u + theme.titleFontSize).attr("font-size", theme.titleFontSize)
                    .attr("font-weight", "bold").attr("fill", theme.textColor))
        }

        // Data layers: bands under curves under censor marks, all clipped to the plot area.
        var data = SVGElement("g").attr("class", "data").attr("clip-path", "url(#\(clipId))")
        for guide in guides {
            var path = SVGPathData()
            path.move(to: xAxis.position(xLower), yAxis.position(guide.y))
            path.horizontal(to: xAxis.position(guide.x))
            path.vertical(to: plotBottom)
            data.append(
                SVGElement("path").attr("class", "median-line").attr("d", path.string).attr("fill", "none")
                    .attr("stroke", guide.color).attr("stroke-width", max(0.5, theme.axisLineWidth))
                    .attr("stroke-dasharray", "4 3"))
        }
        if showBands {
            for item in series {
                let band = bandPath(item, xAxis: xAxis, yAxis: yAxis)
                guard !band.isEmpty else { continue }
                data.append(
                    SVGElement("path").attr("class", "confidence-band").attr("d", band.string)
                        .attr("fill", item.color).attr("fill-opacity", theme.bandOpacity).attr("stroke", "none"))
            }
        }
        for item in series {
            data.append(
                SVGElement("path").attr("class", "curve").attr("data-label", item.label)
                    .attr("d", curvePath(item, xAxis: xAxis, yAxis: yAxis).string).attr("fill", "none")
                    .attr("stroke", item.color).attr("stroke-width", theme.lineWidth)
                    .attr("stroke-linejoin", "miter").attr("stroke-dasharray", ifPresent: item.dashArray))
        }
        if showCensorMarks {
            for item in series {
                let marks = censorPath(item, xAxis: xAxis, yAxis: yAxis)
                guard !marks.isEmpty else { continue }
                data.append(
                    SVGElement("path").attr("class", "censor-marks").attr("d", marks.string).attr("fill", "none")
                        .attr("stroke", item.color).attr("stroke-width", max(1, theme.lineWidth * 0.75)))
            }
        }
        doc.add(data)

        doc.add(AxisRenderer.xAxis(
            ticks: xAxis.ticks.map { (xAxis.position($0), xAxis.label($0)) }, from: plotLeft, to: plotRight,
            y: plotBottom, title: xLabel, theme: theme))
        doc.add(AxisRenderer.yAxis(
            ticks: yAxis.ticks.map { (yAxis.position($0), yLabel($0, axis: yAxis)) }, from: plotBottom, to: plotTop,
            x: plotLeft, title: yLabel,
            titleX: plotLeft - theme.tickLength - 3 * u - yTickWidth - 10 * u - theme.fontSize * 0.25, theme: theme))

        if let annotation {
            // Above the plot area, right-aligned: it never covers a curve or the legend.
            doc.add(
                SVGElement("text", text: annotation).attr("class", "p-value").attr("x", plotRight)
                    .attr("y", plotTop - 6 * u).attr("text-anchor", "end").attr("font-size", theme.fontSize)
                    .attr("fill", theme.textColor))
        }
        if legendPosition != .none, !series.isEmpty {
            let entries = series.map { (label: $0.label, color: $0.color) }
            let polylines = series.map { curvePoints($0, xAxis: xAxis, yAxis: yAxis) }
            let regions = showBands ? series.flatMap { bandPolygons($0, xAxis: xAxis, yAxis: yAxis) } : []
            if let legend = LegendRenderer.legend(
                entries: entries, position: legendPosition, plotLeft: plotLeft, plotRight: plotRight,
                plotTop: plotTop, plotBottom: plotBottom, avoiding: polylines, regions: regions,
                preference: legendPreference, theme: theme, dashes: series.map(\.dashArray))
            {
                doc.add(legend)
            }
        }

        var top = plotBottom + xAxisBlock + 14 * u
        for (index, block) in blocks.enumerated() {
            let isAtRisk = index == 0 && !rows.isEmpty
            doc.add(atRiskTable(
                rows: block.rows, xAxis: xAxis, top: top, rowHeight: rowHeight,
                labelRight: plotLeft - widestCount / 2 - 18 * u, title: block.title,
                className: isAtRisk ? "at-risk-table" : "count-table"))
            top += 14 * u + rowHeight * Double(block.rows.count + 1)
        }
        return doc
    }

    /// A y tick label: the axis's own, or a percentage with `percentScale`.
    func yLabel(_ value: Double, axis: LinearAxis) -> String {
        guard percentScale else { return axis.label(value) }
        var scaled = axis
        scaled.step = axis.step * 100
        return scaled.label(value * 100) + "%"
    }


    private func makeYAxis(pixelTop: Double, pixelBottom: Double) -> LinearAxis {
        if let yScale {
            return LinearAxis(
                lower: yScale.lower, upper: yScale.upper, step: yScale.step, pixelStart: pixelBottom, pixelEnd: pixelTop)
        }
        var high = 0.0
        for item in series {
            high = max(high, item.value.filter(\.isFinite).max() ?? 0)
            if showBands { high = max(high, item.upper.compactMap { $0 }.filter(\.isFinite).max() ?? 0) }
        }
        return LinearAxis(dataMin: 0, dataMax: high > 0 ? high : 1, pixelStart: pixelBottom, pixelEnd: pixelTop, targetTickCount: 5)
    }

    // MARK: - Geometry

    /// Corner points of the step function from `(0, start)` to the last time:
    /// horizontal to each jump time, then vertical to the new value.
    func curvePoints(_ item: Series, xAxis: LinearAxis, yAxis: LinearAxis) -> [(Double, Double)] {
        var points: [(Double, Double)] = [(xAxis.position(0), yAxis.position(item.startValue))]
        var current = item.startValue
        for (t, v) in zip(item.time, item.value) where t.isFinite && v.isFinite {
            points.append((xAxis.position(t), yAxis.position(current)))
            points.append((xAxis.position(t), yAxis.position(v)))
            current = v
        }
        return points
    }

    func curvePath(_ item: Series, xAxis: LinearAxis, yAxis: LinearAxis) -> SVGPathData {
        var path = SVGPathData()
        path.move(to: xAxis.position(0), yAxis.position(item.startValue))
        for (t, v) in zip(item.time, item.value) where t.isFinite && v.isFinite {
            path.horizontal(to: xAxis.position(t))
            path.vertical(to: yAxis.position(v))
        }
        if let end = item.endTime, end.isFinite { path.horizontal(to: xAxis.position(end)) }
        return path
    }

    /// The band is a step-shaped polygon per run of consecutive rows with both
    /// limits present: along the upper limits left to right, back along the
    /// lower limits. Row `i`'s limits hold on `[time[i], time[i+1])`; the last
    /// row of the curve ends at its own time. A missing limit ends the run,
    /// leaving a gap instead of a spike to zero. Returns pixel polygons.
    func bandPolygons(_ item: Series, xAxis: LinearAxis, yAxis: LinearAxis) -> [[(Double, Double)]] {
        let count = min(item.time.count, item.lower.count, item.upper.count)
        func end(_ i: Int) -> Double {
            if i + 1 < item.time.count && item.time[i + 1].isFinite { return item.time[i + 1] }
            return item.endTime.flatMap { $0.isFinite && $0 > item.time[i] ? $0 : nil } ?? item.time[i]
        }
        var polygons: [[(Double, Double)]] = []
        var index = 0
        while index < count {
            var run: [(time: Double, end: Double, lower: Double, upper: Double)] = []
            while index < count, let lo = item.lower[index], let hi = item.upper[index],
                lo.isFinite, hi.isFinite, item.time[index].isFinite
            {
                run.append((item.time[index], end(index), lo, hi))
                index += 1
            }
            if run.isEmpty {
                index += 1
                continue
            }
            guard let first = run.first, let last = run.last, last.end > first.time else { continue }
            var polygon: [(Double, Double)] = []
            for row in run {
                polygon.append((xAxis.position(row.time), yAxis.position(row.upper)))
                polygon.append((xAxis.position(row.end), yAxis.position(row.upper)))
            }
            for row in run.reversed() {
                polygon.append((xAxis.position(row.end), yAxis.position(row.lower)))
                polygon.append((xAxis.position(row.time), yAxis.position(row.lower)))
            }
            polygons.append(polygon)
        }
        return polygons
    }

    func bandPath(_ item: Series, xAxis: LinearAxis, yAxis: LinearAxis) -> SVGPathData {
        var path = SVGPathData()
        for polygon in bandPolygons(item, xAxis: xAxis, yAxis: yAxis) {
            guard let first = polygon.first else { continue }
            path.move(to: first.0, first.1)
            // Consecutive corners share an x or a y, so H and V commands suffice.
            var previous = first
            for point in polygon.dropFirst() {
                if point.1 == previous.1 {
                    if point.0 != previous.0 { path.horizontal(to: point.0) }
                } else if point.0 == previous.0 {
                    path.vertical(to: point.1)
                } else {
                    path.line(to: point.0, point.1)
                }
                previous = point
            }
            path.close()
        }
        return path
    }

    /// A "+" centred on the curve at each censoring time.
    func censorPath(_ item: Series, xAxis: LinearAxis, yAxis: LinearAxis) -> SVGPathData {
        var path = SVGPathData()
        let size = theme.censorMarkSize
        for i in item.censorIndices where i < item.time.count && i < item.value.count {
            let x = xAxis.position(item.time[i])
            let y = yAxis.position(item.value[i])
            guard x.isFinite, y.isFinite else { continue }
            path.move(to: x - size, y)
            path.horizontal(to: x + size)
            path.move(to: x, y - size)
            path.vertical(to: y + size)
        }
        return path
    }

    // MARK: - Number at risk

    private func atRiskTable(rows: [AtRiskRow], xAxis: LinearAxis, top: Double, rowHeight: Double, labelRight: Double, title: String, className: String) -> SVGElement {
        var group = SVGElement("g").attr("class", className).attr("font-size", theme.fontSize)
        let baselineShift = theme.fontSize * 0.35
        group.append(
            SVGElement("text", text: title).attr("class", "at-risk-title").attr("x", 14 * theme.spacing)
                .attr("y", top + baselineShift).attr("font-weight", "bold").attr("fill", theme.textColor))
        for (r, row) in rows.enumerated() {
            let y = top + rowHeight * Double(r + 1) + baselineShift
            group.append(
                SVGElement("text", text: row.label).attr("class", "at-risk-label").attr("x", labelRight)
                    .attr("y", y).attr("text-anchor", "end").attr("fill", row.color).attr("font-weight", "bold"))
            for (tick, count) in zip(xAxis.ticks, row.counts) {
                group.append(
                    SVGElement("text", text: String(count)).attr("class", "at-risk").attr("data-row", String(r))
                        .attr("x", xAxis.position(tick)).attr("y", y).attr("text-anchor", "middle")
                        .attr("fill", row.color))
            }
        }
        return group
    }
}
