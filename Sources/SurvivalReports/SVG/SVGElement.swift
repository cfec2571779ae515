/// One SVG/XML element: a name, attributes in insertion order, and either
/// child elements or escaped text.
///
/// Attributes keep the order they were added in (not a dictionary), so the same
/// drawing code always yields the same bytes. Numeric attributes are written
/// with `SVGNumber.format` (two decimals at most).
public struct SVGElement: Sendable, Equatable {
    public var name: String
    public private(set) var attributes: [(name: String, value: String)] = []
    public var children: [SVGElement] = []
    public var text: String?

    public init(_ name: String, text: String? = nil, children: [SVGElement] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// Returns a copy with the attribute added (string value, escaped when rendered).
    public func attr(_ name: String, _ value: String) -> SVGElement {
        var copy = self
        copy.attributes.append((name, value))
        return copy
    }

    /// Returns a copy with a numeric attribute added, formatted by `SVGNumber.format`.
    public func attr(_ name: String, _ value: Double) -> SVGElement {
        attr(name, SVGNumber.format(value))
    }

    /// Returns a copy with the attribute added only when `value` is non-nil.
    public func attr(_ name: String, ifPresent value: String?) -> SVGElement {
        guard let value else { return self }
        return attr(name, value)
    }

    /// Returns a copy with `child` appended.
    public func appending(_ child: SVGElement) -> SVGElement {
        var copy = self
        copy.children.append(child)
        return copy
    }

    /// Appends `child` in place.
    public mutating func append(_ child: SVGElement) {
        children.append(child)
    }

    /// Appends several children in place.
    public mutating func append(contentsOf newChildren: [SVGElement]) {
        children.append(contentsOf: newChildren)
    }

    /// Serialises the element (two-space indentation, one element per line;
    /// text content stays on the element's line so no whitespace is added to it).
    public func render(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent)
        out += pad + "<" + name
        for attribute in attributes {
            out += " " + attribute.name + "=\"" + SVGEscape.escape(attribute.value) + "\""
        }
        if let text {
            out += ">" + SVGEscape.escape(text) + "</" + name + ">\n"
        } else if children.isEmpty {
            out += "/>\n"
        } else {
            out += ">\n"
            for child in children { child.write(to: &out, indent: indent + 1) }
            out += pad + "</" + name + ">\n"
        }
    }

    public static func == (lhs: SVGElement, rhs: SVGElement) -> Bool {
        lhs.render() == rhs.render()
    }
}

/// XML escaping of the five special characters, for both text and attribute values.
public enum SVGEscape {
    /// Replaces `&`, `<`, `>`, `"` and `'` by their entities; drops control
    /// characters that XML 1.0 forbids (they cannot be escaped).
    public static func escape(_ string: String) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
