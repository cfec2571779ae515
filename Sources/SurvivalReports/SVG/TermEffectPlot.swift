import SurvivalModels

/// R's `termplot(fit, se = TRUE, rug = TRUE)` for a spline term as an SVG
/// figure: the term's fitted effect on the log-hazard scale (solid) against
/// its variable, the ±2 standard-error limits (dashed, termplot's `ff = 2`),
/// a dotted line at 0 (the mean of the term, where R centres it) and a rug of
/// the distinct data values. The values come from
/// ``SurvivalModels/CoxFit/termEffect(_:)``; nothing is estimated here.
/// `--xlim`/`--ylim` set the axes; by default the x axis spans the data and
/// the y axis the limits (R's "common" ylim is over all terms; one term here).
public enum TermEffectPlot {
    public static func figure(_ effect: CoxTermEffect, options: PlotOptions) -> PlotFigure {
        let size = options.size
        let theme = size.theme()
        let u = theme.spacing
        let titled = SVGDocument.titled(options.title, size: size, theme: theme)
        var doc = titled.document
        let top = titled.top
        let lower = zip(effect.fit, effect.se).map { $0 - 2 * $1 }
        let upper = zip(effect.fit, effect.se).map { $0 + 2 * $1 }
        let yLow = options.yLimits?.lowerBound ?? min(lower.min() ?? -1, 0)
        let yHigh = options.yLimits?.upperBound ?? max(upper.max() ?? 1, 0)
        let xLow = options.xLimits?.lowerBound ?? effect.x.first ?? 0
        let xHigh = options.xLimits?.upperBound ?? effect.x.last ?? 1
        let provisional = LinearAxis(dataMin: yLow, dataMax: yHigh, pixelStart: 1, pixelEnd: 0, targetTickCount: 5)
        let yTickWidth = provisional.ticks.map { TextMetrics.width(provisional.label($0), fontSize: theme.tickFontSize) }.max() ?? 0
        let left = 14 * u + theme.fontSize + 10 * u + yTickWidth + theme.tickLength + 6 * u
        let right = size.widthPoints - 20 * u
        let plotTop = top + 8 * u
        let bottom = size.heightPoints - (theme.tickLength + 4 * u + theme.tickFontSize + 12 * u + theme.fontSize + 8 * u)
        let xRange = LinearAxis(dataMin: xLow, dataMax: xHigh > xLow ? xHigh : xLow + 1, pixelStart: 0, pixelEnd: 1)
        let xAxis = LinearAxis(lower: xLow, upper: xHigh > xLow ? xHigh : xLow + 1, step: 1, pixelStart: left, pixelEnd: right)
        let yAxis = LinearAxis(dataMin: yLow, dataMax: yHigh, pixelStart: bottom, pixelEnd: plotTop, targetTickCount: 5)
        let color = theme.color(0)
        var group = SVGElement("g").attr("class", "term-effect").attr("data-term", effect.term)
        // Clip to the plot area so --xlim/--ylim narrower than the data cut the lines.
        doc.add(SVGElement("clipPath").attr("id", "term-area").appending(
            SVGElement("rect").attr("x", left).attr("y", plotTop).attr("width", right - left).attr("height", bottom - plotTop)))
        var curves = SVGElement("g").attr("clip-path", "url(#term-area)")
        curves.append(SVGElement("line").attr("class", "zero").attr("x1", left).attr("y1", yAxis.position(0))
            .attr("x2", right).attr("y2", yAxis.position(0)).attr("stroke", theme.referenceColor)
            .attr("stroke-width", theme.axisLineWidth).attr("stroke-dasharray", "1 2"))
        for (name, line, dash) in [("effect", effect.fit, nil), ("lower", lower, "4 3"), ("upper", upper, "4 3")] as [(String, [Double], String?)] {
            var path = SVGPathData()
            for (k, (x, y)) in zip(effect.x, line).enumerated() {
                if k == 0 { path.move(to: xAxis.position(x), yAxis.position(y)) } else { path.line(to: xAxis.position(x), yAxis.position(y)) }
            }
            curves.append(SVGElement("path").attr("class", name).attr("d", path.string).attr("fill", "none")
                .attr("stroke", color).attr("stroke-width", theme.lineWidth).attr("stroke-dasharray", ifPresent: dash))
        }
        var rug = SVGPathData()
        for x in effect.x where x >= xLow && x <= xHigh {
            rug.move(to: xAxis.position(x), bottom)
            rug.vertical(to: bottom - 3 * u)
        }
        curves.append(SVGElement("path").attr("class", "rug").attr("d", rug.string).attr("fill", "none")
            .attr("stroke", "#555555").attr("stroke-width", max(0.5, theme.axisLineWidth)))
        group.append(curves)
        let xTicks = xRange.ticks.filter { $0 >= xLow && $0 <= xHigh }.map { (xAxis.position($0), xRange.label($0)) }
        group.append(AxisRenderer.xAxis(ticks: xTicks, from: left, to: right, y: bottom, title: effect.variable, theme: theme))
        group.append(AxisRenderer.yAxis(
            ticks: yAxis.ticks.map { (yAxis.position($0), yAxis.label($0)) }, from: bottom, to: plotTop, x: left,
            title: "Partial for \(effect.term) (log hazard)",
            titleX: left - theme.tickLength - 3 * u - yTickWidth - 10 * u - theme.fontSize * 0.25, theme: theme))
        doc.add(group)
        return PlotFigure(document: doc, size: size)
    }
}
