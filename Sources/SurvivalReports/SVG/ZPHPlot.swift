import Foundation
import SurvivalModels

/// R's `plot(cox.zph(fit))` as an SVG figure: for each coefficient a panel of
/// the scaled Schoenfeld residuals (points) against transformed time, their
/// natural-spline smooth (solid) and its ±2 standard-error limits (dashed),
/// with a dotted line at the fitted coefficient. The curves come from
/// ``SurvivalModels/CoxFit/zphSmooth(transform:)``; nothing is estimated here.
///
/// Panels are stacked top to bottom. With a transformed time scale other than
/// `identity` the x ticks are labelled in time units, as R does: 8 times read
/// off the (x, time) pairs at evenly spaced x, rounded to 2 significant digits
/// (`signif(approx(x, time, ...)$y, 2)`), placed where those times fall.
public enum ZPHPlot {
    public static func figure(_ smooths: [CoxZPHSmooth], coefficients: [String: Double], options: PlotOptions)
        -> PlotFigure
    {
        let size = options.size
        let theme = size.theme()
        let titled = SVGDocument.titled(options.title, size: size, theme: theme)
        var doc = titled.document
        let top = titled.top
        let panelHeight = (size.heightPoints - top) / Double(max(smooths.count, 1))
        for (index, smooth) in smooths.enumerated() {
            doc.add(panel(smooth, beta: coefficients[smooth.term], top: top + panelHeight * Double(index),
                          height: panelHeight, width: size.widthPoints, theme: theme, index: index))
        }
        return PlotFigure(document: doc, size: size)
    }

    static func panel(_ s: CoxZPHSmooth, beta: Double?, top: Double, height: Double, width: Double, theme: PlotTheme, index: Int)
        -> SVGElement
    {
        let u = theme.spacing
        let values = s.y + s.lower + s.upper
        let yAxisProvisional = LinearAxis(dataMin: values.min() ?? -1, dataMax: values.max() ?? 1, pixelStart: 1, pixelEnd: 0, targetTickCount: 5)
        let yTickWidth = yAxisProvisional.ticks.map { TextMetrics.width(yAxisProvisional.label($0), fontSize: theme.tickFontSize) }.max() ?? 0
        let left = 14 * u + theme.fontSize + 10 * u + yTickWidth + theme.tickLength + 6 * u
        let right = width - 20 * u
        let plotTop = top + 8 * u
        let bottom = top + height - (theme.tickLength + 4 * u + theme.tickFontSize + 12 * u + theme.fontSize + 8 * u)
        let xLow = s.x.min() ?? 0, xHigh = s.x.max() ?? 1
        let xAxis = LinearAxis(lower: xLow, upper: xHigh > xLow ? xHigh : xLow + 1, step: 1, pixelStart: left, pixelEnd: right)
        let yAxis = LinearAxis(dataMin: values.min() ?? -1, dataMax: values.max() ?? 1, pixelStart: bottom, pixelEnd: plotTop, targetTickCount: 5)
        var group = SVGElement("g").attr("class", "zph-panel").attr("data-term", s.term)
        let color = theme.color(0)
        var points = SVGPathData()
        let r = 1.2 * u
        for (x, y) in zip(s.x, s.y) {
            let px = xAxis.position(x), py = yAxis.position(y)
            points.move(to: px - r, py)
            points.horizontal(to: px + r)
            points.move(to: px, py - r)
            points.vertical(to: py + r)
        }
        group.append(SVGElement("path").attr("class", "residuals").attr("d", points.string).attr("fill", "none")
            .attr("stroke", "#555555").attr("stroke-width", max(0.5, theme.axisLineWidth)))
        if let beta {
            group.append(SVGElement("line").attr("class", "coefficient").attr("x1", left).attr("y1", yAxis.position(beta))
                .attr("x2", right).attr("y2", yAxis.position(beta)).attr("stroke", theme.referenceColor)
                .attr("stroke-width", theme.axisLineWidth).attr("stroke-dasharray", "1 2"))
        }
        for (name, line, dash) in [("smooth", s.fit, nil), ("smooth-lower", s.lower, "4 3"), ("smooth-upper", s.upper, "4 3")] as [(String, [Double], String?)] {
            var path = SVGPathData()
            for (k, (x, y)) in zip(s.gridX, line).enumerated() {
                if k == 0 { path.move(to: xAxis.position(x), yAxis.position(y)) } else { path.line(to: xAxis.position(x), yAxis.position(y)) }
            }
            group.append(SVGElement("path").attr("class", name).attr("d", path.string).attr("fill", "none")
                .attr("stroke", color).attr("stroke-width", theme.lineWidth).attr("stroke-dasharray", ifPresent: dash))
        }
        // x ticks: R's 8 time labels on a transformed scale, or nice ticks of the time itself.
        let ticks: [(Double, String)]
        if s.transform == "identity" {
            let nice = LinearAxis(dataMin: xLow, dataMax: xHigh, pixelStart: 0, pixelEnd: 1)
            ticks = nice.ticks.filter { $0 >= xLow && $0 <= xHigh }.map { (xAxis.position($0), nice.label($0)) }
        } else {
            ticks = timeTicks(s).map { (xAxis.position($0.x), $0.label) }
        }
        group.append(AxisRenderer.xAxis(ticks: ticks, from: left, to: right, y: bottom, title: "Time", theme: theme))
        group.append(AxisRenderer.yAxis(
            ticks: yAxis.ticks.map { (yAxis.position($0), yAxis.label($0)) }, from: bottom, to: plotTop, x: left,
            title: "Beta(t) for \(s.term)", titleX: left - theme.tickLength - 3 * u - yTickWidth - 10 * u - theme.fontSize * 0.25,
            theme: theme))
        return group
    }

