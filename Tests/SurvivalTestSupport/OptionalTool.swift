import Foundation

/// Optional tools some tests use (they are not needed to build or to run the
/// rest of the suite). Tests that need one take `.enabled(if: OptionalTool.x)`
/// so that, without it, they show as skipped rather than passing silently.
public enum OptionalTool {
    /// Python 3 with the `nbformat` package, to validate exported notebooks.
    public static let pythonNbformat: Bool = runs("/usr/bin/env", ["python3", "-c", "import nbformat"])

    /// Whether a command exits 0 (its output discarded).
    public static func runs(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
