// Packed storage: the bytes behind a packed array.
//
// A packed array is one contiguous, 64-byte aligned, typed buffer. Small buffers live on the process
// heap; buffers from `sharedThreshold` bytes up are born in an anonymous shared-memory segment
// (memfd + mmap), so that the parallel toolkit can hand them to another process as a descriptor
// instead of copying bytes. A buffer mapped from another process is read-only: a writer copies first.
//
// Copy on write is decided by the owner of the buffer reference (`isKnownUniquelyReferenced`), not
// here: a `PackedBuffer` never changes size and never knows who shares it.

#if canImport(Glibc)
import Glibc
#endif
import CShim

/// Where the bytes of a buffer live and who frees them.
public enum PackedMemory: Sendable {
    /// `posix_memalign`ed process memory, freed with the buffer.
    case heap
    /// A memfd segment mapped into this process; `fd` stays open so the segment can be shared.
    case shared(fd: Int32, mappingLength: Int, writable: Bool)
}

/// Errors of storage allocation, typed so that callers can report them as messages.
public enum PackedStorageError: Error, Equatable, Sendable {
    case outOfMemory(bytes: Int)
    case sharedMemoryFailed(errno: Int32)
}

public final class PackedBuffer: @unchecked Sendable {
    /// Buffers of at least this many bytes are allocated in shared memory from birth.
    public static let sharedThreshold = 64 * 1024
    public static let alignment = 64

    public let base: UnsafeMutableRawPointer
    public let byteCount: Int
    public let memory: PackedMemory
    /// Set once the segment's descriptor was handed to another process: it is then never reused.
    public private(set) var isExported = false

    public func markExported() { isExported = true }

    private init(base: UnsafeMutableRawPointer, byteCount: Int, memory: PackedMemory) {
        self.base = base
        self.byteCount = byteCount
        self.memory = memory
    }

    /// A new buffer of `byteCount` bytes, zero-filled unless `zeroed` is false (then its contents are
    /// unspecified and the caller must write every byte).
    public static func allocate(byteCount: Int, shared: Bool? = nil, zeroed: Bool = true) throws(PackedStorageError) -> PackedBuffer {
        AllocationMeter.record(byteCount)
        let wantShared = shared ?? (byteCount >= sharedThreshold)
        if wantShared, byteCount > 0 {
            let capacity = SegmentPool.roundedCapacity(byteCount)
            if let segment = SegmentPool.shared.take(capacity: capacity) {
                if zeroed { memset(segment.base, 0, byteCount) }
                return PackedBuffer(base: segment.base, byteCount: byteCount,
                                    memory: .shared(fd: segment.fd, mappingLength: segment.capacity, writable: true))
            }
            return try allocateShared(byteCount: byteCount, capacity: capacity)
        }
        var raw: UnsafeMutableRawPointer? = nil
        let size = max(byteCount, 1)
        guard posix_memalign(&raw, alignment, size) == 0, let pointer = raw else {
            throw .outOfMemory(bytes: byteCount)
        }
        memset(pointer, 0, size)
        return PackedBuffer(base: pointer, byteCount: byteCount, memory: .heap)
    }

    /// Fresh memfd pages read as zero, so no fill is needed.
    private static func allocateShared(byteCount: Int, capacity: Int) throws(PackedStorageError) -> PackedBuffer {
        let fd = shim_memfd_create("tessera-packed")
        guard fd >= 0 else { throw .sharedMemoryFailed(errno: errno) }
        guard ftruncate(fd, off_t(capacity)) == 0 else {
            let code = errno
            close(fd)
            throw .sharedMemoryFailed(errno: code)
        }
        guard let pointer = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
              pointer != MAP_FAILED else {
            let code = errno
            close(fd)
            throw .sharedMemoryFailed(errno: code)
        }
        return PackedBuffer(base: pointer, byteCount: byteCount,
                            memory: .shared(fd: fd, mappingLength: capacity, writable: true))
    }

    /// Maps a segment that another process shared with us. The buffer keeps its own duplicate of
    /// the descriptor; the caller keeps (and closes) `fd`.
    public static func mapShared(fd: Int32, byteCount: Int, writable: Bool = false) throws(PackedStorageError) -> PackedBuffer {
        let own = dup(fd)
        guard own >= 0 else { throw .sharedMemoryFailed(errno: errno) }
        let protection = writable ? (PROT_READ | PROT_WRITE) : PROT_READ
        guard let pointer = mmap(nil, max(byteCount, 1), protection, MAP_SHARED, own, 0),
              pointer != MAP_FAILED else {
            let code = errno
            close(own)
            throw .sharedMemoryFailed(errno: code)
        }
        let buffer = PackedBuffer(base: pointer, byteCount: byteCount,
                                  memory: .shared(fd: own, mappingLength: max(byteCount, 1), writable: writable))
        buffer.isExported = true  // another process holds this segment: never reuse it
        return buffer
    }

    public var isShared: Bool {
        if case .shared = memory { return true }
        return false
    }

    /// False only for a read-only mapping of another process's segment.
    public var isWritable: Bool {
        if case .shared(_, _, let writable) = memory { return writable }
        return true
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
        case .shared(let fd, let length, let writable):
            if writable && !isExported,
               SegmentPool.shared.give(Segment(fd: fd, base: base, capacity: length)) {
                return
            }
            munmap(base, length)
            close(fd)
        }
    }
}
