#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file descriptor and the few POSIX calls survkit's output needs,
/// each retrying on `EINTR` and throwing `SystemError` instead of trapping
/// (Foundation's `FileHandle.write` traps on a full disk or a closed stream).
/// The only place where output touches raw pointers.
struct FileDescriptor {
    var raw: Int32

    static let standardOutput = FileDescriptor(raw: 1)
    static let standardError = FileDescriptor(raw: 2)

    /// Opens an existing path for writing, following symbolic links, never
    /// creating it (no `O_CREAT`) and never truncating it (no `O_TRUNC`: the
    /// caller truncates after `fstat` says it is a regular file).
    static func openExistingForWriting(_ path: String) throws(SystemError) -> FileDescriptor {
        while true {
            let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            if fd >= 0 { return FileDescriptor(raw: fd) }
            let error = SystemError.current
            if error.code != EINTR { throw error }
        }
    }

    /// Creates `path`, which must not exist (`O_CREAT | O_EXCL`, a final
    /// symbolic link not followed), with permissions `mode` less the umask.
    static func createNew(_ path: String, mode: UInt32) throws(SystemError) -> FileDescriptor {
        while true {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
            if fd >= 0 { return FileDescriptor(raw: fd) }
            let error = SystemError.current
            if error.code != EINTR { throw error }
        }
    }

    /// Opens a directory for reading, to `fsync` it after a rename.
    static func openDirectory(_ path: String) throws(SystemError) -> FileDescriptor {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError.current }
        return FileDescriptor(raw: fd)
    }

    /// Writes all of `bytes`: loops over partial writes, `EINTR` and (for a
    /// non-blocking descriptor) `EAGAIN`.
    func write(_ bytes: [UInt8]) throws(SystemError) {
        let failure: SystemError? = bytes.withUnsafeBytes { buffer -> SystemError? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(raw, base + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 {
                    let error = SystemError.current
                    if error.code == EAGAIN || error.code == EWOULDBLOCK {
                        // A non-blocking descriptor (inherited): wait until it takes more.
                        var ready = pollfd(fd: raw, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, -1)
                    } else if error.code != EINTR {
                        return error
                    }
                } else {
                    return SystemError(code: EIO)
                }
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Truncates a regular file to nothing.
    func truncate() throws(SystemError) {
        while ftruncate(raw, 0) != 0 {
            let error = SystemError.current
            if error.code != EINTR { throw error }
        }
    }

    /// Flushes the file to the disk (`fsync`); `EINVAL` (pipes, devices) is
    /// not an error.
    func sync() throws(SystemError) {
        while fsync(raw) != 0 {
            let error = SystemError.current
            if error.code == EINVAL || error.code == ENOTSUP { return }
            if error.code != EINTR { throw error }
        }
    }

    /// Gives the file `permissions` (`fchmod`).
    func setPermissions(_ permissions: UInt32) throws(SystemError) {
        guard fchmod(raw, mode_t(permissions)) == 0 else { throw SystemError.current }
    }

    /// Gives the file an owner and group (`fchown`); fails unless root or unchanged.
    func setOwner(_ owner: UInt32, group: UInt32) throws(SystemError) {
        guard fchown(raw, uid_t(owner), gid_t(group)) == 0 else { throw SystemError.current }
    }

    /// Closes the descriptor; a delayed write error (NFS, quotas) is thrown.
    /// `EINTR` is not retried: the descriptor is gone either way on Linux.
    func close() throws(SystemError) {
        guard systemClose(raw) == 0 else {
            let error = SystemError.current
            if error.code != EINTR { throw error }
            return
        }
    }

    /// Closes the descriptor after another failure, ignoring its own.
    func closeIgnoringErrors() { _ = systemClose(raw) }
}

/// `write(2)`, named apart from ``FileDescriptor/write(_:)``.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// `close(2)`, named apart from ``FileDescriptor/close()``.
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
