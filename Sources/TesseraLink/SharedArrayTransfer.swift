// Packed arrays between kernels as shared-memory handles: zero copy, both ways.
//
// A packed array of `PackedBuffer.sharedThreshold` bytes or more is born in a memfd segment, so it
// can cross to a local kernel as a handle instead of bytes. Every body a link sends is WXF written
// with this file's substitution hooks (TesseraWire/ArraySubstitution.swift):
//
//     Tessera`SharedArray[window, segmentOffset, byteOffset, byteCount, type, {dims...}, descriptor]
//
// - `window` names one mapped range of a segment on this link: the sender numbers each range (memfd
//   inode and file offset, from fstat) the first time it goes to the peer. Names are never reused
//   on a link, so a release can never hit a later window that happens to reuse a freed inode.
// - `segmentOffset`, `byteCount`: the range the receiver maps (the whole buffer, a page multiple
//   offset into the memfd: a slab slot, or the window of a mapping that came from a third kernel).
// - `byteOffset`, `type`, `dims`: the array as a view inside that range (a row `a[[n]]` is its
//   matrix's range at an offset: the matrix is mapped once, the row is not copied).
// - `descriptor`: index into the message's descriptors (SCM_RIGHTS) for a window new to the peer,
//   -1 when the peer maps it already. So 401 evaluations over rows of `a` send one descriptor.
//
// Release: the sender holds its windows weakly; when a buffer it sent dies, the next message names
// the window in `Tessera`SharedRelease[{window...}, body]` and the receiver drops its mapping. The
// memory is then freed with its last holder (a memfd lives while any descriptor or mapping does:
// no cross-process count, nothing in /dev/shm, and a crashed kernel's mappings go with it).
//
// Value semantics: the one place that attaches a buffer's descriptor marks the buffer exported, so
// its owner never reuses the memory (PackedBuffer.deinit); the receiver maps read-only, so a write
// there copies first (PackedArray.makeUniqueForWriting). Heap arrays (no handle) and small arrays go
// as WXF bytes.
//
// One instance per link, used from the kernel's one thread.

#if canImport(Glibc)
import Glibc
#endif
import TesseraExpr
import TesseraStorage
import TesseraWire

public final class SharedArrayTransfer {
    public static let markerHead = "Tessera`SharedArray"
    public static let releaseHead = "Tessera`SharedRelease"

    /// A range of a memfd as the kernel knows it: the same memory has the same key in every process.
    struct SegmentKey: Hashable {
        var device: UInt64
        var inode: UInt64
        var offset: Int
    }

    /// A window this side sent; the weak reference's death is the release.
    struct SentWindow {
        let id: Int
        weak var buffer: PackedBuffer?
    }

    private var sent: [SegmentKey: SentWindow] = [:]
    private var nextWindow = 1
    /// Windows found dead while a body was being written, released with the next body.
    private var lateReleases: [Int] = []
    /// Windows the peer sent, by the peer's name, with our read-only mapping of each.
    private var received: [Int: PackedBuffer] = [:]

    /// Descriptors attached to messages / taken from messages over the link's life (for tests and the
    /// traffic monitor: each segment goes to a kernel once).
    public private(set) var descriptorsSent = 0
    public private(set) var descriptorsReceived = 0

    public init() {}

    /// Windows the peer holds a mapping of on our word (sent, not yet released).
    public var sentWindowCount: Int { sent.count }
    /// Windows of the peer this side maps.
    public var receivedWindowCount: Int { received.count }

    /// A body ready to send: the bytes, the descriptors to attach, and the bytes its handles stand for.
    public struct OutgoingBody {
        public var bytes: [UInt8]
        public var descriptors: [Int32]
        public var sharedBytes: Int
        /// The buffers whose descriptors are attached: they must live until the message is sent.
        public var holds: [PackedBuffer]
    }

    // MARK: Sending

    /// `expression` as a body for the peer: big shared packed arrays as handles, the rest as WXF.
    public func encode(_ expression: Expr, symbols: SymbolTable) -> OutgoingBody {
        let released = sweep()
        var body = expression
        if !released.isEmpty {
            body = Expr(symbols.intern(fullName: Self.releaseHead),
                        Expr(symbols.system.List, released.map { .integer($0) }), expression)
        }
        let encoder = HandleEncoder(self, symbols: symbols)
        let bytes = WXF.encode(body, symbols: symbols, arraySubstitution: encoder)
        return OutgoingBody(bytes: bytes, descriptors: encoder.descriptors, sharedBytes: encoder.sharedBytes,
                            holds: encoder.holds)
    }

    /// Forgets the windows whose buffers died here and returns their names for the peer to drop.
    private func sweep() -> [Int] {
        var released = lateReleases
        lateReleases = []
        for (key, window) in sent where window.buffer == nil {
            released.append(window.id)
            sent[key] = nil
        }
        return released.sorted()
    }

