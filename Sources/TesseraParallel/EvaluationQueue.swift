// The scheduler: a queue of evaluations ("jobs") over the idle subkernels.
//
// Every parallel function cuts its work into jobs (one held expression each, evaluated on a
// subkernel as one request) and hands them here; ParallelSubmit hands single jobs, ParallelEvaluate
// and ParallelNeeds jobs pinned to a kernel. Every result and death the master reads passes through
// the queue, so no caller's wait loop can swallow another's result.
//
// An idle worker is sent the next job, and a fast kernel simply comes back for more (load balance).
// A busy worker is sent a second job ahead only when that cannot hurt: its evaluations are short
// (under `aheadLimit`), so the round trip between two of them (about 50 us) would be a large part of
// its time and a job waiting in its socket delays the end of the run by little; the job and the
// definitions it needs are small (no `define` to send, a body that fits in the socket's buffer), so
// the master's write never blocks on a kernel that is itself blocked writing a large result (no
// socket deadlock).
//
// Failures. A worker that dies with jobs in flight (its link closed: kill -9, a crash, Quit[]) is
// dropped from `Kernels[]` and its jobs go back to the front of the queue with QueueRun::req; a job
// that killed two kernels (only the running one counts, not one sent ahead) is given up with
// QueueRun::aba and gives $Failed, so a poisonous evaluation is never retried forever. Jobs pinned
// to the dead kernel give $Failed. When no kernel is left, the remaining jobs are evaluated on the
// master: the result stays complete.
//
// The queue lives in the kernel (Kernel.extensionState), beside ParallelState; jobs are numbered
// over the session so EvaluationObjects of ParallelSubmit stay valid between top-level inputs.

import TesseraBuiltins
import TesseraCore
import TesseraExpr
import TesseraStorage

final class EvaluationQueue {
    private struct Job {
        let expr: Expr
        /// The kernel ($KernelID) that must evaluate the job (ParallelEvaluate); nil: any kernel.
        let kernel: Int?
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

    /// Evaluations shorter than this (seconds, as the master times them) make a kernel one that is
    /// sent its next job ahead.
    static let aheadLimit = 0.002
    /// The largest body (estimated) sent ahead: well inside a Unix socket's send buffer (208 KB).
    static let aheadBytes = 16 * 1024

    /// Queues `expr` (held: it is evaluated on a subkernel) and returns its job number; `kernel`
    /// ($KernelID) pins it to that kernel, which gives $Failed if it is or goes away. It is sent at
    /// once if a worker can take it.
    func add(_ expr: Expr, on kernel: Int? = nil, _ k: Kernel) -> Int {
        let id = nextJob
        nextJob += 1
        jobs[id] = Job(expr: expr, kernel: kernel)
        if let kernel, !ParallelState.of(k).liveWorkers.contains(where: { $0.id == kernel }) {
            results[id] = .symbol(k.sys.DollarFailed)
            return id
        }
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
        try results(of: exprs.map { add($0, k) }, k, finished: finished)
    }

    /// Waits for the jobs `ids` and returns their results in order. An abort abandons them, so that
    /// none of them is sent later, ahead of the next caller's jobs.
    func results(of ids: [Int], _ k: Kernel, finished: ((Int) -> Void)? = nil) throws(Interrupt) -> [Expr] {
        do {
            if let finished { try wait(for: ids, k, finished) } else { try wait(for: ids, k) }
        } catch {
            abandon(ids)
            throw error
        }
        return ids.map { take($0, k) ?? .symbol(k.sys.DollarFailed) }
    }

