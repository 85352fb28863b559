import Testing
import Glibc
@testable import TesseraStorage

@Suite struct SlabPoolTests {
    /// 5000 arrays of 100 KB, all alive at once: one descriptor per array would need 5000 (more than
    /// the usual limit of 1024); slabs of 8 MiB need about 80. Other tests of the process open and
    /// close descriptors meanwhile, hence the margin.
    @Test func manySmallSharedArraysShareFewDescriptors() throws {
        let before = openDescriptors()
        var buffers: [PackedBuffer] = []
        for _ in 0..<5000 { buffers.append(try PackedBuffer.allocate(byteCount: 100_000)) }
        #expect(buffers.allSatisfy { $0.isShared })
        #expect(openDescriptors() - before < 300)
    }

    @Test func slotsOfOneSlabHaveTheirOwnPageAlignedWindows() throws {
        let a = try PackedBuffer.allocate(byteCount: 100_000)
        let b = try PackedBuffer.allocate(byteCount: 100_000)
        let ha = try #require(a.sharedHandle), hb = try #require(b.sharedHandle)
        #expect(ha.length == 100_000)
        #expect(ha.offset % 65_536 == 0 && hb.offset % 65_536 == 0)
        #expect(ha.fd != hb.fd || ha.offset != hb.offset)
        #expect(b.base + 100_000 <= a.base || a.base + 100_000 <= b.base)
    }

    @Test func aSlotMappedThroughItsHandleShowsTheArraysBytes() throws {
        let array = try PackedArray.zeros(.integer, [20_000])
        array.integers[19_999] = 12345
        let handle = try #require(array.buffer.sharedHandle)
        let mapped = try PackedBuffer.mapShared(fd: handle.fd, offset: handle.offset, byteCount: handle.length)
        #expect(PackedArray(buffer: mapped, type: .integer, dimensions: [20_000]).integers[19_999] == 12345)
    }

    /// A pool of its own, so that the count is not disturbed by other tests.
    @Test func anEmptySlabIsKeptOnceAndFurtherOnesAreFreed() throws {
        let pool = SlabPool(segmentLength: 1 << 20, smallestSlot: 64 << 10, largestSlot: 256 << 10)
        var slots: [(Slab, Int)] = []
        for _ in 0..<40 {  // 4 slots of 256 KiB a slab: 10 slabs
            let (slab, index, _) = try #require(try pool.take(bytes: 200_000))
            slots.append((slab, index))
        }
        #expect(pool.slabCount == 10)
        for (slab, index) in slots { pool.give(slab, index, exported: false) }
        #expect(pool.slabCount == 1)
        #expect(try pool.take(bytes: 2 << 20) == nil)  // too big for a slot
    }

    @Test func aFreedSlotIsReusedAndReportedAsNotFresh() throws {
        let pool = SlabPool(segmentLength: 1 << 20, smallestSlot: 64 << 10, largestSlot: 256 << 10)
        let (slab, index, fresh) = try #require(try pool.take(bytes: 70_000))
        #expect(fresh)
        pool.give(slab, index, exported: false)
        let again = try #require(try pool.take(bytes: 70_000))
        #expect(again.slab === slab && again.index == index && !again.fresh)
    }
}

@Suite struct AllocationLimitTests {
    @Test(arguments: [[10_000_000, 10_000_000, 10_000_000], [Int.max / 4, 2]])
    func aByteCountThatOverflowsIsAnError(dimensions: [Int]) {
        #expect(throws: PackedStorageError.sizeOverflow(dimensions: dimensions, elementBytes: 8)) {
            try PackedArray.zeros(.real, dimensions)
        }
    }

    /// 8 TB fits in an Int but not in any machine here: refused at once, nothing is mapped.
    @Test func moreThanPhysicalMemoryIsRefusedAtOnce() {
        #expect(throws: PackedStorageError.outOfMemory(bytes: 8_000_000_000_000)) {
            try PackedArray.uninitialized(.real, [1_000_000, 1_000_000])
        }
    }

    @Test func theLimitIsThePhysicalMemory() {
        let physical = sysconf(Int32(_SC_PHYS_PAGES)) * sysconf(Int32(_SC_PAGESIZE))
        #expect(PackedBuffer.allocationLimit == physical)
    }
}

/// Descriptors open in this process.
private func openDescriptors() -> Int {
    guard let dir = opendir("/proc/self/fd") else { return 0 }
    defer { closedir(dir) }
    var count = 0
    while readdir(dir) != nil { count += 1 }
    return count
}
