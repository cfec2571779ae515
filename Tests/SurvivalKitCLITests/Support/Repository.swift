import Foundation

/// Paths inside the repository, found from this source file so tests run from
/// any working directory.
enum Repository {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The fixture files of one kind (`km`, `logrank`, ...), sorted by name.
    static func fixtures(_ kind: String) -> [String] {
        let dir = url("Tests/Fixtures/\(kind)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { String($0.dropLast(5)) }
    }

    static func loadJSON(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(relative))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return object
    }
}
