import Foundation
import Testing

@testable import SurvivalReports

@Suite struct ForestPlotTests {
    @Test func lungCoxModelRowsShowLabelsEstimatesAndPValues() throws {
        // Tests/Fixtures/svg_forest_lung.json: summary(coxph(Surv(time, status) ~ age + sex + ph.ecog, lung)).
        let rows = try Fixtures.decode([ForestRow].self, "svg_forest_lung.json")
        let plot = ForestPlot(rows, title: "Cox model, lung")
        let svg = plot.render()
        let parsed = try #require(SVGParse.parse(svg))
        #expect(parsed.withClass("term").map(\.text) == ["age", "sex", "ph.ecog"])
        // R prints exp(coef) 1.011, 0.5754, 1.590 with limits (0.9929, 1.0297), (0.4142, 0.7994), (1.2727, 1.9864).
        #expect(parsed.withClass("estimate-text").map(\.text) == ["1.01 (0.99–1.03)", "0.58 (0.41–0.80)", "1.59 (1.27–1.99)"])
        // p = 0.232, 0.000986, 4.4e-05.
        #expect(parsed.withClass("p-value").map(\.text) == ["0.232", "<0.001", "<0.001"])
        #expect(svg.contains("&lt;0.001"))
        #expect(parsed.contains { $0.text == "HR (95% CI)" })
        #expect(parsed.withClass("estimate").count == 3)
        Fixtures.exportExample(svg, name: "forest_lung.svg")
    }

    @Test func referenceLineSitsOnTheTickForOne() throws {
        let rows = try Fixtures.decode([ForestRow].self, "svg_forest_lung.json")
        let parsed = try #require(SVGParse.parse(ForestPlot(rows).render()))
        let ticks = parsed.withClass("x-tick-label")
        #expect(ticks.map(\.text) == ["0.2", "0.5", "1", "2"])
        let one = try #require(ticks.first { $0.text == "1" }?.attributes["x"])
        let line = try #require(parsed.withClass("reference-line").first)
        #expect(line.attributes["x1"] == one && line.attributes["x2"] == one)
    }

    @Test func unusableEstimatesAreListedAsNAAndNeverDrawn() throws {
        let rows = [
            ForestRow(term: "age & sex", estimate: 1.2, lower: 0.9, upper: 1.6, pValue: 0.2),
            ForestRow(term: "<separated>", estimate: .nan, lower: .nan, upper: .nan, pValue: nil),
            ForestRow(term: "zero", estimate: 0, lower: 0, upper: .infinity, pValue: .nan),
        ]
        let svg = ForestPlot(rows).render()
        let parsed = try #require(SVGParse.parse(svg))
        #expect(parsed.withClass("term").map(\.text) == ["age & sex", "<separated>", "zero"])
        #expect(parsed.withClass("estimate-text").map(\.text) == ["1.20 (0.90–1.60)", "NA", "NA"])
        #expect(parsed.withClass("estimate").count == 1)
        #expect(!svg.lowercased().contains("nan") && !svg.lowercased().contains("inf"))
    }

    @Test func intervalsBeyondFixedAxisLimitsEndInArrows() throws {
        var plot = ForestPlot([ForestRow(term: "wide", estimate: 2, lower: 0.1, upper: 40)])
        plot.axisLimits = 0.2...10
        let parsed = try #require(SVGParse.parse(plot.render()))
        #expect(parsed.withClass("ci-arrow").count == 2)
        #expect(parsed.withClass("x-tick-label").map(\.text) == ["0.2", "0.5", "1", "2", "5", "10"])
        #expect(parsed.withClass("p-value").isEmpty)
    }

    @Test func renderingIsDeterministic() throws {
        let rows = try Fixtures.decode([ForestRow].self, "svg_forest_lung.json")
        #expect(ForestPlot(rows).render() == ForestPlot(rows).render())
    }
}
