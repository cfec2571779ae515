/// A forest plot of hazard ratios as a standalone SVG: term labels on the
/// left, each estimate as a square with a horizontal line for its confidence
/// interval on a log axis (so HR 0.5 and 2 are equally far from 1), a dashed
/// vertical reference line at HR = 1, and the text "HR (95% CI)" — plus the
/// p-value when any row has one — on the right.
///
/// Rows whose estimate is not a positive finite number are listed with "NA"
/// and nothing drawn. Limits outside `axisLimits` are clipped and end in an
/// arrowhead, the usual convention for truncated intervals.
public struct ForestPlot: Sendable {
    public var rows: [ForestRow]
    public var title: String?
    public var xLabel: String = "Hazard ratio (log scale)"
    /// Header of the right-hand text column.
    public var estimateHeader: String = "HR (95% CI)"
    /// Header of the term column.
    public var termHeader: String = "Term"
    /// Fixed axis range; by default the 1-2-5 values enclosing every limit and 1.
    public var axisLimits: ClosedRange<Double>?
    public var width: Double = 720
    public var rowHeight: Double = 26
    public var theme: PlotTheme = .standard

    public init(_ rows: [ForestRow], title: String? = nil) {
        self.rows = rows
        self.title = title
    }

    /// Height that fits every row: title, header, rows, axis.
    public var height: Double {
        topOfRows + rowHeight * Double(max(rows.count, 1)) + 8 * theme.spacing + axisBlock
    }

    private var topOfRows: Double {
        (title == nil ? 12 * theme.spacing : (16 + 10) * theme.spacing + theme.titleFontSize) + theme.fontSize * 1.9
    }

    private var axisBlock: Double {
        theme.tickLength + theme.tickFontSize + theme.fontSize + (4 + 12 + 12) * theme.spacing
    }

    static func isDrawable(_ value: Double) -> Bool { value.isFinite && value > 0 }

    /// "0.58 (0.41–0.80)", two decimals as R `summary(coxph)` prints; "NA" for unusable values.
    static func estimateText(_ row: ForestRow) -> String {
        guard isDrawable(row.estimate) else { return "NA" }
        func f(_ v: Double) -> String { isDrawable(v) ? SVGNumber.fixed(v, decimals: 2) : "NA" }
        return "\(f(row.estimate)) (\(f(row.lower))–\(f(row.upper)))"
    }

    /// p-value text: three decimals, and "<0.001" below that, the convention of most journals.
    static func pText(_ p: Double?) -> String {
        guard let p, p.isFinite, p >= 0 else { return "" }
        return p < 0.001 ? "<0.001" : SVGNumber.fixed(p, decimals: 3)
    }

