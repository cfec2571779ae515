/// What makes two paths the same file: the device and inode numbers of
/// `stat(2)` (symbolic links followed, so a link and its target, a hard link
/// and `./x` versus `x` all have one identity).
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}
