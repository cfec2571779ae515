import CRsvg
import Foundation
import SurvivalTestSupport
import Testing
@testable import survkit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `--plot FILE` on km, cif, mcf, cox and finegray end to end: every option is
/// drawn to a PNG through librsvg (its size from the header, its pixels not
/// all equal), to a PDF (`%PDF`, fonts embedded) and to an SVG whose risk-table
/// numbers sit under the x ticks and equal R's `summary(fit, times = ticks)`
/// (Tests/Reference/plot.R -> Tests/Fixtures/plot/), with the p on the plot
/// equal to R's survdiff / cmprsk::cuminc p.
@Suite struct PlotCommandTests {
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("survkit-plot-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    static let km = ["km", "datasets/lung.csv", "--formula", "Surv(time, status) ~ sex"]
    static let cif = ["cif", "datasets/mgus2_competing.csv", "--formula", "Surv(etime, event) ~ sex"]
    static let mcf = ["mcf", "datasets/bladder2.csv", "--formula", "Surv(start, stop, event) ~ rx + cluster(id)"]
    static let cox = ["cox", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex + ph.ecog"]
    static let finegray = ["finegray", "datasets/mgus2_competing.csv", "--formula", "Surv(etime, event) ~ age + sex"]

    /// Runs survkit with `--plot` into `folder` and returns the figure's bytes.
    static func draw(_ arguments: [String], _ name: String, in folder: Folder) throws -> [UInt8] {
        let path = folder.path(name)
        _ = try CommandRunner.run(arguments + ["--plot", path])
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Width and height from the PNG's IHDR chunk.
    static func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count > 24, bytes[0] == 0x89, bytes[1] == 0x50, bytes[2] == 0x4E, bytes[3] == 0x47 else { return nil }
        func be(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    /// Number of distinct pixel values of the PNG (decoded by cairo).
    static func distinctPixels(_ path: String) -> Int {
        guard let surface = cairo_image_surface_create_from_png(path) else { return 0 }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface)
        else { return 0 }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let width = Int(cairo_image_surface_get_width(surface))
        var seen = Set<UInt32>()
        data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * height) { pixels in
            for y in Swift.stride(from: 0, to: height, by: 3) {
                for x in Swift.stride(from: 0, to: width, by: 3) where seen.count < 64 { seen.insert(pixels[y * stride / 4 + x]) }
            }
        }
        return seen.count
    }

    /// A PNG of `arguments` at the given size: its header size and that it is not blank.
    static func expectPNG(_ arguments: [String], width: Int, height: Int) throws {
        let folder = try Folder()
        let bytes = try draw(arguments, "figure.png", in: folder)
        let size = try #require(pngSize(bytes), "not a PNG")
        #expect(size.0 == width && size.1 == height, "\(arguments): \(size)")
        #expect(distinctPixels(folder.path("figure.png")) > 8, "\(arguments): blank picture")
    }

    /// Text elements of an SVG with their attributes.
    static func texts(_ svg: String) throws -> [(attributes: [String: String], text: String, group: String)] {
        final class Collector: NSObject, XMLParserDelegate {
            var items: [([String: String], String, String)] = []
            var groups: [String] = []
            var count = 0
            var current: ([String: String], String)?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "g" { count += 1; groups.append((attributes["class"] ?? "") + "#\(count)") }
                if name == "text" { current = (attributes, "") }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current?.1 += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "g" { _ = groups.popLast() }
                if name == "text", let current { items.append((current.0, current.1, groups.last ?? "")); self.current = nil }
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "the SVG is not well-formed")
        return collector.items.map { ($0.0, $0.1, $0.2) }
    }

    /// The numbers of the first table of class `group` (rows in order), checking each sits under an x tick.
    static func riskTable(_ svg: String, group: String = "at-risk-table", index: Int = 0) throws -> (ticks: [String], rows: [[Int]]) {
        let all = try texts(svg)
        let instances = all.map(\.group).filter { $0.hasPrefix(group + "#") }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let instance = index < instances.count ? instances[index] : "?"
        let items = all.map { ($0.attributes, $0.text, $0.group == instance ? group : $0.group) }.map { (attributes: $0.0, text: $0.1, group: $0.2) }
        let ticks = items.filter { $0.attributes["class"] == "x-tick-label" }
        let tickX = ticks.compactMap { $0.attributes["x"] }
        var rows: [[Int]] = []
        for item in items where item.group == group && item.attributes["class"] == "at-risk" {
            let r = Int(item.attributes["data-row"] ?? "") ?? 0
            while rows.count <= r { rows.append([]) }
            rows[r].append(Int(item.text) ?? -1)
            #expect(tickX.contains(item.attributes["x"] ?? "?"), "count \(item.text) at x=\(item.attributes["x"] ?? "?") not under a tick")
        }
        return (ticks.map(\.text), rows)
    }

    // MARK: - Sizes and formats

    @Test("km --plot PNG: 6 × 5 in at 300 dpi by default; --width/--height in inches or mm; --dpi")
    func pngSizes() throws {
        try Self.expectPNG(Self.km, width: 1800, height: 1500)
        try Self.expectPNG(Self.km + ["--width", "3.5in", "--height", "3in", "--dpi", "150"], width: 525, height: 450)
        // 89 mm = 3.504 in: 1051 px at 300 dpi; 60 mm = 708.7 px.
        try Self.expectPNG(Self.km + ["--width", "89mm", "--height", "60mm"], width: 1051, height: 709)
    }

    @Test("a one-column figure keeps every font at 7 pt or more")
    func fontsStayLegible() throws {
        let folder = try Folder()
        let svg = String(decoding: try Self.draw(Self.km + ["--width", "3.5in", "--plot-title", "T", "--pvalue"], "f.svg", in: folder), as: UTF8.self)
        #expect(svg.contains("width=\"3.5in\""))
        #expect(svg.contains("viewBox=\"0 0 252 "))
        let sizes = svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        #expect(!sizes.isEmpty)
        #expect(sizes.allSatisfy { $0 >= 7 }, "\(sizes)")
    }

    @Test("km --plot PDF: starts with %PDF, embeds its fonts, page of 6 × 5 in")
    func pdf() throws {
        let folder = try Folder()
        let bytes = try Self.draw(Self.km + ["--plot-title", "Lung"], "figure.pdf", in: folder)
        #expect(Array(bytes.prefix(5)) == Array("%PDF-".utf8))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("/FontFile2") || text.contains("/FontFile"), "no embedded font")
        #expect(text.contains("/MediaBox [ 0 0 432 360 ]"), "page size")
    }

    @Test("--plot /dev/null writes into the device and leaves it a device")
    func devNull() throws {
        _ = try CommandRunner.run(Self.km + ["--plot", "/dev/null"])
        var status = stat()
        #expect(stat("/dev/null", &status) == 0)
        #expect((status.st_mode & S_IFMT) == S_IFCHR)
    }

    // MARK: - km options, against R

    @Test("km: the risk table under the ticks is R's summary(fit, times = ticks)$n.risk; cumulative events too")
    func kmRiskTableMatchesR() throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/plot/km_lung_sex.json")
        let folder = try Folder()
        let svg = String(decoding: try Self.draw(Self.km + ["--risk-table-events", "--risk-table-censored"], "km.svg", in: folder), as: UTF8.self)
        let table = try Self.riskTable(svg)
        let ticks = try #require(fixture["ticks"] as? [Double])
        #expect(table.ticks == ticks.map { String(Int($0)) })
        #expect(table.rows == (try #require(fixture["n_risk"] as? [[Double]])).map { $0.map { Int($0) } })
        let events = try Self.riskTable(svg, group: "count-table")
        let expected = (try #require(fixture["cum_events"] as? [[Double]])).map { $0.map { Int($0) } }
        #expect(events.rows == expected)
        #expect(try Self.riskTable(svg, group: "count-table", index: 1).rows.count == 2, "the censored table")
        #expect(svg.contains(">Cumulative censored<"))
        try Self.expectPNG(Self.km + ["--risk-table-events", "--risk-table-censored"], width: 1800, height: 1500)
    }

    @Test("km --breaks: the ticks and the risk table follow the step (veteran, R)")
    func kmBreaks() throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/plot/km_veteran_celltype.json")
        let args = try #require(fixture["args"] as? [String])
        let folder = try Folder()
        let svg = String(decoding: try Self.draw(args + ["--pvalue"], "vet.svg", in: folder), as: UTF8.self)
        let table = try Self.riskTable(svg)
        #expect(table.ticks == (try #require(fixture["ticks"] as? [Double])).map { String(Int($0)) })
        #expect(table.rows == (try #require(fixture["n_risk"] as? [[Double]])).map { $0.map { Int($0) } })
        let p = try #require(fixture["p"] as? Double)
        #expect(p < 0.0001 ? svg.contains(">Log-rank p &lt; 0.0001<") || svg.contains(">Log-rank p < 0.0001<") : true)
        try Self.expectPNG(args + ["--pvalue"], width: 1800, height: 1500)
    }

    @Test("km --pvalue shows R's log-rank p; --median-lines, --legend-labels, --plot-title, --percent")
    func kmOptions() throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/plot/km_lung_sex.json")
        let p = try #require(fixture["p"] as? Double)  // 0.00131
        let folder = try Folder()
        let args = Self.km + ["--pvalue", "--median-lines", "--legend-labels", "Male,Female", "--plot-title", "Lung cancer", "--percent"]
        let svg = String(decoding: try Self.draw(args, "km.svg", in: folder), as: UTF8.self)
        #expect(abs(p - 0.0013) < 0.00005)
        #expect(svg.contains(">Log-rank p = 0.0013<"))
        #expect(svg.components(separatedBy: "class=\"median-line\"").count == 3)
        #expect(svg.contains(">Male<") && svg.contains(">Female<") && !svg.contains(">sex=1<"))
        #expect(svg.contains(">Lung cancer<"))
        #expect(svg.contains(">100%<") && svg.contains(">20%<"))
        try Self.expectPNG(args, width: 1800, height: 1500)
    }

