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
    /// The result of `requestID` from `worker` (which runs its next request now, or is idle).
    case result(Worker, requestID: UInt64, Expr)
    /// The worker's link closed or broke: it is dead, its requests unanswered (the running one first).
    case died(Worker, requestIDs: [UInt64])
}

extension ParallelState {
    /// Blocks until one of the busy workers answers or dies. Nil when no worker is busy. An abort
    /// of the master (Ctrl-C, Abort[] in a shared function, TimeConstrained) while it waits, or
    /// Abort[] on a subkernel, aborts every busy subkernel, waits for them to answer (they stay
    /// usable), and throws `.aborted`.
    func nextEvent(_ k: Kernel) throws(Interrupt) -> WorkerEvent? {
        while true {
            ParallelWatch.notify(k)
            // Checked on every pass, not only when the kernels are quiet: a stream of short
            // evaluations may never leave poll a quiet 20 ms.
            do throws(Interrupt) {
                try k.pollInterrupts()
            } catch {
                abortBusyWorkers(k)
                throw error
            }
            let readable: [Worker]
            switch pollBusyWorkers(milliseconds: 20) {
            case .noneBusy:
                return nil
            case .failed(let worker):
                timeline?.lost(worker)
                return .died(worker, requestIDs: worker.requestsInFlight)
            case .quiet:
                continue
            case .readable(let workers):
                readable = workers
            }
            for worker in readable {
                guard let event = receive(from: worker, k) else { continue }
                if case .result(_, let id, let value) = event, value.hasHead(abortedSymbol(k)) {
                    abortBusyWorkers(k)
                    // Inside an AbortProtect the abort waits, and the result is $Aborted.
                    return .result(worker, requestID: id, try k.raiseAbort())
                }
                return event
            }
        }
    }

    var busyWorkers: [Worker] { workers.filter { if case .busy = $0.state { return true } else { return false } } }

    private enum PollOutcome {
        case noneBusy
        /// poll(2) itself failed (not EINTR): the first busy worker is given up.
        case failed(Worker)
        /// Nothing to read within the time (or a signal interrupted the wait).
        case quiet
        case readable([Worker])
    }

    /// Waits up to `milliseconds` for a message (or the end of the link) from any busy worker.
    private func pollBusyWorkers(milliseconds: Int32) -> PollOutcome {
        let busy = busyWorkers
        guard !busy.isEmpty else { return .noneBusy }
        var fds = busy.map { pollfd(fd: $0.link.pollDescriptor, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        if ready < 0 && errno != EINTR { return .failed(busy[0]) }
        if ready <= 0 { return .quiet }
        return .readable(busy.indices.filter { fds[$0].revents != 0 }.map { busy[$0] })
    }

    /// AbortKernels: SIGINT to every busy subkernel (their SubkernelServer routes it to the kernel's
    /// abort flag), then their answers are read and dropped, so that each is idle and usable again.
    /// A kernel with a request sent ahead gets another SIGINT when it answers the running one: an
    /// abort flag ends one evaluation.
    func abortBusyWorkers(_ k: Kernel) {
        let signaled = busyWorkers
        for worker in signaled { kill(worker.pid, SIGINT) }
        defer {
            // A signal that found its evaluation already over must not abort the next one. The
            // signal is delivered before the subkernel reads this message (it was sent first).
            for worker in signaled where worker.isAlive {
                try? worker.link.send(LinkMessage(kind: .control, body: [LinkControl.clearAbort.rawValue]))
            }
        }
        let deadline = monotonicSeconds() + 5
        while !busyWorkers.isEmpty {
            if case .readable(let workers) = pollBusyWorkers(milliseconds: 50) {
                for worker in workers {
                    let before = worker.requestsInFlight.count
                    _ = receive(from: worker, k)
                    let after = worker.requestsInFlight.count
                    if after > 0 && after < before { kill(worker.pid, SIGINT) }
                }
            }
            if monotonicSeconds() > deadline {
                // A subkernel deep in a native call that does not poll: it cannot be kept.
                for worker in busyWorkers { worker.bury() }
            }
        }
    }

    /// Reads one message from `worker`: side output is handled here (nil), a result or a death returned.
    private func receive(from worker: Worker, _ k: Kernel) -> WorkerEvent? {
        guard let timeline else { return receiveMessage(from: worker, k) }
        let mark = timeline.mark(worker), calls = worker.sharedCallsInRequest
        let event = receiveMessage(from: worker, k)
        timeline.received(from: worker, since: mark, sharedAccess: worker.sharedCallsInRequest != calls)
        return event
    }

    private func receiveMessage(from worker: Worker, _ k: Kernel) -> WorkerEvent? {
        let pending = worker.requestsInFlight
        let tracing = ParallelTracing.of(k), mark = tracing.mark(worker, .received)
        let message: LinkMessage
        do {
            message = try worker.link.receive()
        } catch {
            worker.bury()
            return .died(worker, requestIDs: pending)
        }
        tracing.read(message.kind, from: worker, mark: mark, k)
        switch message.kind {
        case .output:
            if let output = LinkCodec.decodeOutput(message, from: worker.link, k, origin: worker.id) {
                switch output {
                case .message(let value, _):
                    // The master counts re-issued messages itself (three, then its own General::stop);
                    // a subkernel's General::stop would say it twice.
                    if value.symbol == "System`General" && value.tag == "stop" { break }
                    k.reissue(value)
                case .print: k.output(output)
                }
            }
            return nil
        case .result:
            worker.finished(at: monotonicSeconds())
            guard let result = try? LinkCodec.decode(message, from: worker.link, k) else {
                k.message(k.symbols.intern(fullName: "System`Parallel"), "undecodable")
                return .result(worker, requestID: message.requestID, .symbol(k.sys.DollarFailed))
            }
            tracing.received(result, from: worker, mark: mark, k)
            return .result(worker, requestID: message.requestID, result)
        case .failure:
            worker.finished(at: monotonicSeconds())
            k.message(k.symbols.intern(fullName: "System`Parallel"), "failure", .integer(worker.id),
                      .string(String(decoding: message.body, as: UTF8.self)))
            return .result(worker, requestID: message.requestID, .symbol(k.sys.DollarFailed))
        case .shared:
            worker.sharedCallsInRequest += 1
            SharedRoundTrip.answer(message, from: worker, k)
            return nil
        default:
            return nil
        }
    }

    /// Sends `expr` (held) to `worker` for evaluation; false when the worker turned out dead.
    /// The definitions `expr` needs that the worker lacks go first (DefinitionDistribution).
    func submit(_ expr: Expr, to worker: Worker, requestID: UInt64, _ k: Kernel) -> Bool {
        let tracing = ParallelTracing.of(k), definitionsMark = tracing.mark(worker, .sent)
        do {
            try DefinitionDistribution.send(for: expr, to: worker, requestID: requestID, k)
            let mark = tracing.mark(worker, .sent), timelineMark = timeline?.mark(worker)
            try LinkCodec.send(.evaluate, requestID: requestID, Expr(k.sys.Hold, expr), over: worker.link, k)
            tracing.sent(expr, to: worker, definitionsMark: definitionsMark, mark: mark, k)
            worker.began(requestID, at: monotonicSeconds())
            if let timelineMark { timeline?.evaluationSent(expr, to: worker, requestID: requestID, since: timelineMark) }
            return true
        } catch {
            worker.bury()
            return false
        }
    }
}
