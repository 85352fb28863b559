// The master's receive loop: waits on the sockets of its busy subkernels with poll(2), from the
// kernel's own thread (no helper thread: see ThreadOwnership.swift).
//
// Side output that arrives is handled here at once: a subkernel's message is re-issued in the master
// (`Kernel.reissue`), so Off, Quiet, Check and $MessageList see it, and a print is passed to the
// master's output naming the kernel. What the caller gets back is a result or a death.

#if canImport(Glibc)
import Glibc
#endif
import TesseraCore
import TesseraExpr
import TesseraLink

enum WorkerEvent {
    /// The result of `requestID` from `worker` (the worker is idle again).
    case result(Worker, requestID: UInt64, Expr)
    /// The worker's link closed or broke: it is dead, its request (if any) unanswered.
    case died(Worker, requestID: UInt64?)
}

extension ParallelState {
    /// Blocks until one of the busy workers answers or dies. Nil when no worker is busy.
    func nextEvent(_ k: Kernel) -> WorkerEvent? {
        while true {
            let busy = workers.filter { if case .busy = $0.state { return true } else { return false } }
            guard !busy.isEmpty else { return nil }
            var fds = busy.map { pollfd(fd: $0.link.pollDescriptor, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), 100)
            if ready < 0 && errno != EINTR { return .died(busy[0], requestID: pendingRequest(busy[0])) }
            for (i, worker) in busy.enumerated() where fds[i].revents != 0 {
                if let event = receive(from: worker, k) { return event }
            }
        }
    }

    /// Reads one message from `worker`: side output is handled here (nil), a result or a death returned.
    private func receive(from worker: Worker, _ k: Kernel) -> WorkerEvent? {
        let pending = pendingRequest(worker)
        let message: LinkMessage
        do {
            message = try worker.link.receive()
        } catch {
            worker.bury()
            return .died(worker, requestID: pending)
        }
        switch message.kind {
        case .output:
            if let output = LinkCodec.decodeOutput(message.body, k, origin: worker.id) {
                switch output {
                case .message(let value, _): k.reissue(value)
                case .print: k.output(output)
                }
            }
            return nil
        case .result:
            worker.finished()
            guard let result = try? LinkCodec.decode(message.body, k) else {
                k.message(k.symbols.intern(fullName: "System`Parallel"), "undecodable")
                return .result(worker, requestID: message.requestID, .symbol(k.sys.DollarFailed))
            }
            return .result(worker, requestID: message.requestID, result)
        case .failure:
            worker.finished()
            k.message(k.symbols.intern(fullName: "System`Parallel"), "failure", .integer(worker.id),
                      .string(String(decoding: message.body, as: UTF8.self)))
            return .result(worker, requestID: message.requestID, .symbol(k.sys.DollarFailed))
        case .shared:
            SharedRoundTrip.answer(message, from: worker, k)
            return nil
        default:
            return nil
        }
    }

    private func pendingRequest(_ worker: Worker) -> UInt64? {
        if case .busy(let id) = worker.state { return id }
        return nil
    }

    /// Sends `expr` (held) to `worker` for evaluation; false when the worker turned out dead.
    /// The definitions `expr` needs that the worker lacks go first (DefinitionDistribution).
    func submit(_ expr: Expr, to worker: Worker, requestID: UInt64, _ k: Kernel) -> Bool {
        let definitions = DefinitionDistribution.messages(for: expr, to: worker, requestID: requestID, k)
        let body = LinkCodec.encode(Expr(k.sys.Hold, expr), k)
        do {
            for message in definitions { try worker.link.send(message) }
            try worker.link.send(LinkMessage(kind: .evaluate, requestID: requestID, body: body))
            worker.began(requestID)
            return true
        } catch {
            worker.bury()
            return false
        }
    }
}
