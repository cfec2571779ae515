/// The character encoding of a text file (`--encoding`).
///
/// UTF-8 is checked (an invalid sequence is an error naming line, column and
/// bytes). Latin-1 (ISO 8859-1) and Windows-1252 are transcoded to UTF-8
/// before parsing: Latin-1 maps every byte to the code point of the same
/// value; Windows-1252 differs in 0x80–0x9F, where it has typographic
/// characters (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ) and
/// maps its five unassigned bytes to the control code of the same value, as
/// the WHATWG Encoding Standard does.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case latin1 = "latin1"
    case windows1252 = "windows-1252"

    /// Parses `utf-8`, `latin1`, `windows-1252` and the usual aliases
    /// (`utf8`, `iso-8859-1`, `latin-1`, `cp1252`), case-insensitively.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1": self = .latin1
        case "windows-1252", "cp1252", "win1252", "windows1252": self = .windows1252
        default: return nil
        }
    }
}
