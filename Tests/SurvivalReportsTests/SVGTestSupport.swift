import CohortData
import Foundation
import SurvivalTestSupport
import SurvivalModels
@testable import SurvivalReports

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One parsed XML element: name, attributes, text content.
struct ParsedElement {
    var name: String
    var attributes: [String: String]
    var text: String
}

/// Parses SVG text with Foundation's XMLParser; returns nil when it is not well-formed XML.
final class SVGParse: NSObject, XMLParserDelegate {
    private(set) var elements: [ParsedElement] = []
    private var stack: [Int] = []

    static func parse(_ svg: String) -> [ParsedElement]? {
        let delegate = SVGParse()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        return delegate.elements
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(ParsedElement(name: elementName, attributes: attributes, text: ""))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = stack.last { elements[last].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}

extension Array where Element == ParsedElement {
    func withClass(_ name: String) -> [ParsedElement] {
        filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(name)) }
    }
}

enum Fixtures {
    static var directory: URL { Repository.url("Tests/Fixtures") }

    /// A fixture in survkit's JSON output form (snake_case keys) decoded as a result value.
    static func decodeOutput<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// Writes `svg` to `$SURVKIT_SVG_EXAMPLES/name` when that variable is set
    /// (used by Tests/Reference/render_svg_examples.sh for screenshots); otherwise does nothing.
    static func exportExample(_ svg: String, name: String) {
        guard let directory = ProcessInfo.processInfo.environment["SURVKIT_SVG_EXAMPLES"], !directory.isEmpty else { return }
        let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(svg.utf8).write(to: url)
    }
}

/// Small hand-made Kaplan–Meier results for rendering tests.
enum HandMadeKM {
    /// Two strata. Stratum A (n = 5): event at 2 (S = 4/5), censor at 3, events at 5
    /// (S = 4/5 · 2/3 = 8/15) and 8 (S = 8/15 · 1/2 = 4/15), censor at 9 — nRisk 5, 4, 3, 2, 1.
    /// Stratum "B & <C>" (n = 4): events at 1, 4, 6, 7, reaching 0 (S = 3/4, 1/2, 1/4, 0);
    /// the limits are nil at the end (R: NA where S = 0). Limits are made up — only
    /// their presence/absence matters for rendering.
    static var twoStrata: KaplanMeierResult {
        let a = curve(
            label: "A", n: 5, time: [2, 3, 5, 8, 9], nRisk: [5, 4, 3, 2, 1], nEvent: [1, 0, 1, 1, 0],
            nCensor: [0, 1, 0, 0, 1], survival: [0.8, 0.8, 8.0 / 15, 4.0 / 15, 4.0 / 15],
            lower: [0.5, 0.5, 0.2, 0.05, 0.05], upper: [1, 1, 0.9, 0.8, 0.8])
        let b = curve(
            label: "B & <C>", n: 4, time: [1, 4, 6, 7], nRisk: [4, 3, 2, 1], nEvent: [1, 1, 1, 1],
            nCensor: [0, 0, 0, 0], survival: [0.75, 0.5, 0.25, 0],
            lower: [0.4, 0.2, 0.05, nil], upper: [1, 0.9, 0.7, nil])
        return KaplanMeierResult(
            n: 9, events: 7, nDroppedMissing: 0, confType: .log, confLevel: 0.95, strata: [a, b],
            rows: RowAccounting(read: 9, used: 9), warnings: [])
    }

    static func curve(
        label: String, n: Int, time: [Double], nRisk: [Double], nEvent: [Double], nCensor: [Double],
        survival: [Double], lower: [Double?], upper: [Double?]
    ) -> KaplanMeierCurve {
        KaplanMeierCurve(
            label: label, n: n, events: nEvent.reduce(0, +), time: time, nRisk: nRisk, nEvent: nEvent,
            nCensor: nCensor, survival: survival, stdErr: lower.map { $0 == nil ? nil : 0.1 }, lower: lower,
            upper: upper, cumhaz: time.map { _ in 0 }, median: nil, medianLower: nil, medianUpper: nil,
            rmst: nil, summaryAt: nil)
    }
}
