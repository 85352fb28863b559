// Where a big new array's bytes go inside its segment.
//
// Normally an array with a segment of its own starts at the segment's start. A subkernel that
// evaluates the first unit of a parallel list (ParallelTable's items 1..k) instead places big arrays
// so that they END on a page boundary: the master can then map that result and the next unit's (which
// starts on a page, as usual) back to back in its own address space, and the joined list is one packed
// array without a byte copied (`PackedArray.stitched`). Without this, two 160 MB results land at
// offsets whose page phases differ (160,000,000 bytes is not a page multiple), and the master must copy.
//
// The setting belongs to the thread (a kernel is one thread; tests run many kernels in one process),
// like `AllocationMeter`'s count.

import CShim

public enum AllocationPlacement {
    /// Evaluates `body` with this thread's big new arrays ending on a page boundary.
    public static func endingOnPage<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        let before = shim_end_on_page()
        shim_set_end_on_page(1)
        defer { shim_set_end_on_page(before) }
        return try body()
    }

    /// The bytes to leave before an array of `byteCount` bytes at the start of its own segment: 0
    /// unless this thread places arrays at the end of a page and the pad keeps 64-byte alignment.
    static func leadingPad(byteCount: Int) -> Int {
        guard shim_end_on_page() != 0 else { return 0 }
        let pad = (pageSize - byteCount % pageSize) % pageSize
        return pad % PackedBuffer.alignment == 0 ? pad : 0
    }

    static let pageSize = 4096
}
