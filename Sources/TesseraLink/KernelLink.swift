// The one link interface of the toolkit: a transport plus the ledger entry that every message crosses.

/// A link to one peer kernel. All sends and receives of the toolkit go through here.
public final class KernelLink {
    /// The kernel at the other end ($KernelID; 0 for the master).
    public let peer: Int
    public let transport: any LinkTransport
    public let ledger: TrafficLedger
    /// The packed arrays that crossed this link by handle, both ways (SharedArrayTransfer.swift).
    public let sharedArrays = SharedArrayTransfer()
    private let clock: () -> Double

    public init(peer: Int, transport: any LinkTransport, ledger: TrafficLedger, clock: @escaping () -> Double) {
        self.peer = peer
        self.transport = transport
        self.ledger = ledger
        self.clock = clock
    }

    public var pollDescriptor: Int32 { transport.pollDescriptor }

    /// Sends `message`; `sharedBytes` are the array bytes its handles stand for.
    public func send(_ message: LinkMessage, sharedBytes: Int = 0) throws(LinkError) {
        let start = clock()
        let wire = try transport.send(message)
        ledger.record(peer: peer, direction: .sent, kind: message.kind, wireBytes: wire, sharedBytes: sharedBytes,
                      seconds: clock() - start)
    }

    /// The next message. The shared bytes its body stands for are counted when it is decoded
    /// (`expression(of:symbols:)`).
    public func receive() throws(LinkError) -> LinkMessage {
        let start = clock()
        let (message, wire) = try transport.receive()
        ledger.record(peer: peer, direction: .received, kind: message.kind, wireBytes: wire, sharedBytes: 0,
                      seconds: clock() - start)
        return message
    }

    /// Adds the bytes of arrays received by handle to the ledger (known only once the body is decoded).
    public func noteSharedReceived(_ bytes: Int, kind: LinkMessage.Kind) {
        guard bytes > 0 else { return }
        ledger.addSharedBytes(bytes, peer: peer, direction: .received, kind: kind)
    }

    public func close() {
        transport.close()
        sharedArrays.reset()
    }
}
