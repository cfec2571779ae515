import CohortData
import Foundation
import SurvivalModels
import Testing

@testable import SurvivalReports

@Suite struct KaplanMeierPlotTests {
    let plot = KaplanMeierPlot(HandMadeKM.twoStrata, timeUnit: "days", title: "Hand-made & small")

    @Test func outputIsWellFormedXML() throws {
        let parsed = try #require(SVGParse.parse(plot.render()))
        #expect(parsed.first?.name == "svg")
        Fixtures.exportExample(plot.render(), name: "km_handmade.svg")
    }

    @Test func drawsOneCurvePerStratumStartingAtTimeZeroSurvivalOne() throws {
        let parsed = try #require(SVGParse.parse(plot.render()))
        let curves = parsed.withClass("curve")
        #expect(curves.map { $0.attributes["data-label"] } == ["A", "B & <C>"])
        // Every curve starts at (x of tick "0", top of the y axis, which is S = 1): the first
        // <line> is the x axis, the second the y axis drawn from the bottom up (y2 = top).
        let zeroX = try #require(parsed.withClass("x-tick-label").first { $0.text == "0" }?.attributes["x"])
        let yAxis = try #require(parsed.filter { $0.name == "line" }.dropFirst().first)
        #expect(yAxis.attributes["x1"] == yAxis.attributes["x2"])
        let yAxisTop = try #require(yAxis.attributes["y2"])
        for curve in curves {
            #expect(curve.attributes["d"]?.hasPrefix("M\(zeroX) \(yAxisTop)H") == true)
        }
    }

    @Test func legendAndAtRiskLabelsAreTheEscapedStratumLabels() throws {
        let svg = plot.render()
        let parsed = try #require(SVGParse.parse(svg))
        #expect(parsed.withClass("legend-label").map(\.text) == ["A", "B & <C>"])
        #expect(parsed.withClass("at-risk-label").map(\.text) == ["A", "B & <C>"])
        #expect(svg.contains("B &amp; &lt;C&gt;"))
        #expect(!svg.contains("B & <C>"))
        #expect(parsed.withClass("title").first?.text == "Hand-made & small")
        #expect(parsed.withClass("x-axis-title").first?.text == "Time (days)")
        #expect(parsed.withClass("y-axis-title").first?.text == "Survival probability")
    }

    @Test func atRiskNumbersSitExactlyUnderTheTimeTicks() throws {
        let parsed = try #require(SVGParse.parse(plot.render()))
        let tickX = parsed.withClass("x-tick-label").map { $0.attributes["x"] ?? "?" }
        #expect(parsed.withClass("x-tick-label").map(\.text) == ["0", "2", "4", "6", "8"])
        for row in ["0", "1"] {
            let cells = parsed.withClass("at-risk").filter { $0.attributes["data-row"] == row }
            #expect(cells.map { $0.attributes["x"] ?? "" } == tickX)
        }
    }

    @Test func atRiskNumbersAreTheRiskSetAtTheNextObservedTime() throws {
        // Hand derivation from HandMadeKM.twoStrata, ticks 0, 2, 4, 6, 8:
        // A (times 2,3,5,8,9; nRisk 5,4,3,2,1): t=0 → 5 (n), 2 → 5, 4 → time 5 → 3, 6 → time 8 → 2, 8 → 2.
        // B (times 1,4,6,7; nRisk 4,3,2,1):    t=0 → 4 (n), 2 → time 4 → 3, 4 → 3, 6 → 2, 8 → past the end → 0.
        let parsed = try #require(SVGParse.parse(plot.render()))
        let row0 = parsed.withClass("at-risk").filter { $0.attributes["data-row"] == "0" }.map(\.text)
        let row1 = parsed.withClass("at-risk").filter { $0.attributes["data-row"] == "1" }.map(\.text)
        #expect(row0 == ["5", "5", "3", "2", "2"])
        #expect(row1 == ["4", "3", "3", "2", "0"])
    }

    @Test func atRiskTableMatchesRSummaryForLungBySex() throws {
        // Tests/Reference/svg_example_inputs.R: summary(survfit(Surv(time, status) ~ sex, lung),
        // times = seq(0, 1000, 200), extend = TRUE)$n.risk.
        struct Row: Decodable {
            var label: String
            var times: [Double]
            var n_risk: [Int]
        }
        let result = try Fixtures.decodeOutput(KaplanMeierResult.self, "svg_km_lung_sex.json")
        let expected = try Fixtures.decode([Row].self, "svg_km_lung_sex_at_risk.json")
        for (curve, row) in zip(result.strata, expected) {
            #expect(curve.summary(at: row.times).nRisk == row.n_risk.map(Double.init))
        }
        let lung = KaplanMeierPlot(result, timeUnit: "days")
        let svg = lung.render()
        let parsed = try #require(SVGParse.parse(svg))
        #expect(parsed.withClass("x-tick-label").map(\.text) == ["0", "200", "400", "600", "800", "1000"])
        #expect(parsed.withClass("at-risk").map(\.text) == expected.flatMap { $0.n_risk.map(String.init) })
        #expect(!svg.contains("NaN"))
        Fixtures.exportExample(svg, name: "km_lung_sex.svg")
    }

