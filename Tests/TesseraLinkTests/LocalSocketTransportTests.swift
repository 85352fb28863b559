// Frames over a local socket: header apart from the body, descriptors with the header, the ledger
// counting every message, and a closed peer reported as `.closed`.

#if canImport(Glibc)
import Glibc
#endif
import Testing
import TesseraLink

private func linkedPair() throws -> (KernelLink, KernelLink, TrafficLedger) {
    let (a, b) = try LocalSocketTransport.pair()
    let ledger = TrafficLedger()
    let clock = { 0.0 }
    return (KernelLink(peer: 1, transport: LocalSocketTransport(socket: a), ledger: ledger, clock: clock),
            KernelLink(peer: 0, transport: LocalSocketTransport(socket: b), ledger: TrafficLedger(), clock: clock), ledger)
}

@Suite struct LocalSocketTransportTests {
    @Test func aMessageArrivesWithKindRequestAndBody() throws {
        let (master, sub, ledger) = try linkedPair()
        try master.send(LinkMessage(kind: .evaluate, requestID: 42, body: [1, 2, 3]))
        let got = try sub.receive()
        #expect(got.kind == .evaluate && got.requestID == 42 && got.body == [1, 2, 3] && got.descriptors.isEmpty)
        #expect(ledger.totals(peer: 1, direction: .sent, kind: .evaluation) ==
                { var t = TrafficTotals(); t.messages = 1; t.wireBytes = LinkFrameHeader.size + 3; return t }())
    }

    @Test func aBodyLargerThanTheSocketBufferArrivesWhole() throws {
        let (master, sub, _) = try linkedPair()
        let body = (0..<(12 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        final class Box: @unchecked Sendable { var got: [UInt8] = [] }
        let box = Box()
        var thread = pthread_t()
        let job = Unmanaged.passRetained(Reader(sub) { box.got = $0 })
        pthread_create(&thread, nil, { raw in
            let reader = Unmanaged<Reader>.fromOpaque(raw!).takeRetainedValue()
            reader.run()
            return nil
        }, job.toOpaque())
        try master.send(LinkMessage(kind: .result, requestID: 1, body: body))
        pthread_join(thread, nil)
        #expect(box.got == body)
    }

    @Test func descriptorsTravelWithTheHeader() throws {
        let (master, sub, _) = try linkedPair()
        var pipeEnds: [Int32] = [-1, -1]
        #expect(pipe(&pipeEnds) == 0)
        try master.send(LinkMessage(kind: .evaluate, body: [9], descriptors: [pipeEnds[1]]))
        let got = try sub.receive()
        #expect(got.descriptors.count == 1)
        // The received descriptor is the pipe's write end: what goes in comes out of the read end.
        let written = write(got.descriptors[0], "x", 1)
        var byte: UInt8 = 0
        #expect(written == 1 && read(pipeEnds[0], &byte, 1) == 1 && byte == UInt8(ascii: "x"))
        close(got.descriptors[0]); close(pipeEnds[0]); close(pipeEnds[1])
    }

    @Test func aClosedPeerIsReportedAsClosed() throws {
        let (master, sub, _) = try linkedPair()
        master.close()
        #expect(throws: LinkError.closed) { _ = try sub.receive() }
    }

    @Test func aHeaderWithTheWrongMagicIsMalformed() {
        var bytes = LinkFrameHeader(kind: 1, descriptorCount: 0, requestID: 0, bodyLength: 0).bytes
        bytes[0] = 0
        #expect(throws: LinkError.malformedFrame("bad magic")) { _ = try LinkFrameHeader(decoding: bytes) }
    }
}

/// Receives one message on another thread (the big-body test needs a reader while the writer blocks).
private final class Reader: @unchecked Sendable {
    let link: KernelLink
    let done: ([UInt8]) -> Void
    init(_ link: KernelLink, _ done: @escaping ([UInt8]) -> Void) { self.link = link; self.done = done }
    func run() { done((try? link.receive())?.body ?? []) }
}