    /// Returns when every job of `ids` has finished, telling `finished` each one's position in `ids`.
    private func wait(for ids: [Int], _ k: Kernel, _ finished: (Int) -> Void) throws(Interrupt) {
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        func pending() -> Int { ids.count { jobs[$0] != nil && !isFinished($0) } }
        var left = pending()
        while left > 0 {
            let done = try step(k).compactMap { position[$0] }
            for at in done { finished(at) }
            // Jobs can also end without a result of their own (no kernel left).
            left = done.isEmpty ? pending() : left - done.count
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

    /// Sends queued jobs to idle workers, in `Kernels[]` order, then one ahead to each busy worker
    /// that may take one. A kernel found dead on the way is handled as a death; returns the jobs
    /// that got their results by it.
    @discardableResult
    private func dispatch(_ k: Kernel) -> [Int] {
        let state = ParallelState.of(k)
        var done: [Int] = []
        for ahead in [false, true] {
            for worker in state.liveWorkers where ahead ? mayTakeAhead(worker) : worker.isIdle {
                guard let at = waiting.firstIndex(where: { jobs[$0]?.kernel.map { $0 == worker.id } ?? true }),
                      let job = jobs[waiting[at]] else { continue }
                if ahead, !Self.isSmall(job.expr) || !DefinitionDistribution.isCurrent(for: job.expr, on: worker, k) {
                    continue
                }
                let request = state.newRequestID(), inFlight = worker.requestsInFlight
                if state.submit(job.expr, to: worker, requestID: request, k) {
                    let id = waiting.remove(at: at)
                    running[request] = id
                    ParallelTracing.of(k).dispatched(id, to: worker, k)
                } else {
                    done += died(worker, inFlight, k)
                }
            }
        }
        return done
    }

    /// Whether `worker` may be sent a job ahead of its running one (see the top of the file).
    private func mayTakeAhead(_ worker: Worker) -> Bool {
        worker.isAlive && worker.requestsInFlight.count == 1 && (worker.lastRoundTrip ?? .infinity) < Self.aheadLimit
    }

    /// Whether the body of `expr` is at most `aheadBytes` (arrays shared by handle count as handles).
    static func isSmall(_ expr: Expr) -> Bool {
        var budget = aheadBytes
        func fits(_ e: Expr) -> Bool {
            switch e {
            case .integer, .real, .symbol: budget -= 16
            case .string(let s): budget -= 16 + s.utf8.count
            case .byteArray(let b): budget -= 16 + b.count
            case .packed(let p): budget -= p.byteCount >= PackedBuffer.sharedThreshold ? 128 : 16 + p.byteCount
            case .bigInteger, .rational, .complex: budget -= 64
            case .normal(let n):
                budget -= 16
                guard budget >= 0, fits(n.head) else { return false }
                for argument in n.arguments where !fits(argument) { return false }
            }
            return budget >= 0
        }
        return fits(expr)
    }

    /// Makes progress: sends what it can, then handles one result or death; with no kernel left,
    /// evaluates the next queued job on the master. Returns the jobs that got their results.
    @discardableResult
    private func step(_ k: Kernel) throws(Interrupt) -> [Int] {
        let failed = dispatch(k)
        if !failed.isEmpty { return failed }
        let state = ParallelState.of(k)
        guard let event = try state.nextEvent(k) else {
            // No kernel is busy, so a job still counted as running can never answer (another
            // caller's receive loop took its result): it fails rather than being waited for forever.
            for id in running.values {
                if jobs[id]?.abandoned == true { jobs[id] = nil } else { results[id] = .symbol(k.sys.DollarFailed) }
            }
            running.removeAll()
            guard let id = waiting.first, let job = jobs[id] else { return [] }
            waiting.removeFirst()
            // A job pinned to a kernel that is gone never ran anywhere: it fails (drop() fails such
            // jobs as their kernel goes; this catches the rest).
            results[id] = job.kernel == nil ? try k.evaluate(job.expr) : .symbol(k.sys.DollarFailed)
            return [id]
        }
        switch event {
        case .result(let worker, let request, let value):
            guard let id = running.removeValue(forKey: request) else { return [] }
            ParallelTracing.of(k).finished(id, from: worker.id, k)
            if jobs[id]?.abandoned == true { jobs[id] = nil; return [] }
            results[id] = value
            return [id]
        case .died(let worker, let requests):
            return died(worker, requests, k)
        }
    }

    /// `worker` died with `requests` in flight, the running one first: it is dropped; the running
    /// job is requeued unless it killed a kernel before, jobs sent ahead (never begun) are requeued,
    /// and jobs pinned to the kernel fail. Returns the jobs that got their results.
    private func died(_ worker: Worker, _ requests: [UInt64], _ k: Kernel) -> [Int] {
        let sharedCalls = worker.sharedCallsInRequest
        var done = drop(worker, k)
        var requeued: [Int] = []
        var repeatsSharedCalls: Int?
        let queueRun = k.symbols.intern(fullName: "System`QueueRun")
        let kernel = KernelBuiltins.kernelObject(k, worker)
        for (position, request) in requests.enumerated() {
            guard let id = running.removeValue(forKey: request), var job = jobs[id] else { continue }
            if job.abandoned { jobs[id] = nil; continue }
            if job.kernel != nil {
                results[id] = .symbol(k.sys.DollarFailed)
                done.append(id)
                continue
            }
            if position == 0 {
                job.deaths += 1
                jobs[id] = job
                if job.deaths >= 2 {
                    k.message(queueRun, "aba", kernel, Expr(k.sys.List, .integer(id)))
                    results[id] = .symbol(k.sys.DollarFailed)
                    done.append(id)
                    continue
                }
                if sharedCalls > 0 { repeatsSharedCalls = id }
            }
            requeued.append(id)
        }
        if !requeued.isEmpty {
            k.message(queueRun, "req", kernel, Expr(k.sys.List, requeued.map { .integer($0) }))
            if let id = repeatsSharedCalls { k.message(queueRun, "shared", Expr(k.sys.List, .integer(id)), kernel) }
            waiting.insert(contentsOf: requeued, at: 0)
        }
        return done
    }

    /// Removes a dead worker from `Kernels[]`, failing the queued jobs pinned to it (returned); with
    /// `Parallel`Settings`$RelaunchFailedKernels` = True (False by default, as in Mathematica) a new
    /// kernel takes its place.
    @discardableResult
    private func drop(_ worker: Worker, _ k: Kernel) -> [Int] {
        worker.bury()
        let pinned = waiting.filter { jobs[$0]?.kernel == worker.id }
        waiting.removeAll { jobs[$0]?.kernel == worker.id }
        for id in pinned { results[id] = .symbol(k.sys.DollarFailed) }
        let state = ParallelState.of(k)
        state.workers.removeAll { !$0.isAlive }
        KernelBuiltins.setKernelCount(k, state.liveWorkers.count)
        if k.symbols.intern(fullName: Self.relaunchSetting).ownValue?.isSymbol(k.sys.True) == true {
            KernelBuiltins.launch(k, 1)
        }
        return pinned
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
