// Packed arrays over a link as shared-memory handles: big shared arrays go as a descriptor once per
// window, views map their matrix's window, freed buffers are released on the next message, mapped
// arrays are read-only, and everything else goes as WXF bytes. Both ends live in this process here;
// the cross-process claims are in TesseraParallelTests/SharedArrayTests.swift.

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TesseraExpr
import TesseraLink
import TesseraStorage
import TesseraWire

private struct Pair {
    let master: KernelLink
    let sub: KernelLink
    let symbols = SymbolTable()

    init() throws {
        let (a, b) = try LocalSocketTransport.pair()
        master = KernelLink(peer: 1, transport: LocalSocketTransport(socket: a), ledger: TrafficLedger(), clock: { 0 })
        sub = KernelLink(peer: 0, transport: LocalSocketTransport(socket: b), ledger: TrafficLedger(), clock: { 0 })
    }

    /// Sends `e` from the master and returns what the subkernel decodes, with the message's wire bytes.
    func roundTrip(_ e: Expr) throws -> (Expr, wireBytes: Int, descriptors: Int) {
        let before = master.ledger.totals(direction: .sent).wireBytes
        try master.send(.evaluate, requestID: 1, expression: e, symbols: symbols)
        let message = try sub.receive()
        let descriptors = message.descriptors.count
        return (try sub.expression(of: message, symbols: symbols),
                master.ledger.totals(direction: .sent).wireBytes - before, descriptors)
    }
}

/// A real array of `count` elements 0, 1, 2, ...
private func reals(_ count: Int, dimensions: [Int]? = nil, shared: Bool? = nil) throws -> PackedArray {
    let bytes = count * 8
    let buffer = try PackedBuffer.allocate(byteCount: bytes, shared: shared)
    let array = PackedArray(buffer: buffer, type: .real, dimensions: dimensions ?? [count])
    for i in 0..<count { array.reals[i] = Double(i) }
    return array
}

/// The memfd inode of an array's segment (the same memory has the same inode in every process).
private func inode(of array: PackedArray) -> UInt64? {
    guard let handle = array.buffer.sharedHandle else { return nil }
    var status = stat()
    return fstat(handle.fd, &status) == 0 ? UInt64(status.st_ino) : nil
}

private func packed(_ e: Expr) -> PackedArray? {
    if case .packed(let p) = e { return p }
    return nil
}

@Suite(.serialized) struct SharedArrayTransferTests {  // serialized: its reuse checks share the process's pool
    @Test(arguments: [20_000, 300_000])  // a slab slot (160 KB) and a segment of its own (2.4 MB)
    func aBigSharedArrayCrossesAsAHandleInAFewBytes(count: Int) throws {
        let pair = try Pair()
        let a = try reals(count)
        let (got, wire, descriptors) = try pair.roundTrip(.packed(a))
        let b = try #require(packed(got))
        #expect(b.contentEquals(a) && descriptors == 1 && wire < 200)
        #expect(!b.buffer.isWritable && a.buffer.isMappedElsewhere)
        #expect(pair.master.ledger.totals(direction: .sent).sharedBytes == count * 8)
        #expect(pair.sub.ledger.totals(direction: .received).sharedBytes == count * 8)
    }

