// ParallelMap, ParallelArray and ParallelCombine: functions over the parts of an expression.
//
// The parts at the first level are the items: a unit of them goes to a subkernel as a list of the
// serial work on each (`{f[e1], f[e2], ...}`, or `Map[f, ei, sublevels]` for deeper level
// specifications), and the master puts the results back under the original head and evaluates the
// whole, as Map's result is evaluated. Forms that cannot be cut this way (Heads -> True, level 0
// alone, a level range from negative to positive) are evaluated serially.

import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum ParallelFunctionalBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("ParallelMap", messages: ParallelMethod.messages, options: [("Method", "Automatic"), ProgressBar.option],
                    parallelMap),
        BuiltinSpec("ParallelArray", messages: ParallelMethod.messages, options: [("Method", "Automatic"), ProgressBar.option],
                    parallelArray),
        BuiltinSpec("ParallelCombine", messages: ParallelMethod.messages,
                    options: [("Method", "\"CoarsestGrained\""), ProgressBar.option],
                    parallelCombine),
    ]

    // MARK: ParallelMap

    /// `ParallelMap[f, expr]`, `ParallelMap[f, expr, levelspec]`.
    static func parallelMap(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (positional, options) = k.splitOptions(c.arguments)
        guard k.checkCount(Call(expr: c.expr, head: c.head, arguments: positional), 2, 3) else { return nil }
        let serialForm = Expr(k.sys.Map, c.arguments)
        let f = positional[0], expr = positional[1]
        let heads = k.optionValue("Heads", in: options, of: k.sys.Map)
        guard heads == nil || heads!.isSymbol(k.sys.False), expr.length > 0, !expr.isAtom,
              let plan = try mapPlan(k, expr, positional.count == 3 ? positional[2] : .integer(1)) else {
            return try k.evaluate(serialForm)
        }
        let parts = mapParts(k, expr)
        let method = try ParallelMethod.from(options, head: c.head, k)
        let kernels = ParallelRun.kernelCount(k, c.head)
        guard kernels > 0 else { return try k.evaluate(serialForm) }
        // Each part draws random numbers from its own stream (ItemStreams.swift), if f can draw.
        let seed = ItemStreams.mayDraw(f, k) ? NumericEngines.drawStreamSeed(k) : nil
        let progress = try ProgressBar.make(options, head: c.head, total: parts.values.count, k)
        let results = try ParallelRun.items(k, count: parts.values.count, method: method, kernels: kernels,
                                            progress: progress) { range in
            let calls = range.map { i in
                plan.sublevels.map { Expr(k.sys.Map, f, parts.values[i], $0) } ?? Expr(head: f, [parts.values[i]])
            }
            guard let seed else { return Expr(k.sys.List, calls) }
            return ItemStreams.counting(Expr(k.sys.List, calls.map { ItemStreams.seeded($0, seed: seed, k) }),
                                        from: range.lowerBound, k)
        }
        let mapped = try k.evaluate(parts.rebuild(results))
        return plan.atTop ? try k.evaluate(Expr(head: f, [mapped])) : mapped
    }

    /// How a Map over levels splits: the level specification for each first-level part (nil: just
    /// `f[part]`), and whether f also applies to the whole. Nil when the form does not split.
    private static func mapPlan(_ k: Kernel, _ expr: Expr, _ levelspec: Expr) throws(Interrupt)
        -> (sublevels: Expr?, atTop: Bool)? {
        guard let (low, high) = levels(k, levelspec) else { return nil }
        let infinity = Int.max
        func level(_ n: Int) -> Expr { n == infinity ? .symbol(k.sys.Infinity) : .integer(n) }
        func shifted(_ n: Int) -> Int { n == infinity || n < 0 ? n : n - 1 }
        if low >= 1 {
            if high >= 0 && high < low { return nil }
            if low == 1 && high == 1 { return (nil, false) }
            return (Expr(k.sys.List, level(low - 1), level(shifted(high))), false)
        }
        if low == 0 {
            if high == 0 { return nil }
            return (Expr(k.sys.List, .integer(0), level(shifted(high))), true)
        }
        guard high < 0, low <= high else { return nil }
        // Negative levels count from the bottom, the same within a part as in the whole; the whole
        // is at level -Depth[expr].
        guard case .integer(let depth) = try k.evaluate(Expr(ParallelRun.system(k, "Depth"), expr)) else { return nil }
        return (Expr(k.sys.List, .integer(low), .integer(high)), low <= -depth && -depth <= high)
    }

    /// A level specification as (from, to), Int.max for Infinity; nil when not one we can cut.
    private static func levels(_ k: Kernel, _ spec: Expr) -> (Int, Int)? {
        func bound(_ e: Expr) -> Int? {
            if case .integer(let n) = e { return n }
            return k.isPositiveInfinity(e) ? Int.max : nil
        }
        if spec.isSymbol(k.sys.All) { return (0, Int.max) }
        if let n = bound(spec) { return n >= 0 ? (1, n) : nil }
        guard spec.isList(k.sys) else { return nil }
        let parts = spec.arguments
        if parts.count == 1, let n = bound(parts[0]) { return (n, n) }
        if parts.count == 2, let a = bound(parts[0]), let b = bound(parts[1]) { return (a, b) }
        return nil
    }

    /// The first-level parts Map goes through (an association's values) and how to put results back.
    private static func mapParts(_ k: Kernel, _ expr: Expr) -> (values: [Expr], rebuild: ([Expr]) -> Expr) {
        let arguments = expr.arguments
        if expr.hasHead(k.sys.Association),
           arguments.allSatisfy({ ($0.hasHead(k.sys.Rule) || $0.hasHead(k.sys.RuleDelayed)) && $0.length == 2 }) {
            return (arguments.map { $0.arguments[1] }, { results in
                Expr(k.sys.Association, zip(arguments, results).map { Expr(k.sys.Rule, $0.arguments[0], $1) })
            })
        }
        let head = expr.head(k.sys)
        return (arguments, { Expr(head: head, $0) })
    }

    // MARK: ParallelArray

    /// `ParallelArray[f, n]`, `[f, {n1, n2, ...}]`, `[f, dims, origin]`, `[f, dims, origin, List]`:
    /// a unit is `Array[f, {m, n2, ...}, {first index of the unit, origins...}]`.
    static func parallelArray(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (positional, options) = k.splitOptions(c.arguments)
        guard k.checkCount(Call(expr: c.expr, head: c.head, arguments: positional), 2, 4) else { return nil }
        let serialForm = Expr(k.sys.Array, positional)
        let dims = positional[1].isList(k.sys) ? positional[1].arguments.compactMap(\.asInt) : positional[1].asInt.map { [$0] } ?? []
        let origins: [Int]?
        if positional.count >= 3 {
            origins = positional[2].isList(k.sys) ? positional[2].arguments.compactMap(\.asInt)
                : positional[2].asInt.map { Array(repeating: $0, count: dims.count) }
        } else {
            origins = Array(repeating: 1, count: dims.count)
        }
        let listHead = positional.count < 4 || positional[3].isSymbol(k.sys.List)
        guard !dims.isEmpty, dims.allSatisfy({ $0 >= 0 }), dims.count == max(positional[1].length, 1) || !positional[1].isList(k.sys),
              let origins, origins.count == dims.count, listHead, dims[0] > 0 else {
            return try k.evaluate(serialForm)
        }
        let method = try ParallelMethod.from(options, head: c.head, k)
        let kernels = ParallelRun.kernelCount(k, c.head)
        guard kernels > 0 else { return try k.evaluate(serialForm) }
        // Each element draws random numbers from its own stream (ItemStreams.swift), if it can draw:
        // f is applied as `SeededItem[seed, f[##]] &`, counted from the unit's first element.
        let seeded = ItemStreams.mayDraw(positional[0], k)
        let f = !seeded ? positional[0] : Expr(ParallelRun.system(k, "Function"), ItemStreams.seeded(
            Expr(head: positional[0], [Expr(ParallelRun.system(k, "SlotSequence"), .integer(1))]),
            seed: NumericEngines.drawStreamSeed(k), k))
        let perItem = dims.dropFirst().reduce(1, *)
        let progress = try ProgressBar.make(options, head: c.head, total: dims[0], k)
        return try ParallelRun.itemList(k, count: dims[0], method: method, kernels: kernels, progress: progress) { range in
            let unitDims = [range.count] + dims.dropFirst()
            let unitOrigins = [origins[0] + range.lowerBound] + origins.dropFirst()
            // One dimension takes its origin as a number: `{r}` could read as a range.
            let origin = unitOrigins.count == 1 ? Expr.integer(unitOrigins[0]) : Expr(k.sys.List, unitOrigins.map(Expr.integer))
            let array = Expr(k.sys.Array, f, Expr(k.sys.List, unitDims.map(Expr.integer)), origin)
            return seeded ? ItemStreams.counting(array, from: range.lowerBound * perItem, k) : array
        }
    }

    // MARK: ParallelCombine

    /// `ParallelCombine[f, h[e1, e2, ...], comb]`: f applied to pieces `h[ei, ...]` in parallel, the
    /// partial results combined with comb (default: h when h is Flat, else Join).
    static func parallelCombine(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (positional, options) = k.splitOptions(c.arguments)
        guard k.checkCount(Call(expr: c.expr, head: c.head, arguments: positional), 2, 3) else { return nil }
        let f = positional[0], expr = positional[1]
        let head = expr.head(k.sys)
        guard !expr.isAtom, expr.length > 0 else { return try k.evaluate(Expr(head: f, [expr])) }
        let combiner: Expr
        if positional.count == 3 {
            combiner = positional[2]
        } else if case .symbol(let h) = head, h.attributes.contains(.flat) {
            combiner = head
        } else {
            combiner = .symbol(k.sys.Join)
        }
        let method = try ParallelMethod.from(options, head: c.head, k)
        let kernels = ParallelRun.kernelCount(k, c.head)
        guard kernels > 0 else { return try k.evaluate(Expr(head: f, [expr])) }
        let parts = expr.arguments
        let progress = try ProgressBar.make(options, head: c.head, total: parts.count, k)
        let partials = try ParallelRun.units(k, count: parts.count, method: method, kernels: kernels, progress: progress) { range in
            Expr(head: f, [Expr(head: head, Array(parts[range]))])
        }
        return try k.evaluate(Expr(head: combiner, partials))
    }
}