    @Test("km --xlim/--ylim set the axes; --no-risk-table drops the table; --min-at-risk stops the curves")
    func kmAxes() throws {
        let folder = try Folder()
        let args = Self.km + ["--xlim", "0,500", "--ylim", "0.5,1", "--no-risk-table", "--min-at-risk", "20"]
        let svg = String(decoding: try Self.draw(args, "km.svg", in: folder), as: UTF8.self)
        let items = try Self.texts(svg)
        let xTicks = items.filter { $0.attributes["class"] == "x-tick-label" }.map(\.text)
        let yTicks = items.filter { $0.attributes["class"] == "y-tick-label" }.map(\.text)
        #expect(xTicks.first == "0" && xTicks.last == "500", "\(xTicks)")
        #expect(yTicks.first == "0.5" && yTicks.last == "1.0", "\(yTicks)")
        #expect(!svg.contains("at-risk-table"))
        try Self.expectPNG(args, width: 1800, height: 1500)
        // With --min-at-risk 20 each curve ends where fewer than 20 are at risk: shorter paths.
        let full = String(decoding: try Self.draw(Self.km, "full.svg", in: folder), as: UTF8.self)
        let cut = String(decoding: try Self.draw(Self.km + ["--min-at-risk", "20"], "cut.svg", in: folder), as: UTF8.self)
        #expect(cut.count < full.count)
    }

