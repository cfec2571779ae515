import ArgumentParser
import SurvivalKit

/// The `--plot` options shared by km, cif, mcf, cox and finegray: the figure
/// file (its format from the extension) and what it shows. Without `--plot`
/// none of the others may be given, and nothing else about the command changes.
struct PlotArguments: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Also draw the figure to this file: .svg, or .pdf / .png rendered from the SVG by librsvg.",
            valueName: "file"))
    var plot: String?

    @Option(help: ArgumentHelp("Title above the figure.", valueName: "text"))
    var plotTitle: String?

    @Option(help: ArgumentHelp(
        "Comma-separated legend labels, one per curve in the legend's order (e.g. \"Male,Female\").",
        valueName: "labels"))
    var legendLabels: String?

    @Option(help: ArgumentHelp("Time axis limits LOW,HIGH (forest plots: the ratio axis, e.g. 0.25,4).", valueName: "low,high"))
    var xlim: String?

    @Option(help: ArgumentHelp("y axis limits LOW,HIGH (e.g. 0.5,1 for survival).", valueName: "low,high"))
    var ylim: String?

    @Option(help: ArgumentHelp("Distance between time ticks (the risk table's columns), e.g. 365.", valueName: "step"))
    var breaks: Double?

    @Flag(help: "Label the y axis in percent.")
    var percent = false

    @Flag(help: "km: dashed lines at each curve's median survival.")
    var medianLines = false

    @Flag(help: "km: the log-rank p on the plot; cif: Gray's p per cause.")
    var pvalue = false

    @Flag(inversion: .prefixedNo, help: "The number-at-risk table under the plot.")
    var riskTable = true

    @Flag(help: "Add a table of cumulative censored counts under the ticks.")
    var riskTableCensored = false

    @Flag(help: "Add a table of cumulative event counts under the ticks.")
    var riskTableEvents = false

    @Option(help: ArgumentHelp("Figure width: inches (6, 3.5in) or millimetres (89mm).", valueName: "length"))
    var width: String?

    @Option(help: ArgumentHelp("Figure height: inches or millimetres (forest plots: from the rows).", valueName: "length"))
    var height: String?

    @Option(help: "PNG resolution in dots per inch.")
    var dpi: Double = 300

    @Option(help: ArgumentHelp(
        "Curves stop at the first time when fewer subjects are at risk (cif: 5 by default; km, mcf: off).",
        valueName: "n"))
    var minAtRisk: Int?

    /// The options given, for messages.
    private var given: [String] {
        var names: [String] = []
        if plotTitle != nil { names.append("--plot-title") }
        if legendLabels != nil { names.append("--legend-labels") }
        if xlim != nil { names.append("--xlim") }
        if ylim != nil { names.append("--ylim") }
        if breaks != nil { names.append("--breaks") }
        if percent { names.append("--percent") }
        if medianLines { names.append("--median-lines") }
        if pvalue { names.append("--pvalue") }
        if !riskTable { names.append("--no-risk-table") }
        if riskTableCensored { names.append("--risk-table-censored") }
        if riskTableEvents { names.append("--risk-table-events") }
        if width != nil { names.append("--width") }
        if height != nil { names.append("--height") }
        if dpi != 300 { names.append("--dpi") }
        if minAtRisk != nil { names.append("--min-at-risk") }
        return names
    }

    /// Checks the values; `unsupported` lists the options this command's figure has no use for.
    func check(unsupported: [String] = []) throws {
        guard let plot else {
            if let first = given.first {
                throw ValidationError("\(first) applies to --plot; give the figure file too, e.g. --plot km.png.")
            }
            return
        }
        guard FigureFormat(path: plot) != nil else {
            throw ValidationError("--plot \(plot): the figure's format comes from its extension: .svg, .pdf or .png.")
        }
        for name in given where unsupported.contains(name) {
            throw ValidationError("\(name) does not apply to this command's figure.")
        }
        for (name, text) in [("--xlim", xlim), ("--ylim", ylim)] {
            if let text, PlotArguments.range(text) == nil {
                throw ValidationError("\(name) must be two finite numbers LOW,HIGH with LOW < HIGH, e.g. 0,1000.")
            }
        }
        if let breaks, !(breaks.isFinite && breaks > 0) {
            throw ValidationError("--breaks must be a finite number > 0 (the distance between time ticks).")
        }
        for (name, text) in [("--width", width), ("--height", height)] {
            guard let text else { continue }
            guard let inches = PlotSize.inches(text), inches >= 1, inches <= 40 else {
                throw ValidationError(
                    "\(name) must be a length from 1 to 40 inches: a number of inches (6, 3.5in) or millimetres (89mm).")
            }
        }
        if !(dpi.isFinite && dpi >= 36 && dpi <= 2400) {
            throw ValidationError("--dpi must be a number from 36 to 2400.")
        }
        let size = options().size
        if plot.lowercased().hasSuffix(".png"), Double(size.widthPixels) * Double(size.heightPixels) > 100_000_000 {
            throw ValidationError(
                "--width × --height at --dpi \(SVGNumber.format(dpi)) gives \(size.widthPixels) × \(size.heightPixels) pixels"
                    + " (over 100 million); lower --dpi or the size.")
        }
        if let minAtRisk, minAtRisk < 1 {
            throw ValidationError("--min-at-risk must be a whole number ≥ 1.")
        }
        if let legendLabels, legendLabels.split(separator: ",", omittingEmptySubsequences: false).contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--legend-labels must be comma-separated non-empty labels, e.g. Male,Female.")
        }
    }

    /// `LOW,HIGH` with LOW < HIGH, both finite.
    static func range(_ text: String) -> ClosedRange<Double>? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let low = parts[0], let high = parts[1], low.isFinite, high.isFinite, low < high
        else { return nil }
        return low...high
    }

    /// The figure file, checked against the inputs and `--output` before any work; nil without `--plot`.
    func destination(inputs: [InputFile], output: OutputOptions) throws -> OutputFile? {
        guard let plot else { return nil }
        let file = OutputFile(option: "--plot", shown: plot, contents: "the figure")
        try file.refuseOverwriting(inputs: inputs)
        if let report = output.output {
            try OutputFile.refuseCollisions([OutputFile(option: "--output", shown: report, contents: "the report"), file])
        }
        return file
    }

    /// The library's plot options; `defaultHeight` is in inches for a 6 in wide figure.
    func options(defaultHeight: Double = 5, defaultMinAtRisk: Int? = nil) -> PlotOptions {
        let width = self.width.flatMap(PlotSize.inches) ?? 6
        let height = self.height.flatMap(PlotSize.inches) ?? defaultHeight * width / 6
        var options = PlotOptions(size: PlotSize(width: width, height: height, dpi: dpi))
        options.title = plotTitle
        options.legendLabels = legendLabels.map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        options.xLimits = xlim.flatMap(PlotArguments.range)
        options.yLimits = ylim.flatMap(PlotArguments.range)
        options.breaks = breaks
        options.percent = percent
        options.medianLines = medianLines
        options.pValue = pvalue
        options.riskTable = riskTable
        options.censoredTable = riskTableCensored
        options.eventsTable = riskTableEvents
        options.minAtRisk = minAtRisk ?? defaultMinAtRisk
        return options
    }

    /// Draws the figure with `make` and writes it to `file` in the extension's format.
    static func write(_ file: OutputFile?, make: () throws(PlotOptionError) -> PlotFigure) throws {
        guard let file else { return }
        let figure: PlotFigure
        do { figure = try make() } catch { throw ValidationError(error.message) }
        let format = FigureFormat(path: file.shown) ?? .svg
        let bytes: [UInt8]
        do { bytes = try figure.bytes(format) } catch {
            throw AnalysisFailure(message: "\(file.shown): cannot draw the figure: \(error.message)")
        }
        try file.write(contentsOf: bytes)
    }
}
