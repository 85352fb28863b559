// The scheduler: a queue of evaluations ("jobs") over the idle subkernels.
//
// Every parallel function cuts its work into jobs (one held expression each, evaluated on a
// subkernel as one request) and hands them here; ParallelSubmit hands single jobs. The queue keeps
// at most one job in flight per worker: a worker is sent a job only when idle, so the master never
// writes to a subkernel that may itself be blocked writing a large result (no socket deadlock), and
// a fast kernel simply comes back for more (load balance).
//
// Failures. A worker that dies with a job in flight (its link closed: kill -9, a crash, Quit[]) is
// dropped from `Kernels[]` and its job goes back to the front of the queue with QueueRun::req; a job
// that killed two kernels is given up with QueueRun::aba and gives $Failed, so a poisonous
// evaluation is never retried forever. When no kernel is left, the remaining jobs are evaluated on
// the master: the result stays complete.
//
// The queue lives in the kernel (Kernel.extensionState), beside ParallelState; jobs are numbered
// over the session so EvaluationObjects of ParallelSubmit stay valid between top-level inputs.

import TesseraBuiltins
import TesseraCore
import TesseraExpr

final class EvaluationQueue {
    private struct Job {
        let expr: Expr
        /// Kernels that died while evaluating this job.
        var deaths = 0
        /// Abandoned (ParallelTry had its results): a result that still arrives is dropped.
        var abandoned = false
    }

    private var jobs: [Int: Job] = [:]
    /// Jobs not yet sent, in order; a requeued job goes to the front.
    private var waiting: [Int] = []
    /// Request id -> job, for the jobs in flight.
    private var running: [UInt64: Int] = [:]
    private var results: [Int: Expr] = [:]
    private var nextJob = 1

    private init() {}

    static func of(_ k: Kernel) -> EvaluationQueue { k.extensionState(EvaluationQueue.self) { EvaluationQueue() } }

    /// Queues `expr` (held: it is evaluated on a subkernel) and returns its job number. It is sent
    /// at once if a worker is idle.
    func add(_ expr: Expr, _ k: Kernel) -> Int {
        let id = nextJob
        nextJob += 1
        jobs[id] = Job(expr: expr)
        waiting.append(id)
        ParallelTracing.of(k).queued(id, length: waiting.count, k)
        dispatch(k)
        return id
    }

    func isFinished(_ id: Int) -> Bool { results[id] != nil }

    /// Whether `id` names a job this queue knows (queued, running or finished, not yet taken).
    func knows(_ id: Int) -> Bool { jobs[id] != nil }

    /// The result of a finished job, which the queue then forgets.
    func take(_ id: Int, _ k: Kernel) -> Expr? {
        guard let result = results.removeValue(forKey: id) else { return nil }
        jobs[id] = nil
        ParallelTracing.of(k).dequeued(id, k)
        return result
    }

    /// Evaluates `exprs` as jobs and returns their results in order; `finished` (for progress
    /// reporting) is told the position in `exprs` of each job as its result arrives.
    func run(_ exprs: [Expr], _ k: Kernel, finished: ((Int) -> Void)? = nil) throws(Interrupt) -> [Expr] {
        let ids = exprs.map { add($0, k) }
        if let finished { try wait(for: ids, k, finished) } else { try wait(for: ids, k) }
        return ids.map { take($0, k) ?? .symbol(k.sys.DollarFailed) }
    }

    /// Returns when every job of `ids` has finished, telling `finished` each one's position in `ids`.
    private func wait(for ids: [Int], _ k: Kernel, _ finished: (Int) -> Void) throws(Interrupt) {
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        func pending() -> Int { ids.count { jobs[$0] != nil && !isFinished($0) } }
        var left = pending()
        while left > 0 {
            if let done = try step(k), let at = position[done] {
                finished(at)
                left -= 1
            } else {
                left = pending()  // jobs that ended without a result of their own (no kernel left)
            }
        }
    }

    /// Returns when every job of `ids` has finished.
    func wait(for ids: [Int], _ k: Kernel) throws(Interrupt) {
        for id in ids {
            while jobs[id] != nil, !isFinished(id) { try step(k) }
        }
    }

    /// Returns the first of `ids` to finish (the earliest listed among those already finished).
    func waitAny(of ids: [Int], _ k: Kernel) throws(Interrupt) -> Int? {
        let known = ids.filter { jobs[$0] != nil }
        guard !known.isEmpty else { return nil }
        while true {
            if let done = known.first(where: isFinished) { return done }
            if !known.contains(where: { jobs[$0] != nil }) { return nil }
            try step(k)
        }
    }

