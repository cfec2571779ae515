extension ForestPlot {
    /// The `--plot` forest figure of hazard ratios (Cox) or subdistribution
    /// hazard ratios (Fine–Gray): `options.size` sets the width and the fonts,
    /// the height follows from the rows (`--height` is not used); `xLimits` fixes
    /// the ratio axis, clipping intervals with arrows.
    public static func figure(_ rows: [ForestRow], options: PlotOptions, ratioName: String = "Hazard ratio")
        -> PlotFigure
    {
        var plot = ForestPlot(rows, title: options.title)
        plot.theme = options.size.theme()
        plot.width = options.size.widthPoints
        plot.rowHeight = plot.theme.fontSize * 2
        plot.xLabel = "\(ratioName) (log scale)"
        if ratioName != "Hazard ratio" { plot.estimateHeader = "SHR (95% CI)" }
        if let limits = options.xLimits, limits.lowerBound > 0 { plot.axisLimits = limits }
        var size = options.size
        size.height = max(plot.height / 72, 0.5)
        var document = plot.document()
        document.height = size.heightPoints
        return PlotFigure(document: document, size: size)
    }
}
