#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a regular file all at once or not at all: the bytes go to a new
/// temporary file beside it (a unique name, created `O_EXCL`), are flushed
/// (`fsync`), and the temporary file is renamed over the path. Readers see
/// the old file or the new one, never a part; on any failure the temporary
/// file is removed and the old file is untouched.
enum AtomicReplacement {
    /// Writes `bytes` as the regular file `path`. `existing`, the file being
    /// replaced, lends its permissions (and, when survkit may, its owner and
    /// group) to the new one; a new file gets 0666 less the umask.
    static func write(_ bytes: [UInt8], to path: String, replacing existing: FileStatus?) throws(SystemError) {
        let (directory, name) = split(path)
        guard !name.isEmpty else { throw SystemError(code: EISDIR) }
        let (file, temporary) = try createTemporary(in: directory, for: name)
        var open = true
        do throws(SystemError) {
            if let existing {
                if existing.owner != geteuid() || existing.group != getegid() {
                    try? file.setOwner(existing.owner, group: existing.group)
                }
                try file.setPermissions(existing.permissions & 0o777)
            }
            try file.write(bytes)
            try file.sync()
            open = false
            try file.close()
            guard rename(temporary, path) == 0 else { throw SystemError.current }
        } catch {
            if open { file.closeIgnoringErrors() }
            _ = unlink(temporary)
            throw error
        }
        // Make the rename itself durable; a failure here loses nothing written.
        if let folder = try? FileDescriptor.openDirectory(directory) {
            try? folder.sync()
            folder.closeIgnoringErrors()
        }
    }

    /// The directory part (`.` when none) and the last component of `path`.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// A new file `DIR/.NAME.survkit-XXXXXXXX.tmp` that did not exist before.
    static func createTemporary(in directory: String, for name: String) throws(SystemError) -> (FileDescriptor, String) {
        let stem = name.utf8.count > 200 ? "survkit" : name
        var attempts = 0
        while true {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let candidate = directory + "/." + stem + ".survkit-" + suffix + ".tmp"
            do {
                return (try FileDescriptor.createNew(candidate, mode: 0o666), candidate)
            } catch where error.code == EEXIST && attempts < 100 {
                attempts += 1
            }
        }
    }
}
