// ParallelTable, ParallelDo, ParallelSum and ParallelProduct: the iterator functions.
//
// The outermost iterator is run on the master (its bounds evaluated there, as the serial function
// evaluates them); a unit of its values goes to a subkernel as the serial function itself over those
// values, `Table[body, {i, {v1, v2, ...}}, inner...]`. So inner and dependent iterators, steps, real
// and symbolic values all behave exactly as the serial function does, and a unit's results come back
// as one list. An iterator the master cannot enumerate (symbolic bounds, `ParallelSum[1/i^2,
// {i, Infinity}]`) cannot be cut: the serial function is evaluated instead, as Mathematica does.

import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum ParallelIterationBuiltins {
    static let table: [BuiltinSpec] = [
        row("ParallelTable", parallelTable),
        row("ParallelDo", parallelDo),
        row("ParallelSum", parallelSum),
        row("ParallelProduct", parallelProduct),
    ]

    private static func row(_ name: String, _ implementation: @escaping BuiltinImplementation) -> BuiltinSpec {
        BuiltinSpec(name, attributes: [.holdAll, .protected], messages: ParallelMethod.messages,
                    options: [("Method", "Automatic"), ProgressBar.option], implementation)
    }

    static func parallelTable(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try iterate(k, c, serial: k.sys.Table, combine: nil)
    }

    static func parallelDo(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try iterate(k, c, serial: k.sys.Do) { _, _ in .symbol(k.sys.Null) }
    }

    static func parallelSum(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try iterate(k, c, serial: k.sys.Sum) { partials, _ throws(Interrupt) in
            try k.evaluate(Expr(k.sys.Plus, partials))
        }
    }

    static func parallelProduct(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try iterate(k, c, serial: k.sys.Product) { partials, _ throws(Interrupt) in
            try k.evaluate(Expr(k.sys.Times, partials))
        }
    }

    /// Runs `serial[body, iterators...]` in units over the values of the first iterator. `combine`
    /// gets one partial result per unit; without it, each unit gives the list of its items' results
    /// and the result is the list of all items (`ParallelRun.itemList`).
    private static func iterate(_ k: Kernel, _ c: Call, serial: Symbol,
                                combine: (([Expr], Int) throws(Interrupt) -> Expr)?) throws(Interrupt) -> Expr? {
        let (positional, options) = k.splitOptions(c.arguments)
        guard k.checkCount(Call(expr: c.expr, head: c.head, arguments: positional), 1, nil) else { return nil }
        let serialForm = Expr(serial, positional)
        guard positional.count >= 2 else { return try k.evaluate(serialForm) }
        let method = try ParallelMethod.from(options, head: c.head, k)
        guard let spec = try quietIterator(k, positional[1], serial: serial, positional) else {
            return try k.evaluate(serialForm)
        }
        let kernels = ParallelRun.kernelCount(k, c.head)
        guard kernels > 0 else { return try k.evaluate(serialForm) }
        // Each item draws random numbers from its own stream (ItemStreams.swift), if it can draw.
        let inner = Array(positional.dropFirst(2))
        let seeded = ItemStreams.mayDraw(Expr(k.sys.List, [positional[0]] + inner), k)
        let body = seeded ? ItemStreams.seeded(positional[0], seed: NumericEngines.drawStreamSeed(k), k) : positional[0]
        let unit = { (range: Range<Int>) -> Expr in
            let iterator = spec.variable.map {
                Expr(k.sys.List, [.symbol($0)] + unitValues(spec.values, range, k))
            } ?? Expr(k.sys.List, .integer(range.count))
            let call = Expr(serial, [body, iterator] + inner)
            return seeded ? ItemStreams.counting(call, from: range.lowerBound, k) : call
        }
        let count = spec.values.count
        let progress = try ProgressBar.make(options, head: c.head, total: count, k)
        guard let combine else {
            return try ParallelRun.itemList(k, count: count, method: method, kernels: kernels, progress: progress, unit)
        }
        return try combine(try ParallelRun.units(k, count: count, method: method, kernels: kernels, progress: progress, unit), count)
    }

    /// A unit's values of the first iterator as iterator bounds: `lo, hi, step` for machine integers
    /// (the serial function's fast path, and a few bytes on the wire), else the explicit list.
    private static func unitValues(_ values: IteratorValues, _ range: Range<Int>, _ k: Kernel) -> [Expr] {
        if case .integers(let start, _, let step) = values {
            let first = start + range.lowerBound * step
            return [.integer(first), .integer(first + (range.count - 1) * step), .integer(step)]
        }
        return [Expr(k.sys.List, range.map(values.value))]
    }

    /// The first iterator, parsed as the serial function would, or nil when it is malformed or not
    /// enumerable; its messages are held back (the serial function that runs instead says them).
    private static func quietIterator(_ k: Kernel, _ spec: Expr, serial: Symbol,
                                      _ positional: [Expr]) throws(Interrupt) -> IteratorSpec? {
        k.quietDepth += 1
        defer { k.quietDepth -= 1 }
        let call = Call(expr: Expr(serial, positional), head: serial, arguments: positional)
        return try k.iterator(spec, call: call, position: 2)
    }
}
