import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file survkit writes (`--output`, `--notebook`, a figure of `--figures`,
/// a file of `simulate --output-dir`), written so that nothing which is not
/// survkit's to replace is replaced:
///
/// - absent, or a regular file: replaced atomically (``AtomicReplacement``);
///   a regular file with other hard links is written in place instead, so
///   every name sees the new contents;
/// - a symbolic link: written through, in place (the link stays a link; a
///   link to nothing is an error, survkit does not create its target);
/// - a character device (`/dev/null`, `/dev/stdout`'s terminal) or a FIFO:
///   opened and written in place, never created or replaced;
/// - a path that is survkit's own standard output or error (`/dev/stdout`,
///   `/proc/self/fd/1`): written through that stream, not truncated, as the
///   shell does;
/// - a directory: `Is a directory`; a block device: refused.
///
/// Failures are `AnalysisFailure`s (exit 1) reading
/// `PATH: cannot write the report: No space left on device`.
struct OutputFile {
    /// The option that named the file, for messages (`--output`).
    var option: String
    /// The path as the user wrote it, for messages.
    var shown: String
    /// The path to open (`shown` resolved against `report -C`).
    var path: String
    /// What is written, for messages: "the report", "the notebook".
    var contents: String

    init(option: String, shown: String, resolved path: String? = nil, contents: String) {
        self.option = option
        self.shown = shown
        self.path = path ?? shown
        self.contents = contents
    }

    /// Throws a usage error (exit 2) naming both paths when this file is one
    /// of `inputs` (the same device and inode: through a link, a hard link or
    /// another spelling of the path), before anything is read or written.
    func refuseOverwriting(inputs: [InputFile]) throws {
        guard let target = FileStatus.of(path)?.identity else { return }
        for input in inputs where input.identity == target {
            throw ValidationError(
                "\(option) \(shown) is the input file \(input.description); refusing to overwrite it.")
        }
    }

    /// Throws a usage error when two outputs of one command would be the same
    /// file (one would silently replace the other): the same existing regular
    /// file, or the same spelling of a path that does not exist yet.
    static func refuseCollisions(_ outputs: [OutputFile]) throws {
        for (i, a) in outputs.enumerated() {
            for b in outputs[(i + 1)...] where a.collides(with: b) {
                throw ValidationError("\(a.option) \(a.shown) and \(b.option) \(b.shown) are the same file.")
            }
        }
    }

    private func collides(with other: OutputFile) -> Bool {
        switch (FileStatus.of(path), FileStatus.of(other.path)) {
        case let (mine?, theirs?): return mine.kind == .regular && mine.identity == theirs.identity
        case (nil, nil): return path == other.path
        default: return false
        }
    }

    /// Writes `text` (UTF-8) as the file's whole contents.
    func write(_ text: String) throws {
        do {
            try write(bytes: Array(text.utf8))
        } catch let error as SystemError {
            throw AnalysisFailure(message: "\(shown): cannot write \(contents): \(error.text)")
        }
    }

    /// Writes `bytes` (a binary document: a PNG or PDF figure, `--format docx`) as the file's whole contents.
    func write(contentsOf bytes: [UInt8]) throws {
        do {
            try write(bytes: bytes)
        } catch let error as SystemError {
            throw AnalysisFailure(message: "\(shown): cannot write \(contents): \(error.text)")
        }
    }

    private func write(bytes: [UInt8]) throws {
        let status = try FileStatus.ofLink(at: path)
        switch status?.kind {
        case nil:
            try AtomicReplacement.write(bytes, to: path, replacing: nil)
        case .regular? where status?.links == 1:
            try AtomicReplacement.write(bytes, to: path, replacing: status)
        case .directory?:
            throw SystemError(code: EISDIR)
        default:
            try writeInPlace(bytes)
        }
    }

    /// Opens what is there (following a link, never creating) and writes
    /// into it: truncated first when it turns out to be a regular file.
    private func writeInPlace(_ bytes: [UInt8]) throws {
        let file = try FileDescriptor.openExistingForWriting(path)
        guard let status = FileStatus.of(descriptor: file.raw) else {
            file.closeIgnoringErrors()
            throw SystemError(code: EBADF)
        }
        if status.kind == .blockDevice {
            file.closeIgnoringErrors()
            throw AnalysisFailure(
                message: "\(shown): is a block device; survkit does not write \(contents) onto it.")
        }
        for stream in [FileDescriptor.standardOutput, .standardError]
        where !StandardStreams.closedAtLaunch.contains(stream.raw)
            && FileStatus.of(descriptor: stream.raw)?.identity == status.identity
        {
            file.closeIgnoringErrors()
            try writeAll(bytes, to: stream)
            return
        }
        do {
            if status.kind == .regular { try file.truncate() }
            try writeAll(bytes, to: file)
            if status.kind == .regular { try file.sync() }
        } catch {
            file.closeIgnoringErrors()
            throw error
        }
        try file.close()
    }

    /// Writes to a stream; a reader that went away ends survkit quietly.
    private func writeAll(_ bytes: [UInt8], to file: FileDescriptor) throws(SystemError) {
        do { try file.write(bytes) } catch where error.code == EPIPE { BrokenPipe.terminate() }
    }
}
