// Selecting by rank or by mask: TakeLargest, TakeSmallest (and their By forms), MaximalBy,
// MinimalBy, PositionLargest, PositionSmallest, Pick, DeleteElements, BlockMap.
//
// Ranking compares real numbers by value and anything else in canonical order (so a symbolic
// element ranks above every number, as in Mathematica). Every ranking sort is stable, so ties keep
// their order in the input. Associations are ranked by their values and keep their keys.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum SelectionBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("TakeLargest", options: [("ExcludedForms", "{_Missing, Indeterminate}")],
                    curried: SequenceBuiltins.operatorForm, takeLargest),
        BuiltinSpec("TakeSmallest", options: [("ExcludedForms", "{_Missing, Indeterminate}")],
                    curried: SequenceBuiltins.operatorForm, takeSmallest),
        BuiltinSpec("TakeLargestBy", options: [("ExcludedForms", "{_Missing, Indeterminate}")],
                    curried: SequenceBuiltins.operatorForm, takeLargestBy),
        BuiltinSpec("TakeSmallestBy", options: [("ExcludedForms", "{_Missing, Indeterminate}")],
                    curried: SequenceBuiltins.operatorForm, takeSmallestBy),
        BuiltinSpec("MaximalBy", curried: SequenceBuiltins.operatorForm, maximalBy),
        BuiltinSpec("MinimalBy", curried: SequenceBuiltins.operatorForm, minimalBy),
        BuiltinSpec("PositionLargest", curried: SequenceBuiltins.operatorForm, positionLargest),
        BuiltinSpec("PositionSmallest", curried: SequenceBuiltins.operatorForm, positionSmallest),
        BuiltinSpec("Pick", pick),
        BuiltinSpec("DeleteElements", messages: [
            "elem": "`1` is not a list or a rule with a list on the right-hand side.",
        ], curried: SequenceBuiltins.operatorForm, deleteElements),
        BuiltinSpec("BlockMap", blockMap),
    ]

    // MARK: Ranking

    /// -1, 0 or 1: real numbers by value, everything else (and mixed pairs) in canonical order.
    static func rank(_ k: Kernel, _ a: Expr, _ b: Expr) -> Int {
        if let x = ComparisonBuiltins.realValue(k, a), let y = ComparisonBuiltins.realValue(k, b) {
            if x < y { return -1 }
            if x > y { return 1 }
            return 0
        }
        if a.isNumber != b.isNumber { return a.isNumber ? -1 : 1 }
        return k.canonicalCompare(a, b)
    }

    /// Indices of `keys` in stable ranking order (ascending or descending).
    static func rankedOrder(_ k: Kernel, _ keys: [Expr], descending: Bool) -> [Int] {
        var index = Array(keys.indices)
        // Insertion into a stable merge sort keeps ties in input order.
        func merge(_ lo: Int, _ hi: Int) {
            if hi - lo < 2 { return }
            let mid = (lo + hi) / 2
            merge(lo, mid); merge(mid, hi)
            var out: [Int] = []
            out.reserveCapacity(hi - lo)
            var i = lo, j = mid
            while i < mid && j < hi {
                let r = rank(k, keys[index[i]], keys[index[j]])
                if descending ? r >= 0 : r <= 0 { out.append(index[i]); i += 1 } else { out.append(index[j]); j += 1 }
            }
            out.append(contentsOf: index[i..<mid]); out.append(contentsOf: index[j..<hi])
            index.replaceSubrange(lo..<hi, with: out)
        }
        merge(0, index.count)
        return index
    }

    /// The elements of a list or the values of an association, with a way to rebuild a subset.
    struct Items {
        let whole: Expr
        let values: [Expr]
        let isAssociation: Bool

        init?(_ k: Kernel, _ e: Expr) {
            whole = e
            if e.hasHead(k.sys.Association) {
                isAssociation = true
                values = e.arguments.map { $0.arguments.count == 2 ? $0.arguments[1] : $0 }
            } else if !e.isAtom {
                isAssociation = false
                values = e.arguments
            } else {
                return nil
            }
        }

        func select(_ k: Kernel, _ indices: [Int]) -> Expr {
            let parts = isAssociation ? whole.arguments : values
            return k.rebuild(whole, indices.map { parts[$0] })
        }
    }

    /// A count argument: n, UpTo[n] (then `exact` is false), or nil when malformed.
    static func countSpec(_ k: Kernel, _ e: Expr) -> (n: Int, exact: Bool)? {
        if case .integer(let n) = e, n >= 0 { return (n, true) }
        if e.hasHead(k.symbol("UpTo")), case .integer(let n) = e.arguments.first ?? .symbol(k.sys.Null), n >= 0 {
            return (n, false)
        }
        return nil
    }

    static func excluded(_ k: Kernel, _ c: Call, _ options: [Expr], _ value: Expr) throws(Interrupt) -> Bool {
        guard let forms = k.optionValue("ExcludedForms", in: options, of: c.head) else { return false }
        let patterns = forms.isList(k.sys) ? forms.arguments : [forms]
        for p in patterns where try PatternMatcher(kernel: k).matches(p, value) { return true }
        return false
    }

    static func takeRanked(_ k: Kernel, _ c: Call, by: Bool, largest: Bool) throws(Interrupt) -> Expr? {
        let (positional, options) = k.splitOptions(c.arguments)
        let needed = by ? 3 : 2
        // One argument short is the operator form, waiting for its data.
        if positional.count == needed - 1 { return nil }
        guard positional.count == needed else {
            _ = k.checkCount(Call(expr: c.expr, head: c.head, arguments: positional), needed, needed)
            return nil
        }
        guard let items = Items(k, positional[0]) else { return nil }
        guard let (n, exact) = countSpec(k, positional[needed - 1]) else { return nil }
        var keys: [Expr] = []
        var kept: [Int] = []
        for (i, v) in items.values.enumerated() where !(try excluded(k, c, options, v)) {
            kept.append(i)
            keys.append(by ? try k.evaluate(Expr(head: positional[1], [v])) : v)
        }
        if exact && n > kept.count { return nil }
        let order = rankedOrder(k, keys, descending: largest)
        return items.select(k, order.prefix(n).map { kept[$0] })
    }

    static func takeLargest(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try takeRanked(k, c, by: false, largest: true) }
    static func takeSmallest(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try takeRanked(k, c, by: false, largest: false) }
    static func takeLargestBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try takeRanked(k, c, by: true, largest: true) }
    static func takeSmallestBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try takeRanked(k, c, by: true, largest: false) }

    // MARK: MaximalBy, MinimalBy

    static func extremalBy(_ k: Kernel, _ c: Call, largest: Bool) throws(Interrupt) -> Expr? {
        if c.count == 1 { return nil }
        guard k.checkCount(c, 2, 3), let items = Items(k, c[0]) else { return nil }
        var keys: [Expr] = []
        for v in items.values { keys.append(try k.evaluate(Expr(head: c[1], [v]))) }
        if c.count == 3 {
            guard let (n, _) = countSpec(k, c[2]) else { return nil }
            let order = rankedOrder(k, keys, descending: largest)
            return items.select(k, Array(order.prefix(n)))
        }
        guard !keys.isEmpty else { return items.select(k, []) }
        var best = 0
        for i in keys.indices.dropFirst() {
            let r = rank(k, keys[i], keys[best])
            if largest ? r > 0 : r < 0 { best = i }
        }
        return items.select(k, keys.indices.filter { rank(k, keys[$0], keys[best]) == 0 })
    }

    static func maximalBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try extremalBy(k, c, largest: true) }
    static func minimalBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try extremalBy(k, c, largest: false) }

    // MARK: PositionLargest, PositionSmallest

    /// Without n, the positions of the extreme value; with n, the positions of the n extreme distinct
    /// values, one list per value (Mathematica lists tied positions of the largest values last first).
    static func positionRanked(_ k: Kernel, _ c: Call, largest: Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2), let items = Items(k, c[0]), !items.isAssociation else { return nil }
        let values = items.values
        var groups: [(value: Expr, positions: [Int])] = []
        for i in rankedOrder(k, values, descending: largest) {
            if let last = groups.last, rank(k, last.value, values[i]) == 0 {
                groups[groups.count - 1].positions.append(i + 1)
            } else {
                groups.append((values[i], [i + 1]))
            }
        }
        func list(_ ps: [Int]) -> Expr { Expr(k.sys.List, ps.map { .integer($0) }) }
        if c.count == 1 || c[1].isSymbol(k.sys.Automatic) { return list(groups.first?.positions ?? []) }
        guard let (n, _) = countSpec(k, c[1]) else { return nil }
        let chosen = groups.prefix(n)
        if n == 1 { return Expr(k.sys.List, chosen.map { list($0.positions) }) }
        return Expr(k.sys.List, chosen.map { list(largest ? $0.positions.reversed() : $0.positions) })
    }

    static func positionLargest(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try positionRanked(k, c, largest: true) }
    static func positionSmallest(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try positionRanked(k, c, largest: false) }

    // MARK: Pick

    static func pick(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let pattern: Expr = c.count == 3 ? c[2] : .symbol(k.sys.True)
        func keep(_ s: Expr) throws(Interrupt) -> Bool {
            c.count == 3 ? try PatternMatcher(kernel: k).matches(pattern, s) : s.isSymbol(k.sys.True)
        }
        /// nil: nothing of `x` is kept.
        func walk(_ x: Expr, _ s: Expr) throws(Interrupt) -> Expr? {
            if try keep(s) { return x }
            guard !s.isAtom, !x.isAtom, x.length == s.length else { return nil }
            let xs = x.hasHead(k.sys.Association) ? x.arguments : x.arguments
            var out: [Expr] = []
            for (a, b) in zip(xs, s.arguments) {
                if x.hasHead(k.sys.Association) {
                    if try keep(b) { out.append(a) }
                } else if let kept = try walk(a, b) {
                    out.append(kept)
                }
            }
            return k.rebuild(x, out)
        }
        let list = c[0], selector = c[1]
        if list.isAtom { return nil }
        guard list.length == selector.length else { return nil }
        return try walk(list, selector) ?? k.rebuild(list, [])
    }

    // MARK: DeleteElements

    static func deleteElements(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2), !c[0].isAtom else { return nil }
        var spec = c[1]
        var counts: [Int?] = []
        var targets: [Expr]
        if spec.hasHead(k.sys.Rule), spec.length == 2 {
            let limit = spec.arguments[0]
            spec = spec.arguments[1]
            guard spec.isList(k.sys) else { return nil }
            targets = spec.arguments
            func one(_ x: Expr) -> Int?? {
                if case .integer(let n) = x, n > 0 { return .some(n) }
                if x.isSymbol(k.sys.Infinity) || x.hasHead(k.sys.DirectedInfinity) { return .some(nil) }
                return nil
            }
            if limit.isList(k.sys) {
                guard limit.length == targets.count else { return nil }
                for x in limit.arguments {
                    guard let n = one(x) else { return nil }
                    counts.append(n)
                }
            } else {
                guard let n = one(limit) else { return nil }
                counts = targets.map { _ in n }
            }
        } else if spec.isList(k.sys) {
            targets = spec.arguments
            counts = targets.map { _ in nil }
        } else {
            _ = k.fail(c, "elem", spec)
            return Expr(c.head, c[0], Expr(k.sys.Rule, .symbol(k.sys.Infinity), spec))
        }
        var remaining = counts
        var kept: [Expr] = []
        for x in c[0].arguments {
            if let t = targets.firstIndex(where: { $0 == x }), remaining[t].map({ $0 > 0 }) ?? true {
                if let r = remaining[t] { remaining[t] = r - 1 }
                continue
            }
            kept.append(x)
        }
        return k.rebuild(c[0], kept)
    }

    // MARK: BlockMap

    static func blockMap(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 5) else { return nil }
        let partitioned = try k.evaluate(Expr(k.sys.List, Array(c.arguments.dropFirst())).withHead(k.symbol("Partition")))
        guard !partitioned.hasHead(k.symbol("Partition")), !partitioned.isAtom else { return nil }
        var out: [Expr] = []
        for block in partitioned.arguments { out.append(try k.evaluate(Expr(head: c[0], [block]))) }
        return k.rebuild(partitioned, out)
    }
}

extension Expr {
    /// The same arguments under another head.
    func withHead(_ head: Symbol) -> Expr { Expr(head, arguments) }
}
