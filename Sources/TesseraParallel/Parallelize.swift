// Parallelize[expr]: the parallel form of expr, chosen by its head before anything is evaluated.
//
// Iterators (Table, Do, Sum, Product) and Map/Array go to their parallel functions; Select, Count and
// Cases over a list, and a Listable function of one list, are cut into pieces combined with Join (Plus
// for Count); a list's elements are evaluated in parallel; a compound expression is parallelized part
// by part (parts with no parallel form are evaluated as they are). Anything else says Parallelize::nopar1 and is evaluated on the master.

import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum ParallelizeBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Parallelize", attributes: [.holdAll, .protected], messages: ParallelMethod.messages.merging([
            "nopar1": "`1` cannot be parallelized; proceeding with sequential evaluation.",
        ]) { a, _ in a }, options: [("Method", "Automatic")], parallelize),
    ]

    static func parallelize(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (positional, options) = k.splitOptions(c.arguments)
        guard k.checkCount(Call(expr: c.expr, head: c.head, arguments: positional), 1, 1) else { return nil }
        return try parallelize(k, positional[0], options, c.head)
    }

    private static func parallelize(_ k: Kernel, _ expr: Expr, _ options: [Expr], _ head: Symbol) throws(Interrupt) -> Expr {
        if let result = try delegate(k, expr, options, head) { return result }
        k.message(head, "nopar1", Expr(k.sys.HoldForm, expr))
        return try k.evaluate(expr)
    }

    /// The parallel evaluation of expr, or nil when its form has none.
    private static func delegate(_ k: Kernel, _ expr: Expr, _ options: [Expr], _ head: Symbol) throws(Interrupt) -> Expr? {
        guard case .normal(let n) = expr, case .symbol(let f) = n.head else { return nil }
        let arguments = n.arguments
        func call(_ name: String, _ implementation: BuiltinImplementation, _ args: [Expr]) throws(Interrupt) -> Expr? {
            let parallel = ParallelRun.system(k, name)
            let all = args + options
            return try implementation(k, Call(expr: Expr(parallel, all), head: parallel, arguments: all))
        }
        func evaluated() throws(Interrupt) -> [Expr] { try arguments.map { (a: Expr) throws(Interrupt) -> Expr in try k.evaluate(a) } }
        switch f {
        case k.sys.CompoundExpression:
            var last: Expr = .symbol(k.sys.Null)
            // Set-up parts (`x = 3`) are evaluated as they are: only a form that cannot be
            // parallelized as a whole deserves Parallelize::nopar1.
            for part in arguments {
                if let result = try delegate(k, part, options, head) { last = result } else { last = try k.evaluate(part) }
            }
            return last
        case k.sys.Table: return try call("ParallelTable", ParallelIterationBuiltins.parallelTable, arguments)
        case k.sys.Do: return try call("ParallelDo", ParallelIterationBuiltins.parallelDo, arguments)
        case k.sys.Sum: return try call("ParallelSum", ParallelIterationBuiltins.parallelSum, arguments)
        case k.sys.Product: return try call("ParallelProduct", ParallelIterationBuiltins.parallelProduct, arguments)
        case k.sys.Map: return try call("ParallelMap", ParallelFunctionalBuiltins.parallelMap, try evaluated())
        case k.sys.Array: return try call("ParallelArray", ParallelFunctionalBuiltins.parallelArray, try evaluated())
        case k.sys.List:
            let results = try ParallelRun.items(k, count: arguments.count, method: try ParallelMethod.from(options, head: head, k),
                                                kernels: ParallelRun.kernelCount(k, head)) { range in
                Expr(k.sys.List, Array(arguments[range]))
            }
            return try k.evaluate(Expr(k.sys.List, results))
        case k.sys.Select, k.sys.Cases, k.sys.Count:
            guard arguments.count == 2 else { return nil }
            let args = try evaluated()
            guard args[0].isList(k.sys), args[0].length > 0 else { return try k.evaluate(Expr(f, args)) }
            let combiner: Expr = .symbol(f === k.sys.Count ? k.sys.Plus : k.sys.Join)
            return try combine(k, Expr(k.sys.Function, Expr(f, ParallelRun.slot(k), args[1])), args[0], combiner, options)
        default:
            guard f.attributes.contains(.listable), arguments.count == 1 else { return nil }
            let list = try k.evaluate(arguments[0])
            guard list.isList(k.sys), list.length > 0 else { return try k.evaluate(Expr(f, [list])) }
            return try combine(k, .symbol(f), list, .symbol(k.sys.Join), options)
        }
    }

    /// ParallelCombine[function, list, combiner].
    private static func combine(_ k: Kernel, _ function: Expr, _ list: Expr, _ combiner: Expr,
                                _ options: [Expr]) throws(Interrupt) -> Expr? {
        let head = ParallelRun.system(k, "ParallelCombine")
        let arguments = [function, list, combiner] + options
        return try ParallelFunctionalBuiltins.parallelCombine(k, Call(expr: Expr(head, arguments), head: head, arguments: arguments))
    }
}
