// The messages between kernels, and their frame on the wire.
//
// A frame is a fixed 24-byte header, then the body. The header travels apart from the body so that
// a receiver that cannot decode a body still knows what it was and which request it answers, and can
// reply with an error (Julia's Distributed does the same):
//
//     offset  size  field
//     0       2     magic "TL" (0x4C54, little-endian)
//     2       1     protocol version (1)
//     3       1     kind (LinkMessage.Kind)
//     4       2     number of descriptors sent with the header (SCM_RIGHTS on a local link)
//     6       2     reserved, 0
//     8       8     request id (the id of the evaluation a result, output or callback belongs to)
//     16      8     body length in bytes
//
// Bodies are WXF (TesseraWire) except for `control`, whose body is one byte (LinkControl). Packed
// arrays above the shared threshold do not travel in the body: they are handles into shared memory
// whose descriptors ride with the header (SharedArrayTransfer).

/// One message between a master and a subkernel.
public struct LinkMessage: Sendable {
    public enum Kind: UInt8, Sendable, CaseIterable {
        /// Master -> subkernel: evaluate the held expression of the body and answer with `result`.
        case evaluate = 1
        /// Master -> subkernel: definitions to install before the next evaluation (no answer).
        case define = 2
        /// Subkernel -> master: the result of an evaluation.
        case result = 3
        /// Subkernel -> master: a message or a Print, as a value, while an evaluation runs.
        case output = 4
        /// Subkernel -> master: a shared variable or function is read, set or called; the master
        /// answers with `sharedReply`.
        case shared = 5
        case sharedReply = 6
        /// Either way: quit, acknowledgements; a one-byte body.
        case control = 7
        /// Subkernel -> master: the body could not be decoded or the request failed outside evaluation.
        case failure = 8
    }

    public var kind: Kind
    public var requestID: UInt64
    public var body: [UInt8]
    /// Descriptors that travel with the message (closed by the sender's link after sending only if
    /// it owns them; the receiver owns the ones it receives).
    public var descriptors: [Int32]

    public init(kind: Kind, requestID: UInt64 = 0, body: [UInt8], descriptors: [Int32] = []) {
        self.kind = kind
        self.requestID = requestID
        self.body = body
        self.descriptors = descriptors
    }
}

/// The one-byte bodies of `control` messages.
public enum LinkControl: UInt8, Sendable {
    /// Master -> subkernel: end the process after the current message.
    case quit = 1
    /// Subkernel -> master: the subkernel is ready (sent once after start).
    case ready = 2
    /// Master -> subkernel: forget an abort signal that arrived after its evaluation had ended.
    case clearAbort = 3
}

/// The header's fields, encoded and decoded.
public struct LinkFrameHeader: Equatable, Sendable {
    public static let size = 24
    public static let magic: UInt16 = 0x4C54
    public static let version: UInt8 = 1

    public var kind: UInt8
    public var descriptorCount: UInt16
    public var requestID: UInt64
    public var bodyLength: UInt64

    public init(kind: UInt8, descriptorCount: UInt16, requestID: UInt64, bodyLength: UInt64) {
        self.kind = kind
        self.descriptorCount = descriptorCount
        self.requestID = requestID
        self.bodyLength = bodyLength
    }

    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Self.size)
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        put(Self.magic)
        put(Self.version)
        put(kind)
        put(descriptorCount)
        put(UInt16(0))
        put(requestID)
        put(bodyLength)
        return out
    }

    /// The header in `bytes` (exactly `size` of them), or the reason it is not one.
    public init(decoding bytes: [UInt8]) throws(LinkError) {
        guard bytes.count == Self.size else { throw .malformedFrame("header of \(bytes.count) bytes") }
        func get<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
            var v: T = 0
            withUnsafeMutableBytes(of: &v) { raw in
                for i in 0..<MemoryLayout<T>.size { raw[i] = bytes[offset + i] }
            }
            return T(littleEndian: v)
        }
        guard get(0, UInt16.self) == Self.magic else { throw .malformedFrame("bad magic") }
        guard bytes[2] == Self.version else { throw .malformedFrame("protocol version \(bytes[2])") }
        kind = bytes[3]
        descriptorCount = get(4, UInt16.self)
        requestID = get(8, UInt64.self)
        bodyLength = get(16, UInt64.self)
    }
}

/// What can go wrong on a link; typed so that the toolkit turns each into a message or a requeue.
public enum LinkError: Error, Equatable, Sendable {
    /// The other end closed the link (a subkernel that exited or was killed).
    case closed
    /// A system call failed with this errno.
    case system(call: String, errno: Int32)
    /// The bytes are not a frame of this protocol.
    case malformedFrame(String)
    /// A body is larger than the receiver accepts.
    case tooLarge(bytes: UInt64)
}
