import Testing

@testable import SurvivalReports

@Suite struct SVGBuilderTests {
    @Test func numbersAreRoundedToTwoDecimalsWithoutTrailingZeros() {
        #expect(SVGNumber.format(12.5) == "12.5")
        #expect(SVGNumber.format(12.0) == "12")
        #expect(SVGNumber.format(1.0 / 3.0) == "0.33")
        #expect(SVGNumber.format(2.0 / 3.0) == "0.67")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(-1.005) == "-1")  // -1.005 is stored as -1.00499999…
        #expect(SVGNumber.format(-7.25) == "-7.25")
        #expect(SVGNumber.format(1e6) == "1000000")
    }

    @Test func fixedFormattingKeepsTrailingZeros() {
        #expect(SVGNumber.fixed(1, decimals: 2) == "1.00")
        #expect(SVGNumber.fixed(0.0501, decimals: 3) == "0.050")
        #expect(SVGNumber.fixed(0, decimals: 1) == "0.0")
        #expect(SVGNumber.fixed(0.575444556190492, decimals: 2) == "0.58")
    }

    @Test func nonFiniteNumbersNeverPrintAsNaNOrInfinity() {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(SVGNumber.format(value) == "0")
        }
        var path = SVGPathData()
        path.move(to: .nan, 1)
        path.line(to: 1, .infinity)
        path.horizontal(to: 3)
        #expect(path.string == "H3")
    }

    @Test func textAndAttributesEscapeTheFiveXMLSpecialCharacters() {
        let element = SVGElement("text", text: "a & b < c > d \"e\" 'f'").attr("data-label", "x&y<\"'>")
        #expect(
            element.render()
                == "<text data-label=\"x&amp;y&lt;&quot;&apos;&gt;\">a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;</text>\n"
        )
    }

    @Test func controlCharactersForbiddenInXMLAreDropped() {
        #expect(SVGEscape.escape("a\u{01}b\u{1F}c") == "abc")
    }

    @Test func attributesKeepInsertionOrder() {
        let line = SVGElement("line").attr("y2", 4).attr("x1", 1).attr("stroke", "#000000")
        #expect(line.render() == "<line y2=\"4\" x1=\"1\" stroke=\"#000000\"/>\n")
    }

    @Test func documentIsWellFormedWithDeclarationAndViewBox() throws {
        var doc = SVGDocument(width: 100, height: 50.5, title: "T & U")
        doc.add(SVGElement("circle").attr("cx", 1).attr("cy", 2).attr("r", 3))
        let svg = doc.render()
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 100 50.5\""))
        let parsed = try #require(SVGParse.parse(svg))
        #expect(parsed.first?.name == "svg")
        #expect(parsed.contains { $0.name == "title" && $0.text == "T & U" })
    }

    @Test func okabeItoPaletteCyclesBeyondEightSeries() {
        let theme = PlotTheme.standard
        #expect(theme.color(0) == "#0072B2")
        #expect(theme.color(8) == theme.color(0))
        #expect(Set(PlotTheme.okabeIto).count == 8)
    }
}
