// The trace events, one function per place the toolkit calls them from, each in Mathematica's
// wording (Parallel`Debug`'s templates, `q` being the evaluations pending on that kernel besides
// this one: 0 with our scheduler, which sends a kernel one evaluation at a time). Each returns at once
// when its tracers are off. Bytes come from the ledger (the difference over the message), so a trace
// line and ParallelTraffic[] can never disagree.

import TesseraCore
import TesseraExpr
import TesseraLink

extension ParallelTracing {
    /// The bytes on the wire with `worker` so far in `direction`, when SendReceive or MathLink is on
    /// (to be passed back after the message); nil otherwise.
    func mark(_ worker: Worker, _ direction: TrafficDirection) -> Int? {
        guard isTracing(.sendReceive) || isTracing(.mathLink) else { return nil }
        return worker.link.ledger.totals(peer: worker.id, direction: direction).wireBytes
    }

    private func bytes(since mark: Int, _ worker: Worker, _ direction: TrafficDirection) -> Int {
        worker.link.ledger.totals(peer: worker.id, direction: direction).wireBytes - mark
    }

    /// SendReceive: an evaluation went to `worker` (`definitionsMark`: before its definitions,
    /// `mark`: before the evaluation itself).
    func sent(_ expr: Expr, to worker: Worker, definitionsMark: Int?, mark: Int?, _ k: Kernel) {
        guard let definitionsMark, let mark else { return }
        if isTracing(.mathLink) {
            let definitions = mark - definitionsMark
            if definitions > 0 { emit(.mathLink, "LinkWrite to kernel \(worker.id): Definition", bytes: definitions, k) }
            emit(.mathLink, "LinkWrite to kernel \(worker.id): Evaluation", bytes: bytes(since: mark, worker, .sent), k)
        }
        if isTracing(.sendReceive) {
            // q: the evaluations the kernel has before this one (1 for one sent ahead), as Mathematica counts.
            emit(.sendReceive, "Sending to kernel \(worker.id): \(TraceText.short(expr, k)) (q=\(worker.requestsInFlight.count))",
                 bytes: bytes(since: definitionsMark, worker, .sent), k)
        }
    }

    /// MathLink: a message was read from `worker`.
    func read(_ kind: LinkMessage.Kind, from worker: Worker, mark: Int?, _ k: Kernel) {
        guard let mark, isTracing(.mathLink) else { return }
        emit(.mathLink, "LinkRead from kernel \(worker.id): \(TrafficKind(kind).name)", bytes: bytes(since: mark, worker, .received), k)
    }

    /// SendReceive: the result of an evaluation came back from `worker`.
    func received(_ result: Expr, from worker: Worker, mark: Int?, _ k: Kernel) {
        guard let mark, isTracing(.sendReceive) else { return }
        emit(.sendReceive, "Receiving from kernel \(worker.id): \(TraceText.short(result, k)) (q=\(worker.requestsInFlight.count))",
             bytes: bytes(since: mark, worker, .received), k)
    }

    /// Queueing: evaluation `job` was queued; `length` evaluations now wait.
    func queued(_ job: Int, length: Int, _ k: Kernel) {
        guard isTracing(.queueing) else { return }
        emit(.queueing, "eid\(job) queued (\(length))", k)
    }

    /// Queueing: evaluation `job` was sent to `worker` (ahead of the one it is running, if it is
    /// busy with another).
    func dispatched(_ job: Int, to worker: Worker, _ k: Kernel) {
        guard isTracing(.queueing) else { return }
        emit(.queueing, "eid\(job) sent \(worker.requestsInFlight.count > 1 ? "ahead " : "")to kernel \(worker.id)", k)
    }

    /// Queueing: the result of `job` came back from kernel `kernelID`.
    func finished(_ job: Int, from kernelID: Int, _ k: Kernel) {
        guard isTracing(.queueing) else { return }
        emit(.queueing, "eid\(job) received from kernel \(kernelID)", k)
    }

    /// Queueing: the result of `job` was handed to the function that waited for it.
    func dequeued(_ job: Int, _ k: Kernel) {
        guard isTracing(.queueing) else { return }
        emit(.queueing, "eid\(job) dequeued", k)
    }

    /// SharedMemory: the master evaluated `expr` for `worker` (a shared variable or function use).
    func shared(_ expr: Expr, value: Expr, for worker: Worker, _ k: Kernel) {
        guard isTracing(.sharedMemory) else { return }
        emit(.sharedMemory, "Kernel \(worker.id): \(TraceText.short(expr, k, width: 40)) -> \(TraceText.short(value, k, width: 30))", k)
    }
}
