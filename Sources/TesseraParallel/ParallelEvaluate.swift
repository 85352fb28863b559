// ParallelEvaluate: one evaluation on each chosen kernel, results in `Kernels[]` order.

import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum ParallelEvaluateBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("ParallelEvaluate", attributes: [.holdFirst, .protected], parallelEvaluate),
    ]

    /// `ParallelEvaluate[expr]`, `[expr, kernels]`, `[expr, kernels, h]`; option DistributedContexts.
    static func parallelEvaluate(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try DistributedContexts.withOption(k, c, evaluateOnKernels)
    }

    private static func evaluateOnKernels(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let state = ParallelState.of(k)
        KernelBuiltins.launchDefaultKernelsIfNone(k)
        var workers = state.liveWorkers
        if c.count >= 2 {
            guard let chosen = KernelBuiltins.selected(k, c[1], state) else { return nil }
            workers = chosen
        }
        let single = c.count >= 2 && !c[1].isList(k.sys) && !c[1].isSymbol(k.sys.All)
        var results: [Int: Expr] = [:]
        var sent: [UInt64: Int] = [:]
        for worker in workers {
            let id = state.newRequestID()
            if state.submit(c[0], to: worker, requestID: id, k) { sent[id] = worker.id }
        }
        while results.count < sent.count, let event = try state.nextEvent(k) {
            switch event {
            case .result(_, let id, let value):
                if let kernel = sent[id] { results[kernel] = value }
            case .died(let worker, let id):
                if let id, sent[id] != nil { results[worker.id] = .symbol(k.sys.DollarFailed) }
            }
        }
        let ordered = workers.map { results[$0.id] ?? .symbol(k.sys.DollarFailed) }
        if single, let only = ordered.first { return c.count == 3 ? Expr(head: c[2], [only]) : only }
        return c.count == 3 ? Expr(head: c[2], ordered) : Expr(k.sys.List, ordered)
    }
}
