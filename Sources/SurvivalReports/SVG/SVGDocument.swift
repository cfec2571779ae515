/// A complete standalone SVG file: a fixed-size canvas with a white background
/// and a list of top-level elements.
///
/// `render()` is deterministic: the same drawing calls always produce the same
/// bytes (ordered attributes, fixed number formatting, no ids from counters
/// shared between documents, no timestamps).
public struct SVGDocument: Sendable {
    public var width: Double
    public var height: Double
    public var fontFamily: String
    /// Optional `<title>` for accessibility (screen readers, browser tooltips).
    public var title: String?
    public var elements: [SVGElement] = []
    /// `<defs>` content (clip paths).
    public var definitions: [SVGElement] = []
    public var background: String? = "#FFFFFF"
    /// Size on paper (`width`/`height` attributes such as `3.5in`), with the
    /// canvas in points; nil for a canvas in CSS pixels (the report's figures).
    public var physicalSize: PlotSize? = nil

    public init(width: Double, height: Double, fontFamily: String = "sans-serif", title: String? = nil) {
        self.width = width
        self.height = height
        self.fontFamily = fontFamily
        self.title = title
    }

    public mutating func add(_ element: SVGElement) {
        elements.append(element)
    }

    public mutating func add(contentsOf newElements: [SVGElement]) {
        elements.append(contentsOf: newElements)
    }

    public mutating func define(_ element: SVGElement) {
        definitions.append(element)
    }

    /// The SVG file text, starting with the XML declaration and ending with a newline.
    public func render() -> String {
        var root = SVGElement("svg")
            .attr("xmlns", "http://www.w3.org/2000/svg")
            .attr("width", physicalSize.map { SVGNumber.format($0.width) + "in" } ?? SVGNumber.format(width))
            .attr("height", physicalSize.map { SVGNumber.format($0.height) + "in" } ?? SVGNumber.format(height))
            .attr("viewBox", "0 0 \(SVGNumber.format(width)) \(SVGNumber.format(height))")
            .attr("font-family", fontFamily)
        if let title { root.append(SVGElement("title", text: title)) }
        if !definitions.isEmpty { root.append(SVGElement("defs", children: definitions)) }
        if let background {
            root.append(
                SVGElement("rect").attr("x", 0).attr("y", 0).attr("width", width).attr("height", height)
                    .attr("fill", background))
        }
        root.append(contentsOf: elements)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.render()
    }
}
