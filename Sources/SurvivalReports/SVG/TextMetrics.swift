/// Approximate text widths, for layout without a font engine.
///
/// The package cannot measure glyphs, so widths are estimated from average
/// advance widths of Helvetica/Arial (the usual "sans-serif"), in ems: narrow
/// letters (i, l, punctuation) ≈ 0.28, digits ≈ 0.556, lower case ≈ 0.5,
/// capitals ≈ 0.67, wide letters (m, w, M, W) ≈ 0.85. Errors of ±10 % only
/// change how much white space a margin gets.
enum TextMetrics {
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "j", "l", "I", ".", ",", ":", ";", "'", "|", "!", "(", ")", "[", "]", " ", "f", "t", "r":
                ems += 0.3
            case "m", "w", "M", "W", "%", "@":
                ems += 0.85
            case "0"..."9", "=", "+", "<", ">", "–":
                ems += 0.556
            default:
                if character.isUppercase { ems += 0.68 } else { ems += 0.52 }
            }
        }
        return ems * fontSize
    }
}
