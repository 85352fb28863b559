// Packed arrays in different segments joined without a copy, by mapping their pages back to back.
//
// ParallelTable's result is the list of its units' results, packed as Table packs it. When two
// subkernels each return 160 MB, those are two segments of two processes; joining them into one
// packed array used to mean one 320 MB copy on the master (as long as the whole parallel run on
// W2). Virtual memory can do the join instead: reserve an address range and map the first part's
// pages, then the second's right after, from their own descriptors. That needs the parts' bytes to
// meet at a page boundary: the first part must end on one (the subkernel that made it placed it so,
// `AllocationPlacement`) and each next part start on one (as a segment's array does). When they do
// not, `stitched` returns nil and the caller copies.
//
// The mapping is read-only and holds the parts' buffers: their pages stay theirs, the peers are not
// told that their windows are unused, so they do not reuse the memory while the joined array lives.

#if canImport(Glibc)
import Glibc
#endif

public final class StitchedMapping: @unchecked Sendable {
    /// The reserved range all parts are mapped into.
    let region: UnsafeMutableRawPointer
    let regionLength: Int
    /// The buffers whose pages are mapped here, kept alive with the mapping.
    public let parts: [PackedBuffer]
    /// A copy in one segment, for sending to another process (made on the first send).
    private var copy: PackedBuffer?

    init(region: UnsafeMutableRawPointer, regionLength: Int, parts: [PackedBuffer]) {
        self.region = region
        self.regionLength = regionLength
        self.parts = parts
    }

    func sharedCopy(of buffer: PackedBuffer) -> PackedBuffer? {
        if let copy { return copy }
        copy = try? buffer.copy()
        return copy
    }

    deinit { munmap(region, regionLength) }
}

extension PackedArray {
    /// Parts smaller than this are joined by copying: mapping costs system calls, copying a few
    /// megabytes costs less.
    static let stitchMinimum = 4 << 20

    /// `arrays` (each a whole packed array of `dimensions`' type, in order) as one read-only array of
    /// `dimensions`, sharing their memory: their pages mapped back to back. Nil unless each part lies
    /// in a memfd segment, every part but the last ends on a page boundary of it, and every part but
    /// the first starts on one.
    public static func stitched(_ arrays: [PackedArray], as dimensions: [Int]) -> PackedArray? {
        let page = AllocationPlacement.pageSize
        let total = arrays.reduce(0) { $0 + $1.byteCount }
        guard arrays.count >= 2, let type = arrays.first?.type, arrays.allSatisfy({ $0.type == type }),
              total >= stitchMinimum, (try? byteCount(type, dimensions)) == total
        else { return nil }
        // Each part's descriptor and where its bytes start in that file.
        var pieces: [(fd: Int32, fileStart: Int, bytes: Int)] = []
        for (i, a) in arrays.enumerated() {
            guard case .segment(let segment, _) = a.buffer.memory, a.byteCount > 0 else { return nil }
            let fileStart = segment.fileOffset + (a.baseAddress - segment.base)
            let end = fileStart + a.byteCount
            if i > 0 && fileStart % page != 0 { return nil }
            if i < arrays.count - 1 && end % page != 0 { return nil }
            pieces.append((segment.fd, fileStart, a.byteCount))
        }
        let phase = pieces[0].fileStart % page
        let regionLength = (phase + total + page - 1) / page * page
        guard let region = mmap(nil, regionLength, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              region != MAP_FAILED else { return nil }
        var at = 0
        for (i, piece) in pieces.enumerated() {
            let from = piece.fileStart - (i == 0 ? phase : 0)
            let length = ((i == 0 ? phase : 0) + piece.bytes + page - 1) / page * page
            guard let mapped = mmap(region + at, length, PROT_READ, MAP_SHARED | MAP_FIXED, piece.fd, off_t(from)),
                  mapped != MAP_FAILED else {
                munmap(region, regionLength)
                return nil
            }
            at += length
        }
        let mapping = StitchedMapping(region: region, regionLength: regionLength, parts: arrays.map(\.buffer))
        let buffer = PackedBuffer(base: region + phase, byteCount: total, memory: .stitched(mapping))
        return PackedArray(buffer: buffer, type: type, dimensions: dimensions)
    }
}
