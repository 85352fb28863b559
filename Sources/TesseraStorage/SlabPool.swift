// Slabs: many small shared arrays in one memfd segment, so that descriptors scale with segments.
//
// Every array from `PackedBuffer.sharedThreshold` bytes up is born in shared memory, and a shared
// segment holds a descriptor open (see `SharedSegment`). One segment per array would run a program
// that keeps 5000 arrays of 100 KB into the descriptor limit (1024 by default on many systems).
// Arrays up to `largestSlot` bytes therefore take a slot of a slab instead: an 8 MiB segment cut into
// equal slots of one power-of-two size (64 KiB ... 1 MiB). An array's handle for another process is
// (the slab's descriptor, the slot's offset, the array's length); slot offsets are multiples of
// 64 KiB, so the receiver can map just that window.
//
// Invariants (all under the pool's mutex):
// - A slot is live (a buffer uses it), free (used before, may be reused: contents dirty), fresh
//   (never used: reads as zero, as new memfd pages do), or retired.
// - A slot that was exported (its descriptor went to another process) is retired, never reused: that
//   process may still read it. Its slab is dropped once no slot is live, so the memory is freed when
//   the other process unmaps its window.
// - At most one slab per size class is kept with no live slot (warm for the next array of that size).
//
// Like `SegmentPool` this is allocator state of the process (as malloc's arenas), not kernel state.

#if canImport(Glibc)
import Glibc
#endif

/// One segment cut into equal slots.
public final class Slab: @unchecked Sendable {
    public let segment: SharedSegment
    public let slotSize: Int
    public let slotCount: Int
    // Guarded by the owning pool's mutex.
    fileprivate var free: [Int] = []
    fileprivate var nextFresh = 0
    fileprivate var live = 0
    fileprivate var retired = 0

    init(segment: SharedSegment, slotSize: Int) {
        self.segment = segment
        self.slotSize = slotSize
        self.slotCount = segment.length / slotSize
    }

    fileprivate var hasSpace: Bool { !free.isEmpty || nextFresh < slotCount }

    /// Start of slot `index` in this process.
    func base(of index: Int) -> UnsafeMutableRawPointer { segment.base + index * slotSize }
}

final class SlabPool: @unchecked Sendable {
    static let shared = SlabPool(segmentLength: 8 << 20, smallestSlot: 64 << 10, largestSlot: 1 << 20)

    let segmentLength: Int
    let smallestSlot: Int
    let largestSlot: Int
    private var mutex = pthread_mutex_t()
    /// Slabs by size class (index 0: `smallestSlot`, each next class twice the size).
    private var classes: [[Slab]]

    init(segmentLength: Int, smallestSlot: Int, largestSlot: Int) {
        self.segmentLength = segmentLength
        self.smallestSlot = smallestSlot
        self.largestSlot = largestSlot
        var count = 0
        var size = smallestSlot
        while size <= largestSlot { count += 1; size *= 2 }
        classes = Array(repeating: [], count: count)
        pthread_mutex_init(&mutex, nil)
    }

    /// The size class for `bytes`, nil when the array is too big for a slab (or empty).
    private func sizeClass(_ bytes: Int) -> Int? {
        guard bytes > 0, bytes <= largestSlot else { return nil }
        var index = 0
        var size = smallestSlot
        while size < bytes { size *= 2; index += 1 }
        return index
    }

    /// A slot of at least `bytes` bytes; `fresh` when it was never used (so it reads as zero).
    /// Nil when `bytes` is above `largestSlot`. Throws when a new slab's segment cannot be made.
    func take(bytes: Int) throws(PackedStorageError) -> (slab: Slab, index: Int, fresh: Bool)? {
        guard let c = sizeClass(bytes) else { return nil }
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        let slab: Slab
        if let existing = classes[c].first(where: { $0.hasSpace }) {
            slab = existing
        } else {
            slab = Slab(segment: try SharedSegment.create(length: segmentLength), slotSize: smallestSlot << c)
            classes[c].append(slab)
        }
        slab.live += 1
        if let index = slab.free.popLast() { return (slab, index, false) }
        slab.nextFresh += 1
        return (slab, slab.nextFresh - 1, true)
    }

    /// Gives a slot back: reusable, or retired when it was `exported`.
    func give(_ slab: Slab, _ index: Int, exported: Bool) {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        slab.live -= 1
        if exported { slab.retired += 1 } else { slab.free.append(index) }
        guard slab.live == 0, let c = sizeClass(slab.slotSize) else { return }
        let keep = slab.retired == 0 && !classes[c].contains { $0 !== slab && $0.live == 0 }
        if !keep { classes[c].removeAll { $0 === slab } }
    }

    /// Number of slabs held (for tests and diagnostics).
    var slabCount: Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return classes.reduce(0) { $0 + $1.count }
    }
}
