import Foundation

/// Paths inside the repository, found from this source file so tests run from
/// any working directory (fixtures are read from disk; there are no SwiftPM resources).
public enum Repository {
    /// The folder holding `Package.swift`.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `relative` resolved against the repository root.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The path of a bundled dataset, `datasets/NAME`.
    public static func dataset(_ name: String) -> String { url("datasets/\(name)").path }

    /// The name given in place of the cases of a fixture folder that is
    /// missing or empty. Loading it fails, so a parameterised suite over an
    /// emptied folder fails instead of passing with zero cases.
    public static func missingFixturesMarker(_ kind: String) -> String {
        "NO FIXTURES FOUND in Tests/Fixtures/\(kind) (folder missing or empty)"
    }

    /// The fixture files of one kind (`km`, `logrank`, ...), sorted by name,
    /// without the `.json` extension. Never empty: a missing or empty folder
    /// gives one case, `missingFixturesMarker(kind)`, that fails to load.
    public static func fixtures(_ kind: String) -> [String] {
        let dir = url("Tests/Fixtures/\(kind)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        let cases = names.filter { $0.hasSuffix(".json") }.sorted().map { String($0.dropLast(5)) }
        return cases.isEmpty ? [missingFixturesMarker(kind)] : cases
    }

    /// A fixture file as a JSON object; throws when it is missing or not an object.
    public static func loadJSON(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(relative))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return object
    }

    /// A fixture of one kind, `Tests/Fixtures/KIND/NAME.json`, as a JSON object.
    public static func fixture(_ kind: String, _ name: String) throws -> [String: Any] {
        try loadJSON("Tests/Fixtures/\(kind)/\(name).json")
    }

    /// A fixture file decoded as `T`.
    public static func decode<T: Decodable>(_ type: T.Type, _ relative: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: url(relative)))
    }
}
