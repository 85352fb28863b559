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
        guard case .shared(let fd, _, _) = array.buffer.memory else {
            Issue.record("expected a shared segment"); return
        }
        let mapped = try PackedBuffer.mapShared(fd: fd, byteCount: array.byteCount)
        #expect(!mapped.isWritable)
        let view = PackedArray(buffer: mapped, type: .real, dimensions: [10_000])
        #expect(view.reals[9_999] == 42.5)
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
        let base = try #require(UnsafeMutableRawPointer(bitPattern: 0x10000))  // never touched
        #expect(pool.give(Segment(fd: -1, base: base, capacity: 0x40000)))
        #expect(pool.take(capacity: 0x20000) == nil)  // far smaller requests do not waste it
        #expect(pool.take(capacity: 0x40000)?.base == base)
        #expect(pool.take(capacity: 0x40000) == nil)  // taken once
    }

    @Test func aReusedSegmentComesBackZeroed() throws {
        let bytes = 3 * PackedBuffer.sharedThreshold + 8
        var first: PackedArray? = try PackedArray.zeros(.real, [bytes / 8])
        first!.reals.update(repeating: 7)
        first = nil
        let second = try PackedArray.zeros(.real, [bytes / 8])
        #expect(second.buffer.isShared)
        #expect(second.reals.allSatisfy { $0 == 0 })
    }

    @Test func anExportedSegmentIsNeverReused() throws {
        let bytes = 5 * PackedBuffer.sharedThreshold
        var first: PackedArray? = try PackedArray.zeros(.integer, [bytes / 8])
        first!.buffer.markExported()
        let segment = inode(first!.buffer)
        first = nil
        let second = try PackedArray.zeros(.integer, [bytes / 8])
        // The address may come back (the kernel reuses freed address space); the segment must not.
        #expect(inode(second.buffer) != segment)
    }
}

/// The memfd segment behind a shared buffer (each segment has its own inode).
private func inode(_ buffer: PackedBuffer) -> UInt64 {
    guard case .shared(let fd, _, _) = buffer.memory else { return 0 }
    var info = stat()
    fstat(fd, &info)
    return UInt64(info.st_ino)
}
