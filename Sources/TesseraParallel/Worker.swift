// One subkernel as the master sees it: its process, its link and its state.
//
// The state has one enum and its transitions in one place (Julia's Distributed keeps worker state the
// same way): idle -> busy (evaluations sent) -> idle (their results came back); any -> dead (the link
// closed or the process was killed). A busy kernel evaluates its requests one after the other, in the
// order they were sent, so the requests in flight are a queue: the first is running, the others wait
// in the socket (EvaluationQueue sends a second one ahead only when it is small and the kernel's
// evaluations are short, to hide the round trip). A dead worker's requests go back to the queue.

#if canImport(Glibc)
import Glibc
#endif
import TesseraLink

final class Worker {
    enum State {
        case idle
        /// Waiting for the results of these requests, in the order the kernel answers them.
        case busy(requestIDs: [UInt64])
        case dead
    }

    /// $KernelID of the subkernel.
    let id: Int
    let pid: pid_t
    let link: KernelLink
    private(set) var state: State = .idle
    /// Evaluations this kernel finished (for the monitor and the scheduler).
    private(set) var evaluationsDone = 0
    /// Symbol versions this kernel has (definition distribution sends only what changed).
    var definitionVersions: [String: UInt64] = [:]

    init(id: Int, pid: pid_t, link: KernelLink) {
        self.id = id
        self.pid = pid
        self.link = link
    }

    var isAlive: Bool { if case .dead = state { return false } else { return true } }
    var isIdle: Bool { if case .idle = state { return true } else { return false } }

    /// The requests sent and not yet answered, the running one first.
    var requestsInFlight: [UInt64] { if case .busy(let ids) = state { return ids } else { return [] } }

    /// Seconds the last answered request took, from its send (or, for one sent ahead, from the
    /// result before it) to its result: how long this kernel's evaluations take (nil before the first).
    private(set) var lastRoundTrip: Double?
    /// When the running request began: its send, or the result before it for a request sent ahead.
    private var runningSince = 0.0

    /// Shared variables and functions the running request used: if the kernel dies, evaluating the
    /// request again would repeat those effects, and the queue says so.
    var sharedCallsInRequest = 0

    /// `requestID` was sent at `time`.
    func began(_ requestID: UInt64, at time: Double) {
        switch state {
        case .idle:
            state = .busy(requestIDs: [requestID])
            sharedCallsInRequest = 0
            runningSince = time
        case .busy(let ids):
            state = .busy(requestIDs: ids + [requestID])
        case .dead:
            break
        }
    }

    /// The running request's result arrived at `time`; the next request in flight, if any, runs now.
    func finished(at time: Double) {
        guard case .busy(let ids) = state else { return }
        evaluationsDone += 1
        sharedCallsInRequest = 0
        lastRoundTrip = time - runningSince
        runningSince = time
        state = ids.count > 1 ? .busy(requestIDs: Array(ids.dropFirst())) : .idle
    }

    /// Marks the worker dead, closes its link and reaps the process (killing it first if needed).
    func bury(kill signal: Int32 = SIGKILL) {
        if case .dead = state { return }
        state = .dead
        link.close()
        Glibc.kill(pid, signal)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }

    /// Asks the subkernel to quit and waits for it (with a short grace before SIGKILL).
    func close() {
        if case .dead = state { return }
        try? link.send(LinkMessage(kind: .control, body: [LinkControl.quit.rawValue]))
        link.close()
        var status: Int32 = 0
        for _ in 0..<200 {
            if waitpid(pid, &status, WNOHANG) == pid {
                state = .dead
                return
            }
            usleep(5000)
        }
        bury()
    }
}
