import Foundation

/// Optional tools some tests use (they are not needed to build or to run the
/// rest of the suite). Tests that need one take `.enabled(if: OptionalTool.x)`
/// so that, without it, they show as skipped rather than passing silently.
public enum OptionalTool {
    /// Python 3 with the `nbformat` package, to validate exported notebooks.
    public static let pythonNbformat: Bool = runs("/usr/bin/env", ["python3", "-c", "import nbformat"])

    /// Jupyter able to execute notebooks: `jupyter nbconvert` with nbclient,
    /// ipykernel and nbformat importable by python3.
    public static let jupyterExecution: Bool =
        runs("/usr/bin/env", ["python3", "-c", "import nbconvert, nbclient, ipykernel, nbformat"])
        && runs("/usr/bin/env", ["jupyter", "nbconvert", "--version"])

    /// Whether the Jupyter tests must run rather than be skipped: on CI (`CI`
    /// set) or with `SURVKIT_REQUIRE_JUPYTER` set; `.ci/run` sets it and
    /// installs Jupyter, so a missing Jupyter fails there instead of skipping.
    public static let jupyterRequired: Bool = {
        let env = ProcessInfo.processInfo.environment
        return [env["CI"], env["SURVKIT_REQUIRE_JUPYTER"]].contains { $0.map { !$0.isEmpty && $0 != "0" } ?? false }
    }()

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
