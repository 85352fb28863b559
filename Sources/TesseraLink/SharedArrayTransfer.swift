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
// Release and reuse (SharedArrayTransfer+Release.swift): each side sends its notices about windows
// with its next body, as `Tessera`SharedRelease[body, {released}, {forgotten}, {unused}, {unmapped},
// {dropped}]`. The sender holds its windows weakly and releases those whose buffers died; the
// receiver says which windows it no longer uses and which it unmapped, so that the sender can reuse
// a segment of its own once no peer maps it (fresh pages cost a fault each; recycled ones do not).
// The memory is freed with its last holder (a memfd lives while any descriptor or mapping does: no
// cross-process count, nothing in /dev/shm, and a crashed kernel's mappings go with it).
//
// Value semantics: the one place that attaches a buffer's descriptor counts a hold on the buffer's
// own segment (or marks other memory exported for good), so its owner neither writes it in place nor
// reuses it while a peer may map it (PackedArray.makeUniqueForWriting, PackedBuffer.deinit); the
// receiver maps read-only, so a write there copies first. Heap arrays (no handle) and small arrays go
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
        /// The buffer's own segment, held (and counted) until the peer unmaps the window.
        let segment: SharedSegment?
        /// The number of the last body that named the window.
        var lastBody: Int
    }

    /// A window of the peer this side maps.
    struct ReceivedWindow {
        var buffer: PackedBuffer
        /// The sender's number of the last body that named it (see `SentWindow.lastBody`).
        var lastBody: Int
        /// Already reported unused to the sender (it keeps the window while its own buffer lives).
        var reportedUnused = false
        /// The sender released it while values here still mapped it: reported unmapped once they die.
        var released = false
    }

    // The sender's side.
    var sent: [SegmentKey: SentWindow] = [:]
    var sentKeys: [Int: SegmentKey] = [:]
    var nextWindow = 1
    /// Bodies encoded so far: the number a handle carries, so that a receiver's "unused" notice can
    /// be matched against the last body that named the window.
    var bodiesEncoded = 0
    /// Released windows whose segments wait for the peer to unmap them, with the last body naming each.
    var awaitingUnmap: [Int: (segment: SharedSegment, lastBody: Int)] = [:]
    /// Windows to release with the next body: the peer answers with "unmapped" (`released`) or not
    /// (`forgotten`: the segment was accounted for already).
    var released: [Int] = []
    var forgotten: [Int] = []

    // The receiver's side.
    var received: [Int: ReceivedWindow] = [:]
    /// Notices for the sender: windows unused here (with their last body), unmapped, or let go while
    /// a third process may still map them.
    var unused: [(id: Int, lastBody: Int)] = []
    var unmapped: [Int] = []
    var dropped: [Int] = []

    /// Descriptors attached to messages / taken from messages over the link's life (for tests and the
    /// traffic monitor: each segment goes to a kernel once).
    public private(set) var descriptorsSent = 0
    public private(set) var descriptorsReceived = 0

    public init() {}

    /// Windows the peer holds a mapping of on our word (sent, not yet released).
    public var sentWindowCount: Int { sent.count }
    /// Released windows of this side's own segments that the peer has not said it unmapped.
    public var awaitingUnmapCount: Int { awaitingUnmap.count }
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
        bodiesEncoded += 1
        let body = wrappingNotices(expression, symbols: symbols)
        let encoder = HandleEncoder(self, symbols: symbols)
        let bytes = WXF.encode(body, symbols: symbols, arraySubstitution: encoder)
        return OutgoingBody(bytes: bytes, descriptors: encoder.descriptors, sharedBytes: encoder.sharedBytes,
                            holds: encoder.holds)
    }

    /// The handle for `array`, or nil to write it as bytes. Attaches the descriptor (and marks the
    /// buffer exported) the first time its window goes to the peer.
    fileprivate func handle(for array: PackedArray, _ encoder: HandleEncoder) -> Expr? {
        // A stitched array (parts of several segments) goes as its copy in one segment.
        guard array.byteCount > 0, let buffer = array.buffer.shareable(), let shared = buffer.sharedHandle else { return nil }
        var status = stat()
        guard fstat(shared.fd, &status) == 0 else { return nil }
        let key = SegmentKey(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), offset: shared.offset)
        var descriptor = -1
        let id: Int
        if let window = sent[key], window.buffer != nil {
            id = window.id
            sent[key]?.lastBody = bodiesEncoded
        } else {
            // Small arrays are cheaper as bytes, unless the peer maps their memory already.
            guard array.byteCount >= PackedBuffer.sharedThreshold else { return nil }
            if sent[key] != nil { release(key) }
            id = nextWindow
            nextWindow += 1
            // Another process may map it from now on: its owner neither writes nor reuses it until
            // the peer unmaps it (a segment of its own), or ever (a slab slot, another's mapping).
            let segment = buffer.ownedSegment
            if let segment {
                segment.addPeerHold()
            } else {
                buffer.markExported()
                buffer.markForwarded()
            }
            sent[key] = SentWindow(id: id, buffer: buffer, segment: segment, lastBody: bodiesEncoded)
            sentKeys[id] = key
            descriptor = encoder.descriptors.count
            encoder.descriptors.append(shared.fd)
            encoder.holds.append(buffer)
            descriptorsSent += 1
        }
        encoder.sharedBytes += array.byteCount
        let dims = Expr(encoder.symbols.system.List, array.dimensions.map { .integer($0) })
        return Expr(encoder.marker, .integer(id), .integer(shared.offset), .integer(buffer.leadingPad + array.byteOffset),
                    .integer(shared.length), .integer(Int(array.type.rawValue)), dims, .integer(descriptor),
                    .integer(bodiesEncoded))
    }

    // MARK: Receiving

    /// The expression of a body from the peer, mapping the windows it names (`descriptors` are the
    /// message's; the caller closes them afterwards: mappings keep their own). Also returns the bytes
    /// of the arrays that came as handles.
    public func decode(_ bytes: [UInt8], descriptors: [Int32], symbols: SymbolTable,
                       limits: WXFLimits = WXFLimits()) throws(WXFError) -> (Expr, sharedBytes: Int) {
        let decoder = HandleDecoder(self, descriptors: descriptors)
        let e = try WXF.decode(bytes, symbols: symbols, limits: limits, arraySubstitution: decoder)
        return (unwrappingNotices(e), decoder.sharedBytes)
    }

    /// The array a handle stands for.
    fileprivate func resolve(_ a: [Expr], _ decoder: HandleDecoder) throws(WXFError) -> Expr {
        guard a.count == 8, case .integer(let id) = a[0], case .integer(let segmentOffset) = a[1],
              case .integer(let byteOffset) = a[2], case .integer(let byteCount) = a[3],
              case .integer(let code) = a[4], let raw = UInt8(exactly: code), let type = PackedType(rawValue: raw),
              let dims = Self.integers(a[5]), case .integer(let descriptor) = a[6], case .integer(let body) = a[7],
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
            received[id] = ReceivedWindow(buffer: buffer, lastBody: body)
            descriptorsReceived += 1
        } else {
            guard let known = received[id] else { throw .substitutionFailed("unknown shared array window \(id)") }
            buffer = known.buffer
            received[id]?.lastBody = body
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

    static func integers(_ e: Expr) -> [Int]? {
        if case .packed(let p) = e, p.type == .integer, p.rank == 1 { return Array(p.integers) }
        var out: [Int] = []
        guard case .normal = e else { return nil }
        for x in e.arguments {
            guard case .integer(let v) = x else { return nil }
            out.append(v)
        }
        return out
    }

    /// Drops both tables (the link closed: the peer's mappings went with it, ours go now). The peer
    /// promised nothing about its mappings, so the segments it held are freed, never reused.
    public func reset() {
        for window in sent.values { window.segment?.dropPeerHold(reusable: false) }
        for waiting in awaitingUnmap.values { waiting.segment.dropPeerHold(reusable: false) }
        sent = [:]
        sentKeys = [:]
        awaitingUnmap = [:]
        released = []
        forgotten = []
        received = [:]
        unused = []
        unmapped = []
        dropped = []
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
