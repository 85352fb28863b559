// A link over a Unix stream socket, with descriptors passed as SCM_RIGHTS.
//
// The header goes out in one `sendmsg` that carries the descriptors; the body follows with plain
// writes. On a stream socket the descriptors arrive with the first `recvmsg` that reads header bytes,
// so the receiver reads the header with `recvmsg` and the body with `read`. Stream rather than
// SEQPACKET because a body can be larger than a socket buffer (an unpacked expression of megabytes).

#if canImport(Glibc)
import Glibc
#endif
import CShim

public final class LocalSocketTransport: LinkTransport {
    private var fd: Int32
    /// Bodies above this are refused (a corrupt header must not make the receiver allocate terabytes).
    public static let maximumBody: UInt64 = 1 << 40

    /// Takes ownership of a connected stream socket.
    public init(socket: Int32) {
        fd = socket
        var size: Int32 = 4 << 20
        _ = setsockopt(socket, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        _ = setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close() }

    public var pollDescriptor: Int32 { fd }

    /// Two connected ends (for tests and for spawning a subkernel: one end goes to the child).
    public static func pair() throws(LinkError) -> (Int32, Int32) {
        var sv: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &sv) == 0 else {
            throw .system(call: "socketpair", errno: errno)
        }
        return (sv[0], sv[1])
    }

    public func send(_ message: LinkMessage) throws(LinkError) -> Int {
        guard fd >= 0 else { throw .closed }
        guard message.descriptors.count <= Int(SHIM_MAX_FDS) else {
            throw .malformedFrame("\(message.descriptors.count) descriptors in one message")
        }
        let header = LinkFrameHeader(kind: message.kind.rawValue, descriptorCount: UInt16(message.descriptors.count),
                                     requestID: message.requestID, bodyLength: UInt64(message.body.count)).bytes
        // Header and body in one call; a large body that did not all fit goes on with plain sends.
        let sent = header.withUnsafeBytes { head in
            message.body.withUnsafeBytes { body in
                message.descriptors.withUnsafeBufferPointer { fds in
                    shim_send_fds(fd, fds.baseAddress, Int32(fds.count), head.baseAddress, head.count,
                                  body.baseAddress, body.count)
                }
            }
        }
        guard sent >= 0 else { throw sendError(errno) }
        if sent < header.count {
            try writeAll(header, from: sent)
            try writeAll(message.body, from: 0)
        } else {
            try writeAll(message.body, from: sent - header.count)
        }
        return header.count + message.body.count
    }

    public func receive() throws(LinkError) -> (message: LinkMessage, wireBytes: Int) {
        guard fd >= 0 else { throw .closed }
        var header = [UInt8](repeating: 0, count: LinkFrameHeader.size)
        var descriptors = [Int32](repeating: -1, count: Int(SHIM_MAX_FDS))
        var received = 0
        var descriptorCount: Int32 = 0
        // The first read brings the descriptors; a short read continues without them.
        let n = header.withUnsafeMutableBytes { raw in
            descriptors.withUnsafeMutableBufferPointer { fds in
                shim_recv_fds(fd, raw.baseAddress, raw.count, fds.baseAddress, SHIM_MAX_FDS, &descriptorCount)
            }
        }
        if n == 0 { throw .closed }
        guard n > 0 else { throw receiveError(errno) }
        received = n
        let taken = Array(descriptors.prefix(Int(descriptorCount)))
        do throws(LinkError) {
            if received < header.count { try readAll(&header, from: received) }
            let fields = try LinkFrameHeader(decoding: header)
            guard let kind = LinkMessage.Kind(rawValue: fields.kind) else {
                throw .malformedFrame("unknown kind \(fields.kind)")
            }
            guard fields.bodyLength <= Self.maximumBody else { throw .tooLarge(bytes: fields.bodyLength) }
            var body = [UInt8](repeating: 0, count: Int(fields.bodyLength))
            if !body.isEmpty { try readAll(&body, from: 0) }
            return (LinkMessage(kind: kind, requestID: fields.requestID, body: body, descriptors: taken),
                    header.count + body.count)
        } catch {
            for d in taken { Glibc.close(d) }
            throw error
        }
    }

    public func close() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }

    private func writeAll(_ bytes: [UInt8], from start: Int) throws(LinkError) {
        var offset = start
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw sendError(errno)
            }
            offset += n
        }
    }

    private func readAll(_ bytes: inout [UInt8], from start: Int) throws(LinkError) {
        var offset = start
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + offset, raw.count - offset) }
            if n == 0 { throw .closed }
            if n < 0 {
                if errno == EINTR { continue }
                throw receiveError(errno)
            }
            offset += n
        }
    }

    private func sendError(_ code: Int32) -> LinkError {
        code == EPIPE || code == ECONNRESET ? .closed : .system(call: "sendmsg", errno: code)
    }

    private func receiveError(_ code: Int32) -> LinkError {
        code == ECONNRESET ? .closed : .system(call: "recvmsg", errno: code)
    }
}
