/// Draws axis lines, outward tick marks, tick labels and axis titles.
///
/// Positions are passed in already mapped to pixels, so the same code serves
/// linear and log axes. Tick labels carry `class="x-tick-label"` /
/// `"y-tick-label"` and the exact `x`/`y` of their tick, which is what other
/// elements (the at-risk table) align to.
enum AxisRenderer {
    static func xAxis(
        ticks: [(position: Double, label: String)], from left: Double, to right: Double, y: Double,
        title: String?, theme: PlotTheme
    ) -> SVGElement {
        var group = SVGElement("g").attr("class", "x-axis").attr("fill", theme.textColor)
        group.append(axisLine(x1: left, y1: y, x2: right, y2: y, theme: theme))
        var marks = SVGPathData()
        for tick in ticks {
            marks.move(to: tick.position, y)
            marks.vertical(to: y + theme.tickLength)
        }
        if !marks.isEmpty { group.append(tickMarks(marks, theme: theme)) }
        let labelY = y + theme.tickLength + 3 * theme.spacing + theme.tickFontSize
        for tick in ticks {
            group.append(
                SVGElement("text", text: tick.label).attr("class", "x-tick-label").attr("x", tick.position)
                    .attr("y", labelY).attr("text-anchor", "middle").attr("font-size", theme.tickFontSize))
        }
        if let title, !title.isEmpty {
            group.append(
                SVGElement("text", text: title).attr("class", "x-axis-title").attr("x", (left + right) / 2)
                    .attr("y", labelY + 10 * theme.spacing + theme.fontSize).attr("text-anchor", "middle")
                    .attr("font-size", theme.fontSize))
        }
        return group
    }

    static func yAxis(
        ticks: [(position: Double, label: String)], from bottom: Double, to top: Double, x: Double,
        title: String?, titleX: Double, theme: PlotTheme
    ) -> SVGElement {
        var group = SVGElement("g").attr("class", "y-axis").attr("fill", theme.textColor)
        group.append(axisLine(x1: x, y1: bottom, x2: x, y2: top, theme: theme))
        var marks = SVGPathData()
        for tick in ticks {
            marks.move(to: x, tick.position)
            marks.horizontal(to: x - theme.tickLength)
        }
        if !marks.isEmpty { group.append(tickMarks(marks, theme: theme)) }
        for tick in ticks {
            group.append(
                SVGElement("text", text: tick.label).attr("class", "y-tick-label")
                    .attr("x", x - theme.tickLength - 3 * theme.spacing).attr("y", tick.position + theme.tickFontSize * 0.35)
                    .attr("text-anchor", "end").attr("font-size", theme.tickFontSize))
        }
        if let title, !title.isEmpty {
            let centre = (top + bottom) / 2
            group.append(
                SVGElement("text", text: title).attr("class", "y-axis-title").attr("x", titleX).attr("y", centre)
                    .attr("text-anchor", "middle").attr("font-size", theme.fontSize)
                    .attr("transform", "rotate(-90 \(SVGNumber.format(titleX)) \(SVGNumber.format(centre)))"))
        }
        return group
    }

    static func axisLine(x1: Double, y1: Double, x2: Double, y2: Double, theme: PlotTheme) -> SVGElement {
        SVGElement("line").attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2)
            .attr("stroke", theme.axisColor).attr("stroke-width", theme.axisLineWidth)
            .attr("stroke-linecap", "square")
    }

    static func tickMarks(_ marks: SVGPathData, theme: PlotTheme) -> SVGElement {
        SVGElement("path").attr("class", "tick-marks").attr("d", marks.string).attr("fill", "none")
            .attr("stroke", theme.axisColor).attr("stroke-width", theme.axisLineWidth)
    }
}
