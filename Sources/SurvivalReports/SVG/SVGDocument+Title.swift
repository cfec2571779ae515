extension SVGDocument {
    /// A figure's document of `size` with `title` (bold, top left) when given,
    /// and where the content below the title starts — as the single-panel
    /// figures (`zph-plot`, the spline term plot) lay them out.
    static func titled(_ title: String?, size: PlotSize, theme: PlotTheme) -> (document: SVGDocument, top: Double) {
        let u = theme.spacing
        var doc = SVGDocument(width: size.widthPoints, height: size.heightPoints, fontFamily: theme.fontFamily, title: title)
        var top = 10 * u
        if let title {
            doc.add(
                SVGElement("text", text: title).attr("class", "title").attr("x", 14 * u).attr("y", top + theme.titleFontSize)
                    .attr("font-size", theme.titleFontSize).attr("font-weight", "bold").attr("fill", theme.textColor))
            top += theme.titleFontSize + 10 * u
        }
        return (doc, top)
    }
}