    // MARK: - cif, mcf, forest

    @Test("cif --plot: every cause with limits and censor marks, R's risk table and Gray's p")
    func cifPlot() throws {
        let fixture = try Repository.loadJSON("Tests/Fixtures/plot/cif_mgus2_sex.json")
        let folder = try Folder()
        let svg = String(decoding: try Self.draw(Self.cif + ["--pvalue", "--risk-table-events"], "cif.svg", in: folder), as: UTF8.self)
        #expect(svg.components(separatedBy: "class=\"curve\"").count == 5, "2 groups × 2 causes")
        #expect(svg.components(separatedBy: "class=\"confidence-band\"").count == 5)
        #expect(svg.contains("class=\"censor-marks\""))
        let table = try Self.riskTable(svg)
        #expect(table.rows == (try #require(fixture["n_risk"] as? [[Double]])).map { $0.map { Int($0) } })
        let p = try #require(fixture["p"] as? [String: Double])
        let p1 = try #require(p["1"]), p2 = try #require(p["2"])
        #expect(abs(p1 - 0.27) < 0.005 && abs(p2 - 0.00064) < 0.000005)
        #expect(svg.contains(">Gray's test 1: p = 0.27; 2: p = 0.0006<") || svg.contains(">Gray&apos;s test 1: p = 0.27; 2: p = 0.0006<"))
        let one = String(decoding: try Self.draw(Self.cif + ["--cause", "1"], "cif1.svg", in: folder), as: UTF8.self)
        #expect(one.components(separatedBy: "class=\"curve\"").count == 3)
        try Self.expectPNG(Self.cif + ["--pvalue", "--width", "120mm", "--height", "100mm", "--dpi", "200"], width: 945, height: 787)
    }

