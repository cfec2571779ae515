/// A `--plot` figure: its SVG document and its size on paper (a forest
/// plot's height follows from its rows), ready to be written as SVG, PNG or PDF.
public struct PlotFigure: Sendable {
    public var document: SVGDocument
    public var size: PlotSize

    public init(document: SVGDocument, size: PlotSize) {
        var document = document
        document.physicalSize = size
        self.document = document
        self.size = size
    }

    /// The SVG text.
    public var svg: String { document.render() }

    /// The file's bytes in `format` (PNG and PDF rendered from the SVG by librsvg).
    public func bytes(_ format: FigureFormat) throws(FigureRenderError) -> [UInt8] {
        try SVGRasterizer.bytes(svg, format: format, size: size)
    }
}