    /// plot.cox.zph's x axis on a transformed scale: `approx(x, time, seq(min, max, length = 17)[2 * (1:8)])`,
    /// `signif(·, 2)`, then `approx(time, x, ·)` for the positions (first of tied x kept).
    static func timeTicks(_ s: CoxZPHSmooth) -> [(x: Double, label: String)] {
        var pairs: [(x: Double, t: Double)] = []
        var seenX = Set<Double>()
        for (x, t) in zip(s.x, s.time).sorted(by: { $0.0 < $1.0 }) where seenX.insert(x).inserted { pairs.append((x, t)) }
        guard pairs.count >= 2, let low = pairs.first?.x, let high = pairs.last?.x else { return [] }
        func interpolate(_ v: Double, _ xs: [Double], _ ys: [Double]) -> Double? {
            guard let first = xs.first, let last = xs.last, v >= first, v <= last else { return nil }
            var i = 0
            while i + 1 < xs.count && xs[i + 1] < v { i += 1 }
            guard i + 1 < xs.count else { return ys[i] }
            let span = xs[i + 1] - xs[i]
            return span == 0 ? ys[i] : ys[i] + (v - xs[i]) / span * (ys[i + 1] - ys[i])
        }
        let xs = pairs.map(\.x), ts = pairs.map(\.t)
        var out: [(Double, String)] = []
        for k in 1...8 {
            let at = low + (high - low) * Double(2 * k - 1) / 16
            guard let time = interpolate(at, xs, ts) else { continue }
            let rounded = signif2(time)
            guard let position = interpolate(rounded, ts, xs) else { continue }
            out.append((position, SVGNumber.format(rounded)))
        }
        return out
    }

    static func signif2(_ v: Double) -> Double {
        guard v != 0, v.isFinite else { return v }
        let e = Foundation.floor(Foundation.log10(Swift.abs(v))) - 1
        let p = Foundation.pow(10, e)
        return (v / p).rounded(.toNearestOrAwayFromZero) * p
    }
}
