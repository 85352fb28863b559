// What the subkernels are doing, for a watcher outside the language (the command line's --monitor):
// per kernel its state, the evaluations it finished (Worker) and the bytes the ledger counted with it.
// Nothing is counted here: the numbers are read from where they are kept, so a monitor and
// ParallelTraffic[] cannot disagree.
//
// A watcher is called from the master's own wait loop (ParallelWait.nextEvent), on the kernel's
// thread, each time round: after each message handled and at least every 20 ms while it waits. No
// thread is involved; a watcher that draws must keep its own pace.

import TesseraCore
import TesseraLink

/// Something that looks at the subkernels while the master waits for them.
public protocol ParallelWatcher: AnyObject {
    func masterWaits(_ k: Kernel)
}

/// One subkernel as a watcher sees it.
public struct KernelActivity: Equatable, Sendable {
    public enum State: String, Sendable { case idle, busy, dead }
    public var id: Int
    public var state: State
    /// Evaluations the kernel finished.
    public var evaluations: Int
    /// Wire bytes the master received from the kernel and sent to it.
    public var bytesIn: Int
    public var bytesOut: Int
    /// Array bytes that went by shared-memory handle instead, both ways.
    public var sharedBytes: Int

    public init(id: Int, state: State, evaluations: Int, bytesIn: Int, bytesOut: Int, sharedBytes: Int) {
        self.id = id
        self.state = state
        self.evaluations = evaluations
        self.bytesIn = bytesIn
        self.bytesOut = bytesOut
        self.sharedBytes = sharedBytes
    }
}

public enum ParallelActivity {
    /// Makes `watcher` the one the master's wait loop calls (nil: none).
    public static func watch(_ k: Kernel, _ watcher: (any ParallelWatcher)?) {
        ParallelWatch.of(k).watcher = watcher
    }

    /// The running subkernels, in `Kernels[]` order.
    public static func kernels(_ k: Kernel) -> [KernelActivity] {
        let state = ParallelState.of(k)
        return state.liveWorkers.map { worker in
            var row = traffic(k, kernel: worker.id)
            row.state = worker.isIdle ? .idle : .busy
            row.evaluations = worker.evaluationsDone
            return row
        }
    }

    /// The ledger's bytes with kernel `id` (running or not), as a dead kernel's row with no evaluations.
    public static func traffic(_ k: Kernel, kernel id: Int) -> KernelActivity {
        let ledger = ParallelState.of(k).ledger
        let received = ledger.totals(peer: id, direction: .received), sent = ledger.totals(peer: id, direction: .sent)
        return KernelActivity(id: id, state: .dead, evaluations: 0, bytesIn: received.wireBytes, bytesOut: sent.wireBytes,
                              sharedBytes: received.sharedBytes + sent.sharedBytes)
    }

    /// The kernels the ledger has traffic with (the master, 0, left out).
    public static func kernelsWithTraffic(_ k: Kernel) -> [Int] {
        ParallelState.of(k).ledger.peers.filter { $0 != 0 }
    }
}

/// The kernel's watcher (kept beside ParallelState, in the kernel).
final class ParallelWatch {
    var watcher: (any ParallelWatcher)?

    static func of(_ k: Kernel) -> ParallelWatch { k.extensionState(ParallelWatch.self) { ParallelWatch() } }

    /// Called by the master's wait loop.
    static func notify(_ k: Kernel) {
        ParallelWatch.of(k).watcher?.masterWaits(k)
    }
}
