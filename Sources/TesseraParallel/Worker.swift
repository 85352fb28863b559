// One subkernel as the master sees it: its process, its link and its state.
//
// The state has one enum and its transitions in one place (Julia's Distributed keeps worker state the
// same way): idle -> busy (an evaluation sent) -> idle (its result came back); any -> dead (the link
// closed or the process was killed). A dead worker's pending evaluation goes back to the queue.

#if canImport(Glibc)
import Glibc
#endif
import TesseraLink

final class Worker {
    enum State {
        case idle
        /// Waiting for the result of this request.
        case busy(requestID: UInt64)
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

    /// Shared variables and functions the running request used: if the kernel dies, evaluating the
    /// request again would repeat those effects, and the queue says so.
    var sharedCallsInRequest = 0

    func began(_ requestID: UInt64) {
        state = .busy(requestID: requestID)
        sharedCallsInRequest = 0
    }

    func finished() {
        evaluationsDone += 1
        state = .idle
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