    public func document() -> SVGDocument {
        let theme = self.theme
        let height = self.height
        var doc = SVGDocument(width: width, height: height, fontFamily: theme.fontFamily, title: title)
        let showP = rows.contains { $0.pValue != nil }

        // Columns: terms | plot | estimate text | p.
        let margin = 14.0 * theme.spacing
        let termWidth = ([termHeader] + rows.map(\.term)).map { TextMetrics.width($0, fontSize: theme.fontSize) }.max() ?? 0
        let estimateWidth = ([estimateHeader] + rows.map(ForestPlot.estimateText)).map { TextMetrics.width($0, fontSize: theme.fontSize) }.max() ?? 0
        let pWidth = showP ? max(TextMetrics.width("<0.001", fontSize: theme.fontSize), TextMetrics.width("p", fontSize: theme.fontSize)) : 0
        let pRight = width - margin
        let estimateLeft = pRight - pWidth - (showP ? 20 * theme.spacing : 0) - estimateWidth
        let plotLeft = margin + termWidth + 24 * theme.spacing
        let plotRight = max(plotLeft + 80 * theme.spacing, estimateLeft - 24 * theme.spacing)

        // Axis domain: the drawable limits and 1, unless fixed.
        var values: [Double] = [1]
        for row in rows where ForestPlot.isDrawable(row.estimate) {
            values.append(row.estimate)
            if ForestPlot.isDrawable(row.lower) { values.append(row.lower) }
            if ForestPlot.isDrawable(row.upper) { values.append(row.upper) }
        }
        let limitLow = axisLimits.map(\.lowerBound).flatMap { ForestPlot.isDrawable($0) ? $0 : nil } ?? (values.min() ?? 0.5)
        let limitHigh = axisLimits.map(\.upperBound).flatMap { ForestPlot.isDrawable($0) ? $0 : nil } ?? (values.max() ?? 2)
        var axis = LogAxis(dataMin: limitLow, dataMax: limitHigh, pixelStart: plotLeft, pixelEnd: plotRight)
        if let axisLimits, ForestPlot.isDrawable(axisLimits.lowerBound), axisLimits.upperBound > axisLimits.lowerBound {
            axis.lower = axisLimits.lowerBound
            axis.upper = axisLimits.upperBound
            axis.ticks = axis.ticks.filter { $0 >= axis.lower * (1 - 1e-9) && $0 <= axis.upper * (1 + 1e-9) }
        }

        let headerY = topOfRows - theme.fontSize * 0.7
        let rowsBottom = topOfRows + rowHeight * Double(max(rows.count, 1))
        if let title {
            doc.add(
                SVGElement("text", text: title).attr("class", "title").attr("x", margin)
                    .attr("y", 16 * theme.spacing + theme.titleFontSize).attr("font-size", theme.titleFontSize)
                    .attr("font-weight", "bold").attr("fill", theme.textColor))
        }
        var header = SVGElement("g").attr("class", "header").attr("font-size", theme.fontSize)
            .attr("font-weight", "bold").attr("fill", theme.textColor)
        header.append(SVGElement("text", text: termHeader).attr("x", margin).attr("y", headerY))
        header.append(SVGElement("text", text: estimateHeader).attr("x", estimateLeft).attr("y", headerY))
        if showP {
            header.append(SVGElement("text", text: "p").attr("x", pRight).attr("y", headerY).attr("text-anchor", "end"))
        }
        doc.add(header)
        doc.add(
            AxisRenderer.axisLine(x1: margin, y1: topOfRows, x2: width - margin, y2: topOfRows, theme: theme)
                .attr("stroke-opacity", 0.5))

        // Reference line at HR = 1.
        let one = axis.position(1)
        doc.add(
            SVGElement("line").attr("class", "reference-line").attr("x1", one).attr("y1", topOfRows)
                .attr("x2", one).attr("y2", rowsBottom).attr("stroke", theme.referenceColor)
                .attr("stroke-width", 1).attr("stroke-dasharray", "4 3"))

        let color = theme.color(0)
        for (index, row) in rows.enumerated() {
            let centre = topOfRows + rowHeight * (Double(index) + 0.5)
            let baseline = centre + theme.fontSize * 0.35
            var group = SVGElement("g").attr("class", "forest-row").attr("font-size", theme.fontSize)
            if index % 2 == 1 {
                group.append(
                    SVGElement("rect").attr("x", margin).attr("y", centre - rowHeight / 2)
                        .attr("width", width - 2 * margin).attr("height", rowHeight).attr("fill", "#000000")
                        .attr("fill-opacity", 0.04))
            }
            group.append(
                SVGElement("text", text: row.term).attr("class", "term").attr("x", margin).attr("y", baseline)
                    .attr("fill", theme.textColor))
            group.append(
                SVGElement("text", text: ForestPlot.estimateText(row)).attr("class", "estimate-text")
                    .attr("x", estimateLeft).attr("y", baseline).attr("fill", theme.textColor))
            if showP {
                group.append(
                    SVGElement("text", text: ForestPlot.pText(row.pValue)).attr("class", "p-value")
                        .attr("x", pRight).attr("y", baseline).attr("text-anchor", "end").attr("fill", theme.textColor))
            }
            if ForestPlot.isDrawable(row.estimate) {
                group.append(contentsOf: intervalMarks(row, axis: axis, centre: centre, color: color))
            }
            doc.add(group)
        }

        doc.add(AxisRenderer.xAxis(
            ticks: axis.ticks.map { (axis.position($0), axis.label($0)) }, from: plotLeft, to: plotRight,
            y: rowsBottom + 8 * theme.spacing, title: xLabel, theme: theme))
        return doc
    }

    /// The CI line (clipped to the axis, arrowheads where clipped) and the estimate square.
    private func intervalMarks(_ row: ForestRow, axis: LogAxis, centre: Double, color: String) -> [SVGElement] {
        var elements: [SVGElement] = []
        let low = ForestPlot.isDrawable(row.lower) ? row.lower : row.estimate
        let high = ForestPlot.isDrawable(row.upper) ? row.upper : row.estimate
        let clippedLow = low < axis.lower
        let clippedHigh = high > axis.upper
        let x0 = axis.position(max(low, axis.lower))
        let x1 = axis.position(min(high, axis.upper))
        if x1 > x0 {
            elements.append(
                SVGElement("line").attr("class", "ci").attr("x1", x0).attr("y1", centre).attr("x2", x1)
                    .attr("y2", centre).attr("stroke", color).attr("stroke-width", theme.lineWidth))
        }
        let arrow = 5.0 * theme.spacing
        for (clipped, x, direction) in [(clippedLow, x0, -1.0), (clippedHigh, x1, 1.0)] where clipped {
            var path = SVGPathData()
            path.move(to: x + direction * arrow, centre)
            path.line(to: x, centre - arrow * 0.7)
            path.line(to: x, centre + arrow * 0.7)
            path.close()
            elements.append(SVGElement("path").attr("class", "ci-arrow").attr("d", path.string).attr("fill", color))
        }
        if row.estimate >= axis.lower && row.estimate <= axis.upper {
            let size = 9.0 * theme.spacing
            let x = axis.position(row.estimate)
            elements.append(
                SVGElement("rect").attr("class", "estimate").attr("x", x - size / 2).attr("y", centre - size / 2)
                    .attr("width", size).attr("height", size).attr("fill", color))
        }
        return elements
    }

    public func render() -> String {
        document().render()
    }
}
