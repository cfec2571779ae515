#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The part of `stat(2)` that decides how a path may be written.
struct FileStatus {
    /// The kind of file, from the `S_IFMT` bits (the values are the same on
    /// Linux and the BSDs).
    enum Kind {
        case regular, directory, symbolicLink, characterDevice, blockDevice, fifo, socket, other

        init(mode: UInt32) {
            switch mode & 0o170000 {
            case 0o100000: self = .regular
            case 0o040000: self = .directory
            case 0o120000: self = .symbolicLink
            case 0o020000: self = .characterDevice
            case 0o060000: self = .blockDevice
            case 0o010000: self = .fifo
            case 0o140000: self = .socket
            default: self = .other
            }
        }
    }

    var kind: Kind
    var identity: FileIdentity
    /// The permission bits (`mode & 0o7777`).
    var permissions: UInt32
    var owner: UInt32
    var group: UInt32
    /// The number of hard links.
    var links: UInt64

    init(_ s: stat) {
        kind = Kind(mode: UInt32(s.st_mode))
        identity = FileIdentity(device: UInt64(s.st_dev), inode: UInt64(s.st_ino))
        permissions = UInt32(s.st_mode) & 0o7777
        owner = UInt32(s.st_uid)
        group = UInt32(s.st_gid)
        links = UInt64(s.st_nlink)
    }

    /// The path itself, a symbolic link not followed (`lstat`); `nil` when
    /// nothing is there.
    static func ofLink(at path: String) throws(SystemError) -> FileStatus? {
        var s = stat()
        guard lstat(path, &s) == 0 else {
            let error = SystemError.current
            if error.code == ENOENT { return nil }
            throw error
        }
        return FileStatus(s)
    }

    /// The file the path names, symbolic links followed (`stat`); `nil` when
    /// it does not exist or cannot be examined.
    static func of(_ path: String) -> FileStatus? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return FileStatus(s)
    }

    /// The file open as descriptor `fd` (`fstat`); `nil` when it is not open.
    static func of(descriptor fd: Int32) -> FileStatus? {
        var s = stat()
        guard fstat(fd, &s) == 0 else { return nil }
        return FileStatus(s)
    }
}
