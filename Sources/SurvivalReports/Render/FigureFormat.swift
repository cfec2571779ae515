/// The file format of a `--plot` figure, chosen from the file name's extension.
public enum FigureFormat: String, Sendable, CaseIterable {
    /// The SVG text itself.
    case svg
    /// Rendered from the SVG by librsvg onto a cairo PDF surface (fonts embedded, text as text).
    case pdf
    /// Rendered from the SVG by librsvg onto a cairo image surface (`width × dpi` pixels).
    case png

    /// The format named by `path`'s extension (case-insensitive), or nil for any other extension.
    /// `/dev/null` and other extension-less device paths are SVG.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            if path.hasPrefix("/dev/") { self = .svg; return }
            return nil
        }
        guard let format = FigureFormat(rawValue: name[name.index(after: dot)...].lowercased()) else { return nil }
        self = format
    }
}