    @Test("mcf --plot with the risk table and --min-at-risk; cox and finegray forest plots")
    func mcfAndForest() throws {
        try Self.expectPNG(Self.mcf + ["--min-at-risk", "10", "--risk-table-events"], width: 1800, height: 1350)
        let folder = try Folder()
        let svg = String(decoding: try Self.draw(Self.mcf + ["--min-at-risk", "10"], "mcf.svg", in: folder), as: UTF8.self)
        #expect(try Self.riskTable(svg).rows.count == 2)
        let forest = String(decoding: try Self.draw(Self.cox + ["--xlim", "0.25,4", "--plot-title", "Cox"], "f.svg", in: folder), as: UTF8.self)
        #expect(forest.components(separatedBy: "class=\"forest-row\"").count == 4)
        #expect(forest.contains(">Cox<") && forest.contains(">0.5<") && forest.contains(">2<"))
        let png = try Self.draw(Self.cox, "f.png", in: folder)
        #expect(Self.pngSize(png)?.0 == 1800)
        #expect(Self.distinctPixels(folder.path("f.png")) > 8)
        let fg = try Self.draw(Self.finegray, "fg.pdf", in: folder)
        #expect(Array(fg.prefix(4)) == Array("%PDF".utf8))
        #expect(String(decoding: try Self.draw(Self.finegray, "fg.svg", in: folder), as: UTF8.self).contains("SHR (95% CI)"))
    }

    // MARK: - zph-plot

    @Test("zph-plot: one panel per coefficient (or --term), PNG 2.5 in per panel, PDF; needs --plot")
    func zphPlot() throws {
        let zph = ["zph-plot", "datasets/lung.csv", "--formula", "Surv(time, status) ~ age + sex + ph.ecog"]
        try Self.expectPNG(zph, width: 1800, height: 2250)
        try Self.expectPNG(zph + ["--term", "age", "--transform", "identity", "--width", "4in", "--dpi", "100"], width: 400, height: 167)
        let folder = try Folder()
        let svg = String(decoding: try Self.draw(zph, "zph.svg", in: folder), as: UTF8.self)
        #expect(svg.components(separatedBy: "class=\"zph-panel\"").count == 4)
        #expect(svg.contains(">Beta(t) for ph.ecog<"))
        #expect(svg.components(separatedBy: "class=\"smooth-upper\"").count == 4)
        let pdf = try Self.draw(zph + ["--term", "sex"], "zph.pdf", in: folder)
        #expect(Array(pdf.prefix(4)) == Array("%PDF".utf8))
        #expect(String(decoding: pdf, as: UTF8.self).contains("/FontFile"))
        #expect(throws: (any Error).self) { _ = try Survkit.parseAsRoot(zph) }
        do {
            _ = try Self.draw(zph + ["--term", "weight"], "zph2.svg", in: folder)
            Issue.record("an unknown --term accepted")
        } catch {
            #expect(Survkit.message(for: error).contains("the coefficients are age, sex, ph.ecog"))
        }
    }

