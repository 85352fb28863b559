// Packed storage: the bytes behind a packed array.
//
// A packed array is one contiguous, 64-byte aligned, typed buffer. Small buffers live on the process
// heap; buffers from `sharedThreshold` bytes up are born in an anonymous shared-memory segment
// (memfd + mmap), so that the parallel toolkit can hand them to another process as a descriptor
// instead of copying bytes. A buffer mapped from another process is read-only: a writer copies first.
// Up to 1 MiB a shared buffer is a slot of a slab (many arrays, one descriptor: `SlabPool`); above,
// a segment of its own (`SegmentPool` recycles those). When no segment can be made (too many open
// files) a buffer falls back to the heap rather than fail; only a lack of memory itself is an error.
//
// Copy on write is decided by the owner of the buffer reference (`isKnownUniquelyReferenced`), not
// here: a `PackedBuffer` never changes size and never knows who shares it.

#if canImport(Glibc)
import Glibc
#endif
import CShim

/// Where the bytes of a buffer live and who frees them.
public enum PackedMemory: Sendable {
    /// `posix_memalign`ed process memory, freed with the buffer. Also the fallback for an array at or
    /// above the shared threshold when no shared segment can be made (descriptors exhausted): such an
    /// array has no `sharedHandle`, and the parallel layer copies it instead.
    case heap
    /// A memfd segment of the buffer's own: arrays too big for a slab, and mappings of another
    /// process's segment (read-only unless `writable`).
    case segment(SharedSegment, writable: Bool)
    /// Slot `index` of a slab: one of many arrays in one memfd segment (see `SlabPool`).
    case slot(Slab, index: Int)
    /// Other buffers' pages mapped back to back in this process (`PackedArray.stitched`): read-only,
    /// and not one segment, so it is copied into one when it must go to another process.
    case stitched(StitchedMapping)
}

/// Errors of storage allocation, typed so that callers can report them as messages.
public enum PackedStorageError: Error, Equatable, Sendable {
    /// `bytes` bytes could not be had: the allocator refused, or the request is more than the
    /// machine's physical memory (`PackedBuffer.allocationLimit`), which could never be filled.
    case outOfMemory(bytes: Int)
    /// The element or byte count of an array of `dimensions` does not fit in a machine integer.
    case sizeOverflow(dimensions: [Int], elementBytes: Int)
    /// A shared segment of `bytes` bytes was required (or is another process's) and memfd_create,
    /// ftruncate or mmap failed with `errno` (EMFILE: too many open files, ENOMEM, ...).
    case sharedMemoryFailed(errno: Int32, bytes: Int)
}

