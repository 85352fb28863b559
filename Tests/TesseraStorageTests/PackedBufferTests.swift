import Testing
import Glibc
@testable import TesseraStorage

@Suite struct PackedBufferTests {
    @Test func smallBuffersLiveOnTheHeapAlignedTo64Bytes() throws {
        let buffer = try PackedBuffer.allocate(byteCount: 80)
        #expect(!buffer.isShared)
        #expect(Int(bitPattern: buffer.base) % 64 == 0)
    }

    @Test func largeBuffersAreBornInSharedMemory() throws {
        let buffer = try PackedBuffer.allocate(byteCount: PackedBuffer.sharedThreshold)
        #expect(buffer.isShared)
        #expect(Int(bitPattern: buffer.base) % 64 == 0)
    }

    @Test func aSharedSegmentMappedAgainShowsTheSameBytesReadOnly() throws {
        let array = try PackedArray(reals: Array(repeating: 0, count: 10_000))
        array.reals[9_999] = 42.5
        let handle = try #require(array.buffer.sharedHandle)
        let mapped = try PackedBuffer.mapShared(fd: handle.fd, offset: handle.offset, byteCount: handle.length)
        #expect(!mapped.isWritable)
        let view = PackedArray(buffer: mapped, type: .real, dimensions: [10_000])
        #expect(view.reals[9_999] == 42.5)
    }

    @Test func viewsLyingEndToEndInOneBufferJoinWithoutACopy() throws {
        let m = try PackedArray(integers: Array(0..<12), dimensions: [4, 3])
        let whole = try #require(PackedArray.adjacentViews([m.slice(0), m.slice(1), m.slice(2), m.slice(3)], as: [4, 3]))
        #expect(whole.buffer === m.buffer && whole.isSameStorage(as: m))
        let tail = try #require(PackedArray.adjacentViews([m.slices(1, 3), m.slice(3)], as: [3, 3]))
        #expect(Array(tail.integers) == Array(3..<12))
        #expect(PackedArray.adjacentViews([m.slice(1), m.slice(0)], as: [2, 3]) == nil, "out of order")
        #expect(PackedArray.adjacentViews([m.slice(0), m.slice(2)], as: [2, 3]) == nil, "a gap")
        let other = try PackedArray(integers: [0, 1, 2], dimensions: [3])
        #expect(PackedArray.adjacentViews([m.slice(0), other], as: [2, 3]) == nil, "two buffers")
    }

    @Test func aSegmentAPeerMapsIsNotWrittenInPlaceNorPooledUntilReleased() throws {
        var a = try PackedArray(reals: Array(repeating: 1, count: 200_000))
        let segment = try #require(a.buffer.ownedSegment)
        segment.addPeerHold()
        #expect(a.buffer.isMappedElsewhere && !a.isUniquelyOwned())
        let before = a.buffer
        try a.makeUniqueForWriting()
        #expect(a.buffer !== before, "a peer may map it: the writer copies")
        segment.dropPeerHold(reusable: true)
        #expect(segment.peerHolds == 0 && !before.isMappedElsewhere)
    }

    @Test func writingASharedViewCopiesFirst() throws {
        let original = try PackedArray(integers: [1, 2, 3, 4, 5, 6], dimensions: [2, 3])
        var row = original.slice(1)
        #expect(row.integers[0] == 4)
        try row.makeUniqueForWriting()
        row.integers[0] = 99
        #expect(original.integers[3] == 4)
        #expect(row.integers[0] == 99)
    }

    @Test func aUniqueArrayIsWrittenInPlace() throws {
        var array = try PackedArray(integers: [1, 2, 3])
        let before = array.buffer.base   // a raw address, not a second reference to the buffer
        try array.makeUniqueForWriting()
        #expect(array.buffer.base == before)
    }
}

@Suite struct SegmentPoolTests {
    /// The pool itself, private to the test: other tests in the process share `SegmentPool.shared`
    /// and may take a freed segment first, so reuse is checked here, not through PackedArray.
    @Test func aGivenSegmentIsTakenBackForARequestOfItsSize() throws {
        let pool = SegmentPool(limitBytes: 1 << 30, limitCount: 4)
        let segment = try SharedSegment.create(length: 0x40000)
        #expect(pool.give(segment))
        #expect(pool.take(capacity: 0x20000) == nil)  // far smaller requests do not waste it
        #expect(pool.take(capacity: 0x40000) === segment)
        #expect(pool.take(capacity: 0x40000) == nil)  // taken once
    }

    /// A temporary as big as the whole cache (a loop's 600 MB Transpose) is kept for the next pass,
    /// pushing out the older segments; one bigger than the cache is not kept.
    @Test func aSegmentAsBigAsTheCacheEvictsTheOthers() throws {
        let pool = SegmentPool(limitBytes: 0x80000, limitCount: 4)
        let small = try SharedSegment.create(length: 0x20000)
        let big = try SharedSegment.create(length: 0x80000)
        #expect(pool.give(small))
        #expect(pool.give(big))
        #expect(pool.take(capacity: 0x20000) == nil)
        #expect(pool.take(capacity: 0x80000) === big)
        #expect(!pool.give(try SharedSegment.create(length: 0x90000)))
    }

    @Test(arguments: [3 * PackedBuffer.sharedThreshold + 8, 40 * PackedBuffer.sharedThreshold])
    func aReusedSegmentComesBackZeroed(bytes: Int) throws {
        var first: PackedArray? = try PackedArray.zeros(.real, [bytes / 8])
        first!.reals.update(repeating: 7)
        first = nil
        let second = try PackedArray.zeros(.real, [bytes / 8])
        #expect(second.buffer.isShared)
        #expect(second.reals.allSatisfy { $0 == 0 })
    }

    /// A slot of a slab (5 x 64 KiB) and a segment of its own (40 x 64 KiB).
    @Test(arguments: [5 * PackedBuffer.sharedThreshold, 40 * PackedBuffer.sharedThreshold])
    func anExportedSegmentIsNeverReused(bytes: Int) throws {
        var first: PackedArray? = try PackedArray.zeros(.integer, [bytes / 8])
        first!.buffer.markExported()
        let exported = identity(first!.buffer)
        first = nil
        let second = try PackedArray.zeros(.integer, [bytes / 8])
        // The address may come back (the kernel reuses freed address space); the memory must not.
        #expect(identity(second.buffer) != exported)
    }
}

/// The memory behind a shared buffer: its segment (each has its own inode) and offset in it.
private func identity(_ buffer: PackedBuffer) -> [UInt64] {
    guard let handle = buffer.sharedHandle else { return [] }
    var info = stat()
    fstat(handle.fd, &info)
    return [UInt64(info.st_ino), UInt64(handle.offset)]
}