    @Test func rowsOfAMatrixSendItsWindowOnceAndMapNoCopy() throws {
        let pair = try Pair()
        let a = try reals(8 * 10_000, dimensions: [8, 10_000])  // rows of 80 KB
        var received: [PackedArray] = []
        for n in 0..<8 {
            let (got, _, _) = try pair.roundTrip(Expr(pair.symbols.system.List, [.packed(a.slice(n)), .packed(a.slice(n))]))
            received += got.arguments.compactMap(packed)
        }
        #expect(pair.master.sharedArrays.descriptorsSent == 1 && pair.sub.sharedArrays.descriptorsReceived == 1)
        #expect(received.count == 16 && received.allSatisfy { $0.buffer === received[0].buffer })
        for (i, row) in received.enumerated() { #expect(row.contentEquals(a.slice(i / 2))) }
    }

    @Test func aFreedBufferIsReleasedWithTheNextMessage() throws {
        let pair = try Pair()
        var a: PackedArray? = try reals(20_000)
        _ = try pair.roundTrip(.packed(a!))
        #expect(pair.master.sharedArrays.sentWindowCount == 1 && pair.sub.sharedArrays.receivedWindowCount == 1)
        a = nil
        let (after, _, _) = try pair.roundTrip(.integer(7))
        #expect(after == .integer(7))
        #expect(pair.master.sharedArrays.sentWindowCount == 0 && pair.sub.sharedArrays.receivedWindowCount == 0)
    }

    @Test func aFreedWindowSentAgainComesWithItsDescriptorAgain() throws {
        let pair = try Pair()
        for _ in 0..<3 {
            let a = try reals(300_000)
            let (got, _, descriptors) = try pair.roundTrip(.packed(a))
            #expect(descriptors == 1 && packed(got)?.contentEquals(a) == true)
        }
        #expect(pair.sub.sharedArrays.receivedWindowCount == 1)
    }

    @Test func aSegmentTheReceiverNoLongerUsesIsReusedByItsSenderAfterOneExchange() throws {
        let pair = try Pair()
        var a: PackedArray? = try reals(1_311_111)  // sizes no other test uses: the pool is per process
        let sentInode = try #require(inode(of: a!))
        _ = try pair.roundTrip(.packed(a!))  // the receiver maps it and drops it at once
        a = nil
        // The receiver's next body says the window is unused; the sender's buffer is dead and that
        // was its last use, so the segment goes back to the sender's pool.
        try pair.sub.send(.result, requestID: 1, expression: .integer(1), symbols: pair.symbols)
        _ = try pair.master.expression(of: try pair.master.receive(), symbols: pair.symbols)
        #expect(pair.master.sharedArrays.sentWindowCount == 0 && pair.master.sharedArrays.awaitingUnmapCount == 0)
        let b = try reals(1_311_111)
        #expect(inode(of: b) == sentInode)
        // The forgotten window is unmapped on the receiver with the sender's next body.
        _ = try pair.roundTrip(.integer(2))
        #expect(pair.sub.sharedArrays.receivedWindowCount == 0)
    }

    @Test func aSegmentTheReceiverStillUsesIsNeitherReusedNorWrittenUntilItUnmapsIt() throws {
        let pair = try Pair()
        var a: PackedArray? = try reals(1_711_113)
        let sentInode = try #require(inode(of: a!))
        var held: PackedArray? = packed(try pair.roundTrip(.packed(a!)).0)
        try #require(held != nil)
        a = nil
        try pair.sub.send(.result, requestID: 1, expression: .integer(1), symbols: pair.symbols)
        _ = try pair.master.expression(of: try pair.master.receive(), symbols: pair.symbols)
        let b = try reals(1_711_113)
        b.reals[0] = -5
        #expect(inode(of: b) != sentInode && held!.reals[0] == 0 && held!.reals[1] == 1)
        #expect(pair.master.sharedArrays.sentWindowCount == 1, "declined: the receiver still maps it")
        // Released with the sender's next body; unmapped once the receiver's value dies; reused after.
        _ = try pair.roundTrip(.integer(2))
        held = nil
        try pair.sub.send(.result, requestID: 2, expression: .integer(3), symbols: pair.symbols)
        _ = try pair.master.expression(of: try pair.master.receive(), symbols: pair.symbols)
        #expect(pair.master.sharedArrays.awaitingUnmapCount == 0 && pair.sub.sharedArrays.receivedWindowCount == 0)
        #expect(inode(of: try reals(1_711_113)) == sentInode)
    }

    @Test func aBodyStillOnItsWayKeepsTheWindowMappedUntilTheSenderAnswers() throws {
        let pair = try Pair()
        var a: PackedArray? = try reals(2_211_117)
        let sentInode = try #require(inode(of: a!))
        try pair.master.send(.evaluate, requestID: 1, expression: .packed(a!), symbols: pair.symbols)
        try pair.master.send(.evaluate, requestID: 2, expression: .packed(a!), symbols: pair.symbols)
        a = nil
        _ = try pair.sub.expression(of: try pair.sub.receive(), symbols: pair.symbols)  // dropped at once
        // The receiver reports the window unused having seen only the first body that names it.
        try pair.sub.send(.result, requestID: 1, expression: .integer(1), symbols: pair.symbols)
        _ = try pair.master.expression(of: try pair.master.receive(), symbols: pair.symbols)
        #expect(inode(of: try reals(2_211_117)) != sentInode, "a body naming it is in flight: not reused yet")
        let second = try #require(packed(try pair.sub.expression(of: try pair.sub.receive(), symbols: pair.symbols)))
        #expect(second.reals[7] == 7)
        #expect(pair.master.sharedArrays.awaitingUnmapCount == 1)
    }

    @Test(arguments: [(100, nil), (20_000, false)] as [(Int, Bool?)])  // small; big on the heap
    func smallAndHeapArraysTravelAsBytes(count: Int, shared: Bool?) throws {
        let pair = try Pair()
        let a = try reals(count, shared: shared)
        let (got, wire, descriptors) = try pair.roundTrip(.packed(a))
        #expect(packed(got)?.contentEquals(a) == true && descriptors == 0 && wire > count * 8)
        #expect(pair.master.ledger.totals().sharedBytes == 0)
    }

    @Test func aWriteOnTheReceiverCopiesFirstAndLeavesTheSenderUnchanged() throws {
        let pair = try Pair()
        let a = try reals(20_000)
        var b = try #require(packed(try pair.roundTrip(.packed(a)).0))
        try b.makeUniqueForWriting()
        b.reals[0] = -1
        #expect(b.buffer.isWritable && b.reals[0] == -1 && a.reals[0] == 0)
    }

    @Test func aHandleToAWindowTheReceiverNeverGotIsAnErrorNotGarbage() throws {
        let pair = try Pair()
        let s = pair.symbols
        let forged = Expr(s.intern(fullName: SharedArrayTransfer.markerHead), .integer(99), .integer(0), .integer(0),
                          .integer(8), .integer(1), Expr(s.system.List, .integer(1)), .integer(-1))
        try pair.master.send(LinkMessage(kind: .result, body: WXF.encode(forged, symbols: s)))
        let message = try pair.sub.receive()
        #expect(throws: WXFError.self) { try pair.sub.expression(of: message, symbols: s) }
    }
}