public final class PackedBuffer: @unchecked Sendable {
    /// Buffers of at least this many bytes are allocated in shared memory from birth.
    public static let sharedThreshold = 64 * 1024
    public static let alignment = 64
    /// The largest buffer we try to allocate: the machine's physical memory. A bigger request can
    /// never be filled (a sparse memfd would accept it and the first writes would bring the machine
    /// to the out-of-memory killer), so it fails at once as `outOfMemory`.
    public static let allocationLimit: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return Int.max }
        let (bytes, overflow) = pages.multipliedReportingOverflow(by: pageSize)
        return overflow ? Int.max : bytes
    }()

    public let base: UnsafeMutableRawPointer
    public let byteCount: Int
    public let memory: PackedMemory
    /// Bytes of the segment before `base` (`AllocationPlacement`: an array placed to end on a page).
    public let leadingPad: Int
    /// Set once the memory was handed to another process for good: it is then never reused nor
    /// written in place. (A segment of the buffer's own counts its peers instead: `ownedSegment`.)
    public private(set) var isExported = false
    /// Set when this process passed a mapping of another process's memory on to a third one.
    public private(set) var isForwarded = false

    public func markExported() { isExported = true }
    public func markForwarded() { isForwarded = true }

    /// The segment this buffer owns alone (writable, not a slab slot, not another process's), whose
    /// peers the links count, so it can be reused once they all unmapped it.
    public var ownedSegment: SharedSegment? {
        if case .segment(let segment, true) = memory, !isExported { return segment }
        return nil
    }

    /// True while another process may map these bytes: then they must not be written in place.
    public var isMappedElsewhere: Bool {
        if isExported { return true }
        if case .stitched = memory { return true }
        if case .segment(let segment, true) = memory { return segment.peerHolds > 0 }
        return false
    }

    init(base: UnsafeMutableRawPointer, byteCount: Int, memory: PackedMemory, leadingPad: Int = 0) {
        self.base = base
        self.byteCount = byteCount
        self.memory = memory
        self.leadingPad = leadingPad
    }

    /// A new buffer of `byteCount` bytes, zero-filled unless `zeroed` is false (then its contents are
    /// unspecified and the caller must write every byte).
    ///
    /// `shared` nil: shared memory from `sharedThreshold` bytes up, falling back to the heap when no
    /// segment can be made (too many open files, ...). `shared` true: shared memory or an error.
    public static func allocate(byteCount: Int, shared: Bool? = nil, zeroed: Bool = true) throws(PackedStorageError) -> PackedBuffer {
        AllocationMeter.record(byteCount)
        guard byteCount <= allocationLimit else { throw .outOfMemory(bytes: byteCount) }
        if shared ?? (byteCount >= sharedThreshold), byteCount > 0 {
            do {
                return try allocateShared(byteCount: byteCount, zeroed: zeroed)
            } catch {
                if shared == true { throw error }
            }
        }
        var raw: UnsafeMutableRawPointer? = nil
        let size = max(byteCount, 1)
        guard posix_memalign(&raw, alignment, size) == 0, let pointer = raw else {
            throw .outOfMemory(bytes: byteCount)
        }
        memset(pointer, 0, size)
        return PackedBuffer(base: pointer, byteCount: byteCount, memory: .heap)
    }

    /// A slab slot, a cached segment, or a new segment. Fresh memfd pages read as zero, so only
    /// reused memory is filled.
    private static func allocateShared(byteCount: Int, zeroed: Bool) throws(PackedStorageError) -> PackedBuffer {
        if let (slab, index, fresh) = try SlabPool.shared.take(bytes: byteCount) {
            let base = slab.base(of: index)
            if zeroed && !fresh { memset(base, 0, byteCount) }
            return PackedBuffer(base: base, byteCount: byteCount, memory: .slot(slab, index: index))
        }
        let pad = AllocationPlacement.leadingPad(byteCount: byteCount)
        let capacity = SegmentPool.roundedCapacity(pad + byteCount)
        if let segment = SegmentPool.shared.take(capacity: capacity) {
            if zeroed { memset(segment.base + pad, 0, byteCount) }
            return PackedBuffer(base: segment.base + pad, byteCount: byteCount, memory: .segment(segment, writable: true),
                                leadingPad: pad)
        }
        let segment = try SharedSegment.create(length: capacity, populate: true)
        return PackedBuffer(base: segment.base + pad, byteCount: byteCount, memory: .segment(segment, writable: true),
                            leadingPad: pad)
    }

    /// Maps a segment that another process shared with us: `byteCount` bytes from `offset` (a
    /// multiple of the page size, as a `sharedHandle`'s offset is). The buffer keeps its own
    /// duplicate of the descriptor; the caller keeps (and closes) `fd`.
    public static func mapShared(fd: Int32, offset: Int = 0, byteCount: Int, writable: Bool = false) throws(PackedStorageError) -> PackedBuffer {
        let own = dup(fd)
        guard own >= 0 else { throw .sharedMemoryFailed(errno: errno, bytes: byteCount) }
        let segment = try SharedSegment.map(ownedFD: own, length: max(byteCount, 1), fileOffset: offset, writable: writable)
        let buffer = PackedBuffer(base: segment.base, byteCount: byteCount, memory: .segment(segment, writable: writable))
        buffer.isExported = true  // another process holds this segment: never reuse it
        return buffer
    }

    /// What another process needs to map this buffer: the segment's descriptor, the offset in it to
    /// map from (a multiple of 64 KiB) and the length to map, which covers `leadingPad` bytes before
    /// `base`. Nil for heap memory (copy the bytes instead) and for a stitched mapping (send
    /// `shareable()`). The sender marks the buffer exported (`markExported`) when it sends the descriptor.
    public var sharedHandle: (fd: Int32, offset: Int, length: Int)? {
        switch memory {
        case .heap, .stitched: return nil
        case .segment(let segment, _): return (segment.fd, segment.fileOffset, leadingPad + byteCount)
        case .slot(let slab, let index): return (slab.segment.fd, index * slab.slotSize, byteCount)
        }
    }

    /// This buffer, or for a stitched mapping a copy in one segment (made once), which can be sent
    /// as a handle; nil when no copy can be made.
    public func shareable() -> PackedBuffer? {
        guard case .stitched(let mapping) = memory else { return self }
        return mapping.sharedCopy(of: self)
    }

    public var isShared: Bool {
        switch memory {
        case .heap, .stitched: return false
        case .segment, .slot: return true
        }
    }

    /// False for a read-only mapping of another process's segment and for a stitched mapping.
    public var isWritable: Bool {
        switch memory {
        case .segment(_, let writable): return writable
        case .stitched: return false
        case .heap, .slot: return true
        }
    }

    /// A new buffer holding a copy of `count` bytes starting at `offset`.
    public func copy(offset: Int = 0, count: Int? = nil) throws(PackedStorageError) -> PackedBuffer {
        let length = count ?? (byteCount - offset)
        let result = try PackedBuffer.allocate(byteCount: length, zeroed: false)
        if length > 0 { memcpy(result.base, base + offset, length) }
        return result
    }

    deinit {
        switch memory {
        case .heap:
            free(base)
        case .segment(let segment, let writable):
            guard writable && !isExported else { break }
            if segment.peerHolds > 0 { segment.ownerReleased = true } else { SegmentPool.shared.give(segment) }
        case .slot(let slab, let index):
            SlabPool.shared.give(slab, index, exported: isExported)
        case .stitched:
            break  // the mapping unmaps itself with its last holder
        }
    }
}
