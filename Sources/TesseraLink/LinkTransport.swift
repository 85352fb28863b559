// How frames move between two kernels. The toolkit never sees a transport: it talks to `KernelLink`,
// which wraps one and counts every message in the traffic ledger. A local subkernel's transport is a
// Unix socket (`LocalSocketTransport`); subkernels as MPI ranks will be a second transport with the
// same two calls, and nothing above the link changes.

/// Sends and receives whole frames. Blocking; `pollDescriptor` lets a master wait on many at once.
public protocol LinkTransport: AnyObject {
    /// A descriptor that becomes readable when a frame (or the end of the link) is waiting.
    var pollDescriptor: Int32 { get }
    /// Sends the message; returns the bytes put on the wire (header and body).
    func send(_ message: LinkMessage) throws(LinkError) -> Int
    /// The next message and the bytes it took on the wire; `.closed` at the end of the link.
    func receive() throws(LinkError) -> (message: LinkMessage, wireBytes: Int)
    /// Closes the link; the other end sees `.closed`. Idempotent.
    func close()
}
