// The files that traces and reports write, through write(2) with no buffer in the process: a line
// written is in the file even if the process is killed the next moment (a trace of a run that
// crashed still loads).

#if canImport(Glibc)
import Glibc
#endif

/// A file that could not be opened or written, with the system's reason.
public struct OutputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let errno: Int32

    public var description: String { "\(path): \(String(cString: strerror(errno)))" }
}

final class OutputFile {
    let path: String
    private var descriptor: Int32
    /// The first write that failed; later writes are skipped (the owner reports it when it finishes).
    private(set) var failure: OutputFileError?

    init(path: String) throws(OutputFileError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw OutputFileError(path: path, errno: errno) }
    }

    func write(_ text: String) {
        guard failure == nil, descriptor >= 0 else { return }
        var copy = text
        copy.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failure = OutputFileError(path: path, errno: n < 0 ? errno : EIO); return }
                offset += n
            }
        }
    }

    /// Closes the file; the first failure of the file's life, if any.
    @discardableResult
    func close() -> OutputFileError? {
        if descriptor >= 0, Glibc.close(descriptor) != 0, failure == nil { failure = OutputFileError(path: path, errno: errno) }
        descriptor = -1
        return failure
    }
}
