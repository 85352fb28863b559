// Arrays of different segments joined by mapping their pages back to back (StitchedMapping.swift).

import Testing
import Glibc
@testable import TesseraStorage

@Suite struct StitchedMappingTests {
    /// 3 MB of reals, 1000 past a page multiple: not a page multiple of bytes, as ParallelTable's
    /// units' results generally are not. Sizes no other test uses (the segment pool is shared).
    static let count = 3 * 131_072 + 1000

    static func filled(_ start: Double, endingOnPage: Bool) throws -> PackedArray {
        let make = { () throws(PackedStorageError) -> PackedArray in try PackedArray.uninitialized(.real, [count]) }
        let a = endingOnPage ? try AllocationPlacement.endingOnPage(make) : try make()
        for i in 0..<count { a.reals[i] = start + Double(i) }
        return a
    }

    @Test func aFirstPartEndingOnAPageAndASecondStartingOnOneJoinWithoutACopy() throws {
        let first = try Self.filled(0, endingOnPage: true), second = try Self.filled(Double(Self.count), endingOnPage: false)
        #expect(first.buffer.leadingPad > 0 && (first.buffer.leadingPad + first.byteCount) % 4096 == 0)
        #expect(Int(bitPattern: first.baseAddress) % 64 == 0)
        let joined = try #require(PackedArray.stitched([first, second], as: [2, Self.count]))
        #expect(Array(joined.reals) == (0..<(2 * Self.count)).map(Double.init))
        #expect(!joined.buffer.isWritable && joined.buffer.sharedHandle == nil)
        // The pages are the parts' own: a change to a part shows through (only the master's
        // ParallelRun makes such joins, of parts nobody writes: received read-only windows).
        first.reals[Self.count - 1] = -1
        second.reals[0] = -2
        #expect(joined.reals[Self.count - 1] == -1 && joined.reals[Self.count] == -2)
        // To another process it goes as a copy in one segment, made once.
        let copy = try #require(joined.buffer.shareable())
        #expect(copy !== joined.buffer && copy.sharedHandle != nil && joined.buffer.shareable() === copy)
        #expect(memcmp(copy.base, joined.baseAddress, joined.byteCount) == 0)
    }

    @Test func partsWhosePagesDoNotMeetAreNotJoined() throws {
        let a = try Self.filled(0, endingOnPage: false), b = try Self.filled(1, endingOnPage: false)
        #expect(PackedArray.stitched([a, b], as: [2, Self.count]) == nil, "the first part does not end on a page")
        let c = try Self.filled(0, endingOnPage: true), d = try Self.filled(1, endingOnPage: true)
        #expect(PackedArray.stitched([c, d], as: [2, Self.count]) == nil, "the second part does not start on a page")
        let small = try PackedArray(reals: [1, 2, 3])
        #expect(PackedArray.stitched([small, small], as: [2, 3]) == nil, "too small to map")
    }

    @Test func placementEndsOnlyWhileAsked() throws {
        let inside = try AllocationPlacement.endingOnPage { () throws(PackedStorageError) in
            try PackedArray.uninitialized(.real, [Self.count + 8])
        }
        let outside = try PackedArray.uninitialized(.real, [Self.count + 8])
        #expect(inside.buffer.leadingPad > 0 && outside.buffer.leadingPad == 0)
    }
}
