import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory of `survkit report --bundle DIR` and the files written into
/// it. The directory is used as it is when it exists (a link to one too) and
/// created when missing; a path that is something else is refused. Every file
/// is written as a regular file by temporary file + rename inside the
/// directory (``AtomicReplacement``): a bundle path that is not a regular
/// file (a link, a device, a FIFO, a directory) is refused, never written
/// through, and so is one that is an input of the report.
struct BundleFolder {
    /// One file of the bundle: its path inside the folder (`tables/cox.md`) and its bytes.
    struct File {
        var path: String
        var bytes: [UInt8]

        init(_ path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }

        init(_ path: String, text: String) {
            self.init(path, bytes: Array(text.utf8))
        }
    }

    /// The path as the user wrote it, for messages.
    var shown: String
    /// The folder as an absolute path with symbolic links resolved (those
    /// parts of it that exist), from which the inputs' relative paths are taken.
    var absolute: String

    /// Checks that `path` (`shown` resolved against `report -C`) is a
    /// directory or nothing; nothing is created yet.
    init(shown: String, path: String) throws {
        self.shown = shown
        if FileStatus.of(path) != nil && FileStatus.of(path)?.kind != .directory {
            throw AnalysisFailure(
                message: "--bundle \(shown): exists and is not a directory; name a new directory or an existing one.")
        }
        absolute = Self.canonical(path)
    }

    /// `path` relative to the folder (`../datasets/lung.csv`); absolute when
    /// the two share no leading directory (`/data/lung.csv` for a bundle in `/tmp`).
    func relativePath(to path: String) -> String {
        let target = Self.canonical(path)
        let d = absolute.split(separator: "/"), t = target.split(separator: "/")
        var common = 0
        while common < d.count && common < t.count - 1 && d[common] == t[common] { common += 1 }
        guard common > 0 else { return target }
        return (Array(repeating: "..", count: d.count - common) + t[common...].map(String.init)).joined(separator: "/")
    }

    /// Checks every file before anything is written (no input overwritten, no
    /// path that is not a regular file, subfolders that are folders), then
    /// creates the folder and its subfolders and writes the files.
    func write(_ files: [File], inputs: [InputFile]) throws {
        var folders: [String] = []
        for file in files {
            let parts = file.path.split(separator: "/").dropLast()
            for k in parts.indices {
                let folder = parts[...k].joined(separator: "/")
                if !folders.contains(folder) { folders.append(folder) }
            }
        }
        for folder in folders {
            let kind = try status(folder)?.kind
            guard kind == nil || kind == .directory else {
                throw AnalysisFailure(
                    message: "--bundle \(shown): \(location(folder)) exists and is not a directory; remove it or choose another bundle directory.")
            }
        }
        for file in files {
            try OutputFile(option: "--bundle", shown: location(file.path), resolved: absolute + "/" + file.path, contents: "the bundle")
                .refuseOverwriting(inputs: inputs)
            if let kind = try status(file.path)?.kind, kind != .regular {
                throw AnalysisFailure(
                    message: "--bundle \(shown): \(location(file.path)) exists and is not a regular file (\(Self.name(kind)));"
                        + " survkit writes only regular files into a bundle: remove it or choose another bundle directory.")
            }
        }
        for folder in [""] + folders {
            let path = folder.isEmpty ? absolute : absolute + "/" + folder
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw AnalysisFailure(
                    message: "--bundle \(shown): cannot create \(folder.isEmpty ? "the directory" : location(folder)) (\(error.localizedDescription)).")
            }
        }
        for file in files {
            let path = absolute + "/" + file.path
            do { try AtomicReplacement.write(file.bytes, to: path, replacing: try FileStatus.ofLink(at: path)) } catch {
                throw AnalysisFailure(message: "\(location(file.path)): cannot write the bundle: \(error.text)")
            }
        }
    }

    /// The path of a bundle file as messages show it (`out/tables/cox.md`).
    func location(_ path: String) -> String {
        shown.hasSuffix("/") ? shown + path : shown + "/" + path
    }

    private func status(_ path: String) throws -> FileStatus? {
        do { return try FileStatus.ofLink(at: absolute + "/" + path) } catch {
            throw AnalysisFailure(message: "\(location(path)): cannot examine it: \(error.text)")
        }
    }

    private static func name(_ kind: FileStatus.Kind) -> String {
        switch kind {
        case .regular: return "a regular file"
        case .directory: return "a directory"
        case .symbolicLink: return "a symbolic link"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .fifo: return "a FIFO"
        case .socket: return "a socket"
        case .other: return "not a regular file"
        }
    }

    /// `path` made absolute (against the working directory), its longest
    /// existing ancestor's symbolic links resolved by `realpath`, `.` and `..`
    /// of the rest removed.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts = absolute.split(separator: "/").map(String.init)
        var rest: [String] = []
        while true {
            let head = "/" + parts.joined(separator: "/")
            if let real = realpath(head, nil) {
                defer { free(real) }
                return normalized(String(cString: real).split(separator: "/").map(String.init) + rest)
            }
            guard let last = parts.popLast() else { return normalized(rest) }
            rest.insert(last, at: 0)
        }
    }

    private static func normalized(_ parts: [String]) -> String {
        var out: [String] = []
        for p in parts where p != "." && !p.isEmpty {
            if p == ".." { _ = out.popLast() } else { out.append(p) }
        }
        return "/" + out.joined(separator: "/")
    }
}
