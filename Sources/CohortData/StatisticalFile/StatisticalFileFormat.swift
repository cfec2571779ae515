extension InputDescription.Format {
    /// The statistical-file format named by the extension of `path`,
    /// case-insensitive: `.dta` (Stata), `.sav` and `.zsav` (SPSS; both are
    /// `sav`), `.sas7bdat` (SAS data set) and `.xpt` (SAS transport file).
    /// `nil` for any other name, CSV and `-` (standard input) included.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "dta": self = .dta
        case "sav", "zsav": self = .sav
        case "sas7bdat": self = .sas7bdat
        case "xpt": self = .xpt
        default: return nil
        }
    }

    /// Whether the format is one of the binary statistical files that
    /// `StatisticalFileReader` reads (everything but CSV).
    public var isStatisticalFile: Bool { self != .csv && self != .postgres }

    /// The format as named in messages: `Stata .dta`, `SPSS .sav`, ...
    var displayName: String {
        switch self {
        case .csv: return "CSV"
        case .dta: return "Stata .dta"
        case .sav: return "SPSS .sav"
        case .sas7bdat: return "SAS .sas7bdat"
        case .xpt: return "SAS transport .xpt"
        case .postgres: return "PostgreSQL table"
        }
    }
}
