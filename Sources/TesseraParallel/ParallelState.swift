// The parallel toolkit's state, hung off the kernel (Kernel.extensionState): the subkernels this
// kernel launched, the traffic ledger, and the request counter. Nothing of it is global, so a test can
// run several masters in one process.
//
// Threads: the master drives all its subkernels from its own thread with a poll loop over their
// sockets (ParallelWait.swift); there is no helper thread.

import TesseraCore
import TesseraExpr
import TesseraLink

public final class ParallelState {
    /// Running subkernels, in `Kernels[]` order.
    var workers: [Worker] = []
    /// The id the next launched kernel gets ($KernelID counts up over the session, as in Mathematica).
    var nextKernelID = 1
    var nextRequestID: UInt64 = 1
    public let ledger = TrafficLedger()
    /// The timeline of parallel work, while a trace or report wants it (nil otherwise: ParallelTimeline).
    var timeline: ParallelTimeline?
    /// `Tessera`Aborted`, the head a subkernel's Abort[] comes back under: looked at in every result,
    /// so interned once.
    private var abortedHead: Symbol?

    init() {}

    func abortedSymbol(_ k: Kernel) -> Symbol {
        if let abortedHead { return abortedHead }
        let symbol = k.symbols.intern(fullName: "Tessera`Aborted")
        abortedHead = symbol
        return symbol
    }

    static func of(_ k: Kernel) -> ParallelState { k.extensionState(ParallelState.self) { ParallelState() } }

    func newRequestID() -> UInt64 {
        defer { nextRequestID &+= 1 }
        return nextRequestID
    }

    var liveWorkers: [Worker] { workers.filter { $0.isAlive } }
}
