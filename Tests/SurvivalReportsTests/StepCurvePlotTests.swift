import Foundation
import Testing

@testable import SurvivalReports

@Suite struct StepCurvePlotTests {
    /// Two causes; cause "Relapse & death" has a missing limit in the middle.
    static let handMade: [StepCurveSeries] = [
        StepCurveSeries(
            label: "Relapse & death", time: [1, 3, 6, 8], value: [0.1, 0.25, 0.3, 0.3],
            lower: [0.02, nil, 0.15, 0.15], upper: [0.3, nil, 0.45, 0.45]),
        StepCurveSeries(label: "Other <cause>", time: [2, 4], value: [0.05, 0.12]),
    ]

    @Test func cumulativeIncidenceCurvesRiseFromZeroOnePathEach() throws {
        let svg = CumulativeIncidencePlot(Self.handMade, timeUnit: "months").render()
        let parsed = try #require(SVGParse.parse(svg))
        let curves = parsed.withClass("curve")
        #expect(curves.map { $0.attributes["data-label"] } == ["Relapse & death", "Other <cause>"])
        #expect(parsed.withClass("legend-label").map(\.text) == ["Relapse & death", "Other <cause>"])
        #expect(svg.contains("Relapse &amp; death") && svg.contains("Other &lt;cause&gt;"))
        // Start at (x of tick "0", y of the x axis line, which is y = 0).
        let axisLine = try #require(parsed.first { $0.name == "line" && $0.attributes["x1"] != $0.attributes["x2"] })
        let zeroX = try #require(parsed.withClass("x-tick-label").first { $0.text == "0" }?.attributes["x"])
        for curve in curves {
            #expect(curve.attributes["d"]?.hasPrefix("M\(zeroX) \(axisLine.attributes["y1"] ?? "?")H") == true)
        }
        #expect(parsed.withClass("y-axis-title").first?.text == "Cumulative incidence")
        #expect(parsed.withClass("x-axis-title").first?.text == "Time (months)")
    }

    @Test func cumulativeIncidenceAxisZoomsToTheDataButNeverAboveOne() throws {
        // Largest value drawn is the upper limit 0.45 → step 0.1, axis 0–0.5.
        let parsed = try #require(SVGParse.parse(CumulativeIncidencePlot(Self.handMade).render()))
        #expect(parsed.withClass("y-tick-label").map(\.text) == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5"])
        let high = [StepCurveSeries(label: "x", time: [1], value: [0.9], lower: [0.8], upper: [1.2])]
        let capped = try #require(SVGParse.parse(CumulativeIncidencePlot(high).render()))
        #expect(capped.withClass("y-tick-label").last?.text == "1.0")
    }

    @Test func missingLimitsSplitTheBandAndNeverPrintNaN() throws {
        let svg = CumulativeIncidencePlot(Self.handMade).render()
        let parsed = try #require(SVGParse.parse(svg))
        let bands = parsed.withClass("confidence-band")
        // Only the first series has limits; the nil at row 2 splits it into two polygons,
        // [1, 3) and [6, 8] (row i's limits hold until time[i + 1]).
        #expect(bands.count == 1)
        #expect(bands.first?.attributes["d"]?.filter { $0 == "Z" }.count == 2)
        #expect(!svg.contains("NaN"))
        let broken = [StepCurveSeries(label: "x", time: [1, .nan, 3], value: [0.1, 0.2, .infinity], lower: [nil], upper: [])]
        let brokenSVG = CumulativeIncidencePlot(broken).render()
        #expect(!brokenSVG.lowercased().contains("nan") && !brokenSVG.lowercased().contains("inf"))
        #expect(SVGParse.parse(brokenSVG) != nil)
    }

    @Test func competingRisksExampleFromCmprskRenders() throws {
        let series = try Fixtures.decode([StepCurveSeries].self, "svg_cif_mgus2.json")
        var plot = CumulativeIncidencePlot(series, timeUnit: "months", title: "MGUS: progression and death")
        plot.timeStep = 60
        let svg = plot.render()
        let parsed = try #require(SVGParse.parse(svg))
        #expect(parsed.withClass("curve").count == 4)
        #expect(!svg.contains("NaN"))
        #expect(svg == plot.render())
        Fixtures.exportExample(svg, name: "cif_mgus2.svg")
    }

    @Test func meanCumulativeFunctionIsNotCappedAtOne() throws {
        let series = try Fixtures.decode([StepCurveSeries].self, "svg_mcf_bladder2.json")
        let plot = MeanCumulativeFunctionPlot(series, timeUnit: "months")
        let svg = plot.render()
        let parsed = try #require(SVGParse.parse(svg))
        #expect(parsed.withClass("curve").map { $0.attributes["data-label"] } == ["Placebo", "Thiotepa"])
        #expect(parsed.withClass("y-axis-title").first?.text == "Mean cumulative number of events")
        let maximum = series.flatMap { $0.upper ?? [] }.compactMap { $0 }.max() ?? 0
        let lastTick = try #require(parsed.withClass("y-tick-label").last.flatMap { Double($0.text) })
        #expect(maximum > 1 && lastTick >= maximum)
        #expect(!svg.contains("NaN"))
        Fixtures.exportExample(svg, name: "mcf_bladder2.svg")
    }
}
