// What every parallel function does around its own logic: make sure kernels run (launching the
// default ones on first use, as Mathematica does), cut n items into units by the Method, send each
// unit as one evaluation through the queue, and split the units' lists of results back into items.

import TesseraBuiltins
import TesseraCore
import TesseraExpr
import TesseraStorage

enum ParallelRun {
    /// The number of running kernels, launching $ProcessorCount of them when none runs. Zero after
    /// `head::nopar`: the caller then evaluates its serial form.
    static func kernelCount(_ k: Kernel, _ head: Symbol) -> Int {
        let state = ParallelState.of(k)
        KernelBuiltins.launchDefaultKernelsIfNone(k)
        let count = state.liveWorkers.count
        if count == 0 { k.message(head, "nopar") }
        return count
    }

    /// Evaluates one unit per range of `0..<count` (`unit` builds its expression) and returns the
    /// units' results in order; `progress` counts the items of each unit as it comes back.
    static func units(_ k: Kernel, count: Int, method: ParallelMethod, kernels: Int, progress: ProgressBar? = nil,
                      _ unit: (Range<Int>) -> Expr) throws(Interrupt) -> [Expr] {
        try run(k, method.ranges(items: count, kernels: kernels), progress, unit)
    }

    private static func run(_ k: Kernel, _ ranges: [Range<Int>], _ progress: ProgressBar?,
                            _ unit: (Range<Int>) -> Expr) throws(Interrupt) -> [Expr] {
        defer { progress?.clear() }
        return try EvaluationQueue.of(k).run(ranges.map(unit), k, finished: progress.map { bar in { bar.advance(by: ranges[$0].count) } })
    }

    /// The same for units whose result is the list of their items' results; returns the items'
    /// results. A unit that failed as a whole ($Failed, $Aborted) gives its value for each item.
    static func items(_ k: Kernel, count: Int, method: ParallelMethod, kernels: Int, progress: ProgressBar? = nil,
                      _ unit: (Range<Int>) -> Expr) throws(Interrupt) -> [Expr] {
        let ranges = method.ranges(items: count, kernels: kernels)
        return split(try run(k, ranges, progress, unit), ranges, k)
    }

    private static func split(_ results: [Expr], _ ranges: [Range<Int>], _ k: Kernel) -> [Expr] {
        var items: [Expr] = []
        items.reserveCapacity(ranges.last?.upperBound ?? 0)
        for (range, result) in zip(ranges, results) {
            if result.isList(k.sys), result.length == range.count {
                items += result.arguments
            } else {
                items += repeatElement(result, count: range.count)
            }
        }
        return items
    }

    /// The same as one list of the items' results, packed as the serial function packs it. Units that
    /// came back as packed arrays of one type and shape are joined without a copy when they lie end to
    /// end or their pages can be mapped back to back (`PackedArray.stitched`; the first unit places its
    /// arrays for that, `UnitPlacement`), else with one copy, instead of being split into elements and
    /// packed again.
    static func itemList(_ k: Kernel, count: Int, method: ParallelMethod, kernels: Int, progress: ProgressBar? = nil,
                         _ unit: (Range<Int>) -> Expr) throws(Interrupt) -> Expr {
        let ranges = method.ranges(items: count, kernels: kernels)
        let results = try run(k, ranges, progress) { range in
            ranges.count > 1 && range.lowerBound == 0 ? UnitPlacement.endingOnPage(unit(range), k) : unit(range)
        }
        var arrays: [PackedArray] = []
        for (range, result) in zip(ranges, results) {
            guard case .packed(let p) = result, p.dimensions.first == range.count,
                  arrays.isEmpty || (p.type == arrays[0].type && p.dimensions.dropFirst() == arrays[0].dimensions.dropFirst())
            else { break }
            arrays.append(p)
        }
        if arrays.count == results.count, let first = arrays.first {
            let dimensions = [count] + first.dimensions.dropFirst()
            if let whole = PackedArray.adjacentViews(arrays, as: dimensions) ?? PackedArray.stitched(arrays, as: dimensions) {
                return .packed(whole)
            }
            let joined = try k.packedUninitialized(first.type, dimensions)
            var offset = 0
            for a in arrays {
                (joined.baseAddress + offset).copyMemory(from: a.baseAddress, byteCount: a.byteCount)
                offset += a.byteCount
            }
            return .packed(joined)
        }
        return k.packedList(split(results, ranges, k))
    }

    /// `#`, for building pure functions.
    static func slot(_ k: Kernel) -> Expr { Expr(system(k, "Slot"), .integer(1)) }

    /// `symbol` in the System context.
    static func system(_ k: Kernel, _ name: String) -> Symbol { k.symbols.intern(fullName: "System`" + name) }
}