    @Test func bandsAreDrawnPerStratumAndStopWhereLimitsAreMissing() throws {
        let parsed = try #require(SVGParse.parse(plot.render()))
        let bands = parsed.withClass("confidence-band")
        #expect(bands.count == 2)
        // Stratum B's limits are nil at its last row (t = 7), so its band is one closed polygon
        // covering rows t = 1, 4, 6 and ending at t = 7.
        let b = try #require(bands.last?.attributes["d"])
        #expect(b.filter { $0 == "Z" }.count == 1)
        let sevenX = try #require(parsed.withClass("curve").last?.attributes["d"]).split(separator: "H").last.map {
            String($0.split(separator: "V").first ?? "")
        }
        #expect(sevenX.map { b.contains("H\($0)") } == true)
    }

    @Test func censoringMarksOnlyForStrataWithCensoring() throws {
        let parsed = try #require(SVGParse.parse(plot.render()))
        let marks = parsed.withClass("censor-marks")
        // Only stratum A has censorings (t = 3, 9): two "+" marks, two strokes (two moves) each.
        #expect(marks.count == 1)
        #expect(marks.first?.attributes["d"]?.filter { $0 == "M" }.count == 4)
    }

    @Test func missingConfidenceLimitsNeverProduceNaN() {
        var result = HandMadeKM.twoStrata
        result.strata[0].lower = [nil, nil, nil, nil, nil]
        result.strata[0].upper = [nil, 0.9, nil, nil, nil]
        result.strata[1].survival[3] = .nan
        let svg = KaplanMeierPlot(result).render()
        #expect(!svg.contains("NaN"))
        #expect(!svg.lowercased().contains("nan"))
        #expect(!svg.lowercased().contains("inf"))
        #expect(SVGParse.parse(svg) != nil)
    }

    @Test func renderingIsDeterministic() {
        let first = KaplanMeierPlot(HandMadeKM.twoStrata, timeUnit: "days", title: "Hand-made & small").render()
        let second = plot.render()
        #expect(first == second)
        #expect(first == plot.render())
    }

    @Test func singleUnlabelledCurveHasNoLegendAndRowLabelAll() throws {
        var result = HandMadeKM.twoStrata
        result.strata = [result.strata[0]]
        result.strata[0].label = ""
        let parsed = try #require(SVGParse.parse(KaplanMeierPlot(result).render()))
        #expect(parsed.withClass("legend").isEmpty)
        #expect(parsed.withClass("at-risk-label").map(\.text) == ["All"])
        #expect(parsed.withClass("x-axis-title").first?.text == "Time")
    }

    @Test func optionsRemoveBandsMarksAndTable() throws {
        var options = plot
        options.showConfidenceBands = false
        options.showCensorMarks = false
        options.showAtRiskTable = false
        options.timeMax = 6
        options.timeStep = 3
        let parsed = try #require(SVGParse.parse(options.render()))
        #expect(parsed.withClass("confidence-band").isEmpty)
        #expect(parsed.withClass("censor-marks").isEmpty)
        #expect(parsed.withClass("at-risk").isEmpty)
        #expect(parsed.withClass("x-tick-label").map(\.text) == ["0", "3", "6"])
    }

    @Test func curvesAreClippedToThePlotAreaWithAPrefixedId() throws {
        var clipped = plot
        clipped.timeMax = 4
        clipped.idPrefix = "fig2"
        let parsed = try #require(SVGParse.parse(clipped.render()))
        #expect(parsed.contains { $0.name == "clipPath" && $0.attributes["id"] == "fig2-plot-area" })
        #expect(parsed.withClass("data").first?.attributes["clip-path"] == "url(#fig2-plot-area)")
    }

    /// The plot draws the at-risk row of each stratum straight from the
    /// result's `summary(at:)` at its tick times: nothing is recomputed.
    @Test func atRiskNumbersArePinnedToTheResultSummary() throws {
        let parsed = try #require(SVGParse.parse(plot.render()))
        let ticks = parsed.withClass("x-tick-label").compactMap { Double($0.text) }
        for (k, curve) in HandMadeKM.twoStrata.strata.enumerated() {
            let drawn = parsed.withClass("at-risk").filter { $0.attributes["data-row"] == "\(k)" }.map(\.text)
            #expect(drawn == curve.summary(at: ticks).nRisk.map { String(Int($0)) })
        }
    }
}