    /// The handle for `array`, or nil to write it as bytes. Attaches the descriptor (and marks the
    /// buffer exported) the first time its window goes to the peer.
    fileprivate func handle(for array: PackedArray, _ encoder: HandleEncoder) -> Expr? {
        let buffer = array.buffer
        guard let shared = buffer.sharedHandle, array.byteCount > 0 else { return nil }
        var status = stat()
        guard fstat(shared.fd, &status) == 0 else { return nil }
        let key = SegmentKey(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), offset: shared.offset)
        var descriptor = -1
        let id: Int
        if let window = sent[key], window.buffer != nil {
            id = window.id
        } else {
            // Small arrays are cheaper as bytes, unless the peer maps their memory already.
            guard array.byteCount >= PackedBuffer.sharedThreshold else { return nil }
            if let dead = sent[key] { lateReleases.append(dead.id) }
            id = nextWindow
            nextWindow += 1
            buffer.markExported()  // another process may map it from now on: its owner never reuses it
            sent[key] = SentWindow(id: id, buffer: buffer)
            descriptor = encoder.descriptors.count
            encoder.descriptors.append(shared.fd)
            encoder.holds.append(buffer)
            descriptorsSent += 1
        }
        encoder.sharedBytes += array.byteCount
        let dims = Expr(encoder.symbols.system.List, array.dimensions.map { .integer($0) })
        return Expr(encoder.marker, .integer(id), .integer(shared.offset), .integer(array.byteOffset),
                    .integer(shared.length), .integer(Int(array.type.rawValue)), dims, .integer(descriptor))
    }

    // MARK: Receiving

    /// The expression of a body from the peer, mapping the windows it names (`descriptors` are the
    /// message's; the caller closes them afterwards: mappings keep their own). Also returns the bytes
    /// of the arrays that came as handles.
    public func decode(_ bytes: [UInt8], descriptors: [Int32], symbols: SymbolTable,
                       limits: WXFLimits = WXFLimits()) throws(WXFError) -> (Expr, sharedBytes: Int) {
        let decoder = HandleDecoder(self, descriptors: descriptors)
        var e = try WXF.decode(bytes, symbols: symbols, limits: limits, arraySubstitution: decoder)
        if case .normal(let n) = e, case .symbol(let head) = n.head, head.fullName == Self.releaseHead,
           n.arguments.count == 2 {
            for name in n.arguments[0].arguments {
                if case .integer(let id) = name { received[id] = nil }
            }
            e = n.arguments[1]
        }
        return (e, decoder.sharedBytes)
    }

    /// The array a handle stands for.
    fileprivate func resolve(_ a: [Expr], _ decoder: HandleDecoder) throws(WXFError) -> Expr {
        guard a.count == 7, case .integer(let id) = a[0], case .integer(let segmentOffset) = a[1],
              case .integer(let byteOffset) = a[2], case .integer(let byteCount) = a[3],
              case .integer(let code) = a[4], let raw = UInt8(exactly: code), let type = PackedType(rawValue: raw),
              let dims = Self.integers(a[5]), case .integer(let descriptor) = a[6],
              segmentOffset >= 0, byteOffset >= 0, byteCount > 0, dims.allSatisfy({ $0 >= 0 }) else {
            throw .substitutionFailed("malformed shared array handle")
        }
        let buffer: PackedBuffer
        if descriptor >= 0 {
            guard descriptor < decoder.descriptors.count else {
                throw .substitutionFailed("shared array handle names descriptor \(descriptor) of \(decoder.descriptors.count)")
            }
            do {
                buffer = try PackedBuffer.mapShared(fd: decoder.descriptors[descriptor], offset: segmentOffset,
                                                    byteCount: byteCount, writable: false)
            } catch {
                throw .substitutionFailed("cannot map a shared array of \(byteCount) bytes: \(error)")
            }
            received[id] = buffer
            descriptorsReceived += 1
        } else {
            guard let known = received[id] else { throw .substitutionFailed("unknown shared array window \(id)") }
            buffer = known
        }
        let viewBytes: Int
        do { viewBytes = try PackedArray.byteCount(type, dims) } catch {
            throw .substitutionFailed("shared array dimensions \(dims) overflow")
        }
        guard byteOffset <= buffer.byteCount, viewBytes <= buffer.byteCount - byteOffset else {
            throw .substitutionFailed("shared array of \(viewBytes) bytes at \(byteOffset) outside its \(buffer.byteCount)-byte window")
        }
        decoder.sharedBytes += viewBytes
        return .packed(PackedArray(buffer: buffer, type: type, dimensions: dims, byteOffset: byteOffset))
    }

    private static func integers(_ e: Expr) -> [Int]? {
        if case .packed(let p) = e, p.type == .integer, p.rank == 1 { return Array(p.integers) }
        var out: [Int] = []
        guard case .normal = e else { return nil }
        for x in e.arguments {
            guard case .integer(let v) = x else { return nil }
            out.append(v)
        }
        return out
    }

    /// Drops both tables (the link closed: the peer's mappings went with it, ours go now).
    public func reset() {
        sent = [:]
        received = [:]
    }
}

/// The writer's hook for one message: collects the descriptors to attach.
private final class HandleEncoder: WXFArraySubstitutionEncoder {
    let transfer: SharedArrayTransfer
    let symbols: SymbolTable
    let marker: Symbol
    var descriptors: [Int32] = []
    var holds: [PackedBuffer] = []
    var sharedBytes = 0

    init(_ transfer: SharedArrayTransfer, symbols: SymbolTable) {
        self.transfer = transfer
        self.symbols = symbols
        marker = symbols.intern(fullName: SharedArrayTransfer.markerHead)
    }

    func substitute(for array: PackedArray) -> Expr? { transfer.handle(for: array, self) }
}

/// The reader's hook for one message: the message's descriptors and the bytes mapped.
private final class HandleDecoder: WXFArraySubstitutionDecoder {
    let transfer: SharedArrayTransfer
    let descriptors: [Int32]
    var sharedBytes = 0

    init(_ transfer: SharedArrayTransfer, descriptors: [Int32]) {
        self.transfer = transfer
        self.descriptors = descriptors
    }

    var markerHead: String { SharedArrayTransfer.markerHead }

    func resolve(_ arguments: [Expr]) throws(WXFError) -> Expr { try transfer.resolve(arguments, self) }
}
