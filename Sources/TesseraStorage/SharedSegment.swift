// A memfd segment mapped into this process: the unit that owns one shared-memory descriptor.
//
// The segment keeps its descriptor open for as long as it is mapped, because the parallel layer sends
// that descriptor to another process (SCM_RIGHTS); a mapping alone cannot be sent, and a descriptor
// closed once cannot be had again. Descriptors are a scarce resource (often 1024 a process), so
// segments are shared by many arrays where arrays are small (`SlabPool`) and reused where they are
// large (`SegmentPool`): descriptors scale with segments, not with arrays.
//
// The segment unmaps and closes itself when its last owner lets go (a buffer, a slab, a pool).

#if canImport(Glibc)
import Glibc
#endif
import CShim

public final class SharedSegment: @unchecked Sendable {
    /// The memfd (our own descriptor; another process gets its own copy when it is sent).
    public let fd: Int32
    /// Start of this process's mapping.
    public let base: UnsafeMutableRawPointer
    /// Bytes mapped.
    public let length: Int
    /// Where the mapping starts in the file (0 except for a window of another process's segment).
    public let fileOffset: Int

    private init(fd: Int32, base: UnsafeMutableRawPointer, length: Int, fileOffset: Int) {
        self.fd = fd
        self.base = base
        self.length = length
        self.fileOffset = fileOffset
    }

    /// A new zero-filled segment of `length` bytes, mapped read-write.
    /// `populate` maps every page at once (MAP_POPULATE), for a segment that will be written whole (one
    /// array's): on this VM one such call costs 0.35 s for 614 MB against 0.46-1.2 s of first-touch
    /// faults (a 3-4 us trap per page); slabs, whose slots may never be used, are not populated.
    /// Throws `sharedMemoryFailed` with the errno of the step that failed (EMFILE, ENOMEM, ...).
    static func create(length: Int, populate: Bool = false) throws(PackedStorageError) -> SharedSegment {
        let fd = shim_memfd_create("tessera-packed")
        guard fd >= 0 else { throw .sharedMemoryFailed(errno: errno, bytes: length) }
        guard ftruncate(fd, off_t(length)) == 0 else {
            let code = errno
            close(fd)
            throw .sharedMemoryFailed(errno: code, bytes: length)
        }
        return try map(ownedFD: fd, length: length, fileOffset: 0, writable: true, populate: populate)
    }

    /// Maps `length` bytes from `fileOffset` (a multiple of the page size) of a descriptor that this
    /// segment then owns (and closes, also when mapping fails).
    static func map(ownedFD fd: Int32, length: Int, fileOffset: Int, writable: Bool,
                    populate: Bool = false) throws(PackedStorageError) -> SharedSegment {
        let protection = writable ? (PROT_READ | PROT_WRITE) : PROT_READ
        let flags = populate ? MAP_SHARED | MAP_POPULATE : MAP_SHARED
        guard let pointer = mmap(nil, length, protection, flags, fd, off_t(fileOffset)),
              pointer != MAP_FAILED else {
            let code = errno
            close(fd)
            throw .sharedMemoryFailed(errno: code, bytes: length)
        }
        return SharedSegment(fd: fd, base: pointer, length: length, fileOffset: fileOffset)
    }

    // MARK: Peers that map it

    /// Links whose peer may map this segment on our word (a handle was sent and the peer has not
    /// said it unmapped it). While any does, the memory is neither written in place nor reused.
    public private(set) var peerHolds = 0
    /// The buffer that owned the segment was freed while peers still held it: the last peer to let go
    /// hands the segment to the pool.
    var ownerReleased = false
    /// False once a peer let go without promising that nobody maps the memory (a kernel that passed
    /// it on to a third one, a link that closed): then the segment is never reused, only freed.
    var reusable = true

    /// A link sent this segment's descriptor to its peer.
    public func addPeerHold() { peerHolds += 1 }

    /// The peer of one link no longer maps the segment (`reusable`), or may still through a third
    /// process (not `reusable`). The last hold of a freed buffer's segment returns it to the pool.
    public func dropPeerHold(reusable: Bool) {
        guard peerHolds > 0 else { return }
        peerHolds -= 1
        if !reusable { self.reusable = false }
        if peerHolds == 0 && ownerReleased && self.reusable { SegmentPool.shared.give(self) }
    }

    /// Taken from the pool for a new buffer.
    func reuse() {
        ownerReleased = false
        reusable = true
    }

    deinit {
        munmap(base, length)
        close(fd)
    }
}
