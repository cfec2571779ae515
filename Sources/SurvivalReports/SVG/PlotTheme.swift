/// Colours, fonts and sizes shared by every figure.
///
/// The default palette is Okabe & Ito's colour-blind-safe set ("Color Universal
/// Design", 2008), reordered so the first colours have the strongest contrast on
/// white: blue, vermillion, bluish green, reddish purple, orange, sky blue,
/// black, and yellow last (yellow is hard to read on white). Series beyond the
/// palette's length reuse colours cyclically.
public struct PlotTheme: Sendable, Equatable {
    /// Series colours as CSS colour strings, used in order (never empty: Okabe–Ito if given none).
    public var palette: [String]
    /// CSS font family of all text.
    public var fontFamily: String
    /// Axis titles, legend and at-risk table text, in pixels.
    public var fontSize: Double
    /// Tick labels, in pixels.
    public var tickFontSize: Double
    /// Figure title, in pixels.
    public var titleFontSize: Double
    /// Colour of all text.
    public var textColor: String
    /// Colour of axis lines and ticks.
    public var axisColor: String
    /// Reference lines (HR = 1 in forest plots).
    public var referenceColor: String
    /// Stroke width of the curves, in pixels.
    public var lineWidth: Double
    /// Stroke width of the axes, in pixels.
    public var axisLineWidth: Double
    /// Fill opacity of confidence bands.
    public var bandOpacity: Double
    /// Half the arm length of a censoring "+" mark, in pixels.
    public var censorMarkSize: Double
    /// Length of the axis ticks, in pixels.
    public var tickLength: Double
    /// Scale of the fixed gaps of the layouts (margins, paddings): 1 for the
    /// report's 720 px figures; a sized figure's font size over 13.
    public var spacing: Double = 1

    /// Okabe–Ito colours in the order used for series.
    public static let okabeIto: [String] = [
        "#0072B2",  // blue
        "#D55E00",  // vermillion
        "#009E73",  // bluish green
        "#CC79A7",  // reddish purple
        "#E69F00",  // orange
        "#56B4E9",  // sky blue
        "#000000",  // black
        "#F0E442",  // yellow
    ]

    /// Creates a theme; every default is the standard theme's.
    public init(
        palette: [String] = PlotTheme.okabeIto, fontFamily: String = "sans-serif", fontSize: Double = 13,
        tickFontSize: Double = 12, titleFontSize: Double = 15, textColor: String = "#222222",
        axisColor: String = "#333333", referenceColor: String = "#888888", lineWidth: Double = 1.75,
        axisLineWidth: Double = 1, bandOpacity: Double = 0.15, censorMarkSize: Double = 3.5,
        tickLength: Double = 5
    ) {
        self.palette = palette.isEmpty ? PlotTheme.okabeIto : palette
        self.fontFamily = fontFamily
        self.fontSize = fontSize
        self.tickFontSize = tickFontSize
        self.titleFontSize = titleFontSize
        self.textColor = textColor
        self.axisColor = axisColor
        self.referenceColor = referenceColor
        self.lineWidth = lineWidth
        self.axisLineWidth = axisLineWidth
        self.bandOpacity = bandOpacity
        self.censorMarkSize = censorMarkSize
        self.tickLength = tickLength
    }

    /// The default theme.
    public static let standard = PlotTheme()

    /// The colour of series number `index` (cycling through the palette).
    public func color(_ index: Int) -> String {
        palette[((index % palette.count) + palette.count) % palette.count]
    }
}
