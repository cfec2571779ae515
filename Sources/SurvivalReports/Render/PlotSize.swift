/// The physical size of a figure file: width and height in inches (given in
/// inches or millimetres) and, for PNG, the resolution in dots per inch.
///
/// A sized figure is laid out in points (1/72 in): its SVG has
/// `width="3.5in"` and a `viewBox` of `0 0 252 …`, so one user unit is one
/// point and a font size of 8 is 8 pt on paper whatever the file format. The
/// PNG is `width × dpi` pixels wide; the PDF page is `width × 72` points.
public struct PlotSize: Sendable, Equatable {
    /// Width in inches.
    public var width: Double
    /// Height in inches.
    public var height: Double
    /// Resolution of PNG output, in pixels per inch.
    public var dpi: Double

    /// Smallest font size, in points, of any text on a sized figure (journals ask for 6–8 pt at print size).
    public static let minimumFontSize = 7.0

    public init(width: Double, height: Double, dpi: Double = 300) {
        self.width = width
        self.height = height
        self.dpi = dpi
    }

    /// Width in points (1/72 in): the SVG's user units.
    public var widthPoints: Double { width * 72 }
    /// Height in points.
    public var heightPoints: Double { height * 72 }
    /// PNG width in pixels (rounded to the nearest pixel, at least 1).
    public var widthPixels: Int { max(1, Int((width * dpi).rounded())) }
    /// PNG height in pixels.
    public var heightPixels: Int { max(1, Int((height * dpi).rounded())) }

    /// A length such as `"3.5in"`, `"89mm"`, `"8.9cm"` or a bare number (inches), in inches; nil if unreadable.
    public static func inches(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("mm", 1 / 25.4), ("cm", 1 / 2.54), ("in", 1), ("pt", 1.0 / 72)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)),
                value.isFinite, value > 0
            else { return nil }
            return value * factor
        }
        guard let value = Double(trimmed), value.isFinite, value > 0 else { return nil }
        return value
    }

    /// The theme for this size: font sizes in points, 8 pt at one journal
    /// column (3.5 in) growing by 0.6 pt per further inch of width (9.5 pt at
    /// 6 in, at most twice the column size) and never below
    /// ``minimumFontSize``; line widths, marks and gaps in proportion.
    public func theme(base: PlotTheme = .standard) -> PlotTheme {
        var theme = base
        let scale = min(max(1 + (width - 3.5) * 0.6 / 8, 1), 2)
        theme.fontSize = max(PlotSize.minimumFontSize, 8 * scale)
        theme.tickFontSize = max(PlotSize.minimumFontSize, 7.5 * scale)
        theme.titleFontSize = max(PlotSize.minimumFontSize, 9.5 * scale)
        theme.lineWidth = 1.1 * scale
        theme.axisLineWidth = 0.6 * scale
        theme.censorMarkSize = 2.2 * scale
        theme.tickLength = 3 * scale
        theme.spacing = theme.fontSize / 13
        theme.fontFamily = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
        return theme
    }
}
