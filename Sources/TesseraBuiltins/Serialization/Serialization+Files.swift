// Whole files as bytes, through the C library (the kernel does not use Foundation).
//
// Writing never leaves a half-written file: the bytes go to a new temporary file in the same directory
// (so on the same file system), which replaces the target by `rename` only once it is complete and
// closed; on any failure the temporary is removed and the target is as it was.
//
// Reading maps the file instead of copying it into an array: the decoder then copies a packed array
// once, from the page cache into its own buffer, which is the one copy a file read cannot avoid.

#if canImport(Glibc)
import Glibc
#endif

enum FileBytes {
    /// Writes `bytes` to `path`, replacing the file; false when the file cannot be opened or written.
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        write(to: path) { sink in bytes.withUnsafeBytes { sink($0) } }
    }

    /// Writes what `produce` passes to its sink to `path`, replacing the file; false when the file
    /// cannot be opened or written, or `produce` fails.
    static func write(to path: String,
                      _ produce: (@escaping (UnsafeRawBufferPointer) -> Bool) -> Bool) -> Bool {
        guard let (file, temporary) = openTemporary(beside: path) else { return false }
        let produced = produce { piece in
            guard let base = piece.baseAddress, piece.count > 0 else { return true }
            return fwrite(base, 1, piece.count, file) == piece.count
        }
        let closed = fclose(file) == 0
        guard produced && closed && rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// A new file next to `path` (same directory, a name no one else uses), opened for writing with
    /// the permissions a new file gets (0666 less the umask), and its name.
    private static func openTemporary(beside path: String) -> (UnsafeMutablePointer<FILE>, String)? {
        for _ in 0..<8 {
            let name = path + ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd < 0 {
                if errno == EEXIST { continue }
                return nil
            }
            guard let file = fdopen(fd, "wb") else {
                close(fd)
                unlink(name)
                return nil
            }
            return (file, name)
        }
        return nil
    }

    /// `body` applied to the contents of the regular file at `path`, mapped read-only for the duration
    /// of the call; nil when the file cannot be opened or is not a regular file.
    static func withMappedFile<R>(_ path: String, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        if size == 0 { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0),
              mapped != UnsafeMutableRawPointer(bitPattern: -1) else {
            return readWhole(fd, size: size, body)
        }
        defer { munmap(mapped, size) }
        _ = madvise(mapped, size, MADV_SEQUENTIAL)
        return body(UnsafeRawBufferPointer(start: mapped, count: size))
    }

    /// The fallback where a file cannot be mapped: read it into memory.
    private static func readWhole<R>(_ fd: Int32, size: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return pread(fd, base + filled, size - filled, off_t(filled))
            }
            if n <= 0 { return nil }
            filled += n
        }
        return bytes.withUnsafeBytes { body($0) }
    }
}