    /// Forgets jobs whose results are no longer wanted: queued ones are never sent, running ones
    /// finish on their kernel and their results are dropped.
    func abandon(_ ids: [Int]) {
        for id in ids {
            results[id] = nil
            if let at = waiting.firstIndex(of: id) {
                waiting.remove(at: at)
                jobs[id] = nil
            } else if running.values.contains(id) {
                jobs[id]?.abandoned = true
            } else {
                jobs[id] = nil
            }
        }
    }

    /// Sends queued jobs to idle workers, in `Kernels[]` order.
    private func dispatch(_ k: Kernel) {
        let state = ParallelState.of(k)
        for worker in state.liveWorkers where worker.isIdle {
            guard let id = waiting.first, let job = jobs[id] else { break }
            let request = state.newRequestID()
            if state.submit(job.expr, to: worker, requestID: request, k) {
                waiting.removeFirst()
                running[request] = id
                ParallelTracing.of(k).dispatched(id, to: worker, k)
            } else {
                drop(worker, k)
            }
        }
    }

    /// Makes progress: sends what it can, then handles one result or death; with no kernel left,
    /// evaluates the next queued job on the master. Returns the job that got its result, if one did.
    @discardableResult
    private func step(_ k: Kernel) throws(Interrupt) -> Int? {
        dispatch(k)
        let state = ParallelState.of(k)
        guard let event = try state.nextEvent(k) else {
            // No kernel is busy, so a job still counted as running can never answer (another
            // caller's receive loop took its result): it fails rather than being waited for forever.
            for id in running.values {
                if jobs[id]?.abandoned == true { jobs[id] = nil } else { results[id] = .symbol(k.sys.DollarFailed) }
            }
            running.removeAll()
            guard let id = waiting.first, let job = jobs[id] else { return nil }
            waiting.removeFirst()
            results[id] = try k.evaluate(job.expr)
            return id
        }
        switch event {
        case .result(let worker, let request, let value):
            guard let id = running.removeValue(forKey: request) else { return nil }
            ParallelTracing.of(k).finished(id, from: worker.id, k)
            if jobs[id]?.abandoned == true { jobs[id] = nil; return nil }
            results[id] = value
            return id
        case .died(let worker, let request):
            drop(worker, k)
            guard let request, let id = running.removeValue(forKey: request), var job = jobs[id] else { return nil }
            if job.abandoned { jobs[id] = nil; return nil }
            job.deaths += 1
            jobs[id] = job
            let queueRun = k.symbols.intern(fullName: "System`QueueRun")
            let kernel = KernelBuiltins.kernelObject(k, worker)
            if job.deaths >= 2 {
                k.message(queueRun, "aba", kernel, Expr(k.sys.List, .integer(id)))
                results[id] = .symbol(k.sys.DollarFailed)
                return id
            } else {
                k.message(queueRun, "req", kernel, Expr(k.sys.List, .integer(id)))
                if worker.sharedCallsInRequest > 0 {
                    k.message(queueRun, "shared", Expr(k.sys.List, .integer(id)), kernel)
                }
                waiting.insert(id, at: 0)
                return nil
            }
        }
    }

    /// Removes a dead worker from `Kernels[]`; with `Parallel`Settings`$RelaunchFailedKernels` = True
    /// (False by default, as in Mathematica) a new kernel takes its place.
    private func drop(_ worker: Worker, _ k: Kernel) {
        worker.bury()
        let state = ParallelState.of(k)
        state.workers.removeAll { !$0.isAlive }
        KernelBuiltins.setKernelCount(k, state.liveWorkers.count)
        if k.symbols.intern(fullName: Self.relaunchSetting).ownValue?.isSymbol(k.sys.True) == true {
            KernelBuiltins.launch(k, 1)
        }
    }

    static let relaunchSetting = "Parallel`Settings`$RelaunchFailedKernels"
}

enum EvaluationQueueBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("QueueRun", messages: [
            "req": "Requeueing evaluations `2` assigned to `1`.",
            "aba": "Abandoning evaluations `2` assigned to `1`.",
            "shared": "Evaluations `1` used shared variables or functions on `2` before it failed; evaluating them again repeats what they did there.",
        ]),
    ]
}
