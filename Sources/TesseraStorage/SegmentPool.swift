// A cache of shared-memory segments that were freed, for reuse by the next allocation of about the
// same size.
//
// Fresh memfd pages cost a page fault each on first touch (3-4 us per 4 KiB page here, and shared
// memory gets no transparent huge pages), so a loop that makes a new 10 MB array per row would spend
// most of its time faulting. Numeric loops make arrays of the same few sizes again and again; keeping
// the freed, already-faulted segments turns those faults into nothing. This is allocator state of the
// process, like malloc's free lists, not kernel state: it holds no values, only empty memory.
//
// A segment is cached only when no other process maps it: `PackedBuffer` gives back a segment nobody
// else was sent, and a segment that was sent comes back when the last peer says it unmapped it
// (`SharedSegment.dropPeerHold`). Only arrays too big for a slab (`SlabPool`) have a segment of their own.

#if canImport(Glibc)
import Glibc
#endif

final class SegmentPool: @unchecked Sendable {
    /// 64 segments at most (each holds a descriptor, of the 1024 a process usually may open), 1 GiB in all.
    static let shared = SegmentPool(limitBytes: 1 << 30, limitCount: 64)

    private var mutex = pthread_mutex_t()
    private var segments: [SharedSegment] = []
    private var cachedBytes = 0
    private let limitBytes: Int
    private let limitCount: Int

    init(limitBytes: Int, limitCount: Int) {
        self.limitBytes = limitBytes
        self.limitCount = limitCount
        pthread_mutex_init(&mutex, nil)
    }

    /// Capacity to request for `bytes`: rounded up to 64 KiB so that near sizes share segments.
    static func roundedCapacity(_ bytes: Int) -> Int { (bytes + 0xFFFF) & ~0xFFFF }

    /// A cached segment of at least `capacity` bytes and not much more, if any: the smallest, and of
    /// those the one freed last, whose lines are likeliest still in the CPU's cache: a loop that frees
    /// and makes arrays of one size then keeps reusing the same hot memory instead of cycling through
    /// every segment it ever freed (cold ones).
    func take(capacity: Int) -> SharedSegment? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        var best: Int? = nil
        for (i, s) in segments.enumerated().reversed() where s.length >= capacity && s.length <= capacity + capacity / 4 {
            if best == nil || s.length < segments[best!].length { best = i }
        }
        guard let i = best else { return nil }
        let s = segments.remove(at: i)
        cachedBytes -= s.length
        s.reuse()
        return s
    }

    /// Keeps a segment for reuse; false when the cache is full (the caller drops it, which unmaps it).
    @discardableResult
    func give(_ segment: SharedSegment) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        // Up to the whole limit, evicting older ones: a loop over a 600 MB temporary (W3's
        // `Transpose[{a, b}]`) otherwise pays 150,000 fresh page faults, 0.5-1.9 s here, on every pass.
        guard segment.length <= limitBytes else { return false }
        while cachedBytes + segment.length > limitBytes || segments.count >= limitCount {
            guard !segments.isEmpty else { return false }
            cachedBytes -= segments.removeFirst().length  // dropped: unmapped and closed
        }
        segments.append(segment)
        cachedBytes += segment.length
        return true
    }
}
