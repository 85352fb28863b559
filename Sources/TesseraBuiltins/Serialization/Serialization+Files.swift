// Whole files as bytes, through the C library (the kernel does not use Foundation).
//
// Reading maps the file instead of copying it into an array: the decoder then copies a packed array
// once, from the page cache into its own buffer, which is the one copy a file read cannot avoid.

#if canImport(Glibc)
import Glibc
#endif

enum FileBytes {
    /// Writes `bytes` to `path`, replacing the file; false when the file cannot be opened or written.
    static func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        let written = bytes.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return fwrite(base, 1, raw.count, file)
        }
        let closed = fclose(file) == 0
        return written == bytes.count && closed
    }

    /// Writes what `produce` passes to its sink to `path`, replacing the file; false when the file
    /// cannot be opened or written, or `produce` fails.
    static func write(to path: String,
                      _ produce: (@escaping (UnsafeRawBufferPointer) -> Bool) -> Bool) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        let produced = produce { piece in
            guard let base = piece.baseAddress, piece.count > 0 else { return true }
            return fwrite(base, 1, piece.count, file) == piece.count
        }
        let closed = fclose(file) == 0
        return produced && closed
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