    @Test("cox --plot-term draws a spline term's effect as R's termplot, with ±2 se limits and a rug")
    func termEffectPlot() throws {
        let cox = ["cox", "datasets/pbc.csv", "--formula", "Surv(time, status == 2) ~ ns(age, df = 3) + bs(log(bili), df = 4)"]
        try Self.expectPNG(cox + ["--plot-term", "ns(age)"], width: 1800, height: 1350)
        try Self.expectPNG(cox + ["--plot-term", "bs(log(bili))", "--width", "89mm", "--height", "60mm", "--dpi", "100"],
                           width: 350, height: 236)
        let folder = try Folder()
        let svg = String(decoding: try Self.draw(cox + ["--plot-term", "bs(log(bili))", "--ylim=-3,3"], "t.svg", in: folder),
                         as: UTF8.self)
        // R's carrier: the x axis is bili, not log(bili); the limits are drawn, and a rug of the data.
        #expect(svg.contains(">bili<") && svg.contains(">Partial for bs(log(bili)) (log hazard)<"), "\(svg.prefix(400))")
        for name in ["effect", "lower", "upper", "rug"] { #expect(svg.contains("class=\"\(name)\""), "\(name)") }
        do {
            _ = try Self.draw(cox + ["--plot-term", "age"], "t2.svg", in: folder)
            Issue.record("a non-spline --plot-term accepted")
        } catch {
            #expect(Survkit.message(for: error).contains("its spline terms: bs(log(bili)), ns(age)"))
        }
        #expect(throws: (any Error).self) { _ = try Survkit.parseAsRoot(cox + ["--plot-term", "ns(age)"]) }
    }

    // MARK: - Errors

    @Test("plot options without --plot, an unknown extension, wrong label counts and bad limits are usage errors")
    func errors() throws {
        for (args, message) in [
            (Self.km + ["--plot-title", "x"], "--plot-title applies to --plot"),
            (Self.km + ["--plot", "k.gif"], ".svg, .pdf or .png"),
            (Self.km + ["--plot", "k.png", "--xlim", "5,1"], "--xlim must be"),
            (Self.km + ["--plot", "k.png", "--width", "0.1in"], "--width must be"),
            (Self.cox + ["--plot", "k.png", "--median-lines"], "does not apply"),
            (Self.km + ["--plot", "k.png", "--width", "40in", "--height", "40in", "--dpi", "2400"], "over 100 million"),
            (Self.km + ["--plot", "k.png", "--dpi", "10"], "--dpi must be"),
            (Self.cif + ["--cause", "1"], "--cause applies to --plot"),
        ] {
            #expect(throws: (any Error).self) { _ = try Survkit.parseAsRoot(args) }
            do { _ = try Survkit.parseAsRoot(args) } catch {
                #expect(Survkit.message(for: error).contains(message), "\(Survkit.message(for: error))")
            }
        }
        let folder = try Folder()
        do {
            _ = try Self.draw(Self.km + ["--legend-labels", "A,B,C"], "k.svg", in: folder)
            Issue.record("three labels for two curves accepted")
        } catch {
            #expect(Survkit.message(for: error).contains("gives 3 labels but the plot has 2 curves"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("k.svg")))
    }
}
