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
        // One job pinned to each kernel, through the queue: a kernel busy with a ParallelSubmit
        // evaluation takes this one after it, and neither result is lost.
        let queue = EvaluationQueue.of(k)
        let ordered = try queue.results(of: workers.map { queue.add(c[0], on: $0.id, k) }, k)
        if single, let only = ordered.first { return c.count == 3 ? Expr(head: c[2], [only]) : only }
        return c.count == 3 ? Expr(head: c[2], ordered) : Expr(k.sys.List, ordered)
    }
}
