// Concurrency by hand: ParallelSubmit gives EvaluationObjects, WaitAll and WaitNext collect them,
// ParallelTry keeps the first results.
//
// An evaluation object is `EvaluationObject[n, expr]` (HoldAllComplete: expr is what was submitted,
// unevaluated), n its job number in the kernel's queue. The job is sent as soon as a kernel is idle,
// so the master goes on evaluating while the subkernels work; WaitAll or WaitNext take the result,
// after which the queue forgets the job (a second WaitAll of the same object gives it back unchanged).

import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum ParallelSubmitBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("ParallelSubmit", attributes: [.holdAll, .protected], messages: ParallelMethod.messages, parallelSubmit),
        BuiltinSpec("EvaluationObject", attributes: [.holdAllComplete, .protected]),
        BuiltinSpec("WaitAll", waitAll),
        BuiltinSpec("WaitNext", waitNext),
        BuiltinSpec("ParallelTry", messages: ParallelMethod.messages, parallelTry),
    ]

    static func evaluationObject(_ k: Kernel, _ id: Int, _ expr: Expr) -> Expr {
        Expr(ParallelRun.system(k, "EvaluationObject"), .integer(id), expr)
    }

    /// The job number of an evaluation object, or nil.
    static func job(_ k: Kernel, _ e: Expr) -> Int? {
        guard e.hasHead(ParallelRun.system(k, "EvaluationObject")), e.length == 2 else { return nil }
        return e.arguments[0].asInt
    }

    /// `ParallelSubmit[expr]`, `ParallelSubmit[{vars...}, expr]` (the current values of vars are
    /// put into expr, as With would, before it leaves the master).
    static func parallelSubmit(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var expr = c[c.count - 1]
        if c.count == 2 {
            guard c[0].isList(k.sys), let vars = Optional(c[0].arguments), vars.allSatisfy({ $0.asSymbol != nil }) else { return nil }
            let bindings = try vars.map { (v: Expr) throws(Interrupt) -> Expr in Expr(k.sys.Set, v, try k.evaluate(v)) }
            expr = Expr(ParallelRun.system(k, "With"), Expr(k.sys.List, bindings), expr)
        }
        _ = ParallelRun.kernelCount(k, c.head)
        let id = EvaluationQueue.of(k).add(expr, k)
        return evaluationObject(k, id, expr)
    }

    /// `WaitAll[expr]`: waits for every evaluation object in expr and evaluates expr with each
    /// replaced by its result.
    static func waitAll(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let queue = EvaluationQueue.of(k)
        var ids: [Int] = []
        collect(k, c[0], into: &ids)
        try queue.wait(for: ids, k)
        var results: [Int: Expr] = [:]
        for id in ids where results[id] == nil { results[id] = queue.take(id, k) }
        return try k.evaluate(replace(k, c[0], results))
    }

    /// `WaitNext[{eid1, eid2, ...}]`: `{result, eid, remaining eids}` for the first to finish.
    static func waitNext(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1), c[0].isList(k.sys) else { return nil }
        let objects = c[0].arguments
        let ids = objects.compactMap { job(k, $0) }
        let queue = EvaluationQueue.of(k)
        guard ids.count == objects.count, let done = try queue.waitAny(of: ids, k),
              let at = ids.firstIndex(of: done), let result = queue.take(done, k) else { return nil }
        var rest = objects
        rest.remove(at: at)
        return Expr(k.sys.List, result, objects[at], Expr(k.sys.List, rest))
    }

    /// `ParallelTry[f, {a1, a2, ...}]`: the first f[ai] to come back that is not $Failed;
    /// `ParallelTry[f, args, n]`: the first n, in the order they came back. The others are abandoned.
    static func parallelTry(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (positional, _) = k.splitOptions(c.arguments)
        guard k.checkCount(Call(expr: c.expr, head: c.head, arguments: positional), 2, 3),
              positional[1].isList(k.sys) else { return nil }
        var wanted = 1
        if positional.count == 3 {
            guard case .integer(let n) = positional[2], n >= 0 else { return nil }
            wanted = n
        }
        _ = ParallelRun.kernelCount(k, c.head)
        let queue = EvaluationQueue.of(k)
        var pending = positional[1].arguments.map { queue.add(Expr(head: positional[0], [$0]), k) }
        var found: [Expr] = []
        while found.count < wanted, let done = try queue.waitAny(of: pending, k) {
            pending.removeAll { $0 == done }
            if let result = queue.take(done, k), !result.isSymbol(k.sys.DollarFailed) { found.append(result) }
        }
        queue.abandon(pending)
        if positional.count == 3 { return Expr(k.sys.List, found) }
        return found.first ?? .symbol(k.sys.DollarFailed)
    }

    private static func collect(_ k: Kernel, _ e: Expr, into ids: inout [Int]) {
        if let id = job(k, e) { ids.append(id); return }
        guard case .normal(let n) = e else { return }
        collect(k, n.head, into: &ids)
        for argument in n.arguments { collect(k, argument, into: &ids) }
    }

    private static func replace(_ k: Kernel, _ e: Expr, _ results: [Int: Expr]) -> Expr {
        if let id = job(k, e) { return results[id] ?? e }
        guard case .normal(let n) = e else { return e }
        return Expr(head: replace(k, n.head, results), n.arguments.map { replace(k, $0, results) })
    }
}
