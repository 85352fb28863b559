// Sorting: Sort, SortBy, ReverseSort, Ordering, OrderedQ.
//
// All of them use one stable merge sort. With the canonical order the comparison is
// `Kernel.canonicalCompare`; with an ordering function p, two elements a (earlier) and b are kept
// in place unless p[a, b] is False or -1, which is how Mathematica reads orderings that return
// neither True nor False (`Sort[{c, a, b}, Less]` leaves the symbols alone). Packed vectors of
// integers or reals are sorted on their buffers.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum OrderingBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Sort", curried: SequenceBuiltins.operatorForm, sort),
        BuiltinSpec("ReverseSort", curried: SequenceBuiltins.operatorForm, reverseSort),
        BuiltinSpec("SortBy", curried: SequenceBuiltins.operatorForm, sortBy),
        BuiltinSpec("Ordering", ordering),
        BuiltinSpec("OrderedQ", orderedQ),
    ]

    static func sort(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        if e.hasHead(k.sys.Association) {
            let rules = e.arguments
            let sorted = try k.mergeSort(rules.map { $0.arguments.last ?? $0 }, order: c.count == 2 ? c[1] : nil)
            return Expr(head: e.head(k.sys), sorted.map { rules[$0] })
        }
        if c.count == 1, case .packed(let p) = e, p.rank == 1, p.type != .complex {
            return .packed(try sortedVector(k, p))
        }
        let elements = e.arguments
        let order = try k.mergeSort(elements, order: c.count == 2 ? c[1] : nil)
        return k.rebuild(e, order.map { elements[$0] })
    }

    static func reverseSort(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let elements = e.arguments
        if c.count == 2 {
            let p = c[1]
            let order = try k.mergeSort(elements, order: Expr(head: .symbol(k.sys.Function),
                [Expr(head: p, [Expr(k.sys.Slot, .integer(2)), Expr(k.sys.Slot, .integer(1))])]))
            return k.rebuild(e, order.map { elements[$0] })
        }
        let order = try k.mergeSort(elements, order: nil)
        return k.rebuild(e, order.reversed().map { elements[$0] })
    }

    /// A sorted copy of an integer or real vector.
    static func sortedVector(_ k: Kernel, _ p: PackedArray) throws(Interrupt) -> PackedArray {
        switch p.type {
        case .integer:
            let values = Array(p.integers).sorted()
            return try k.allocating { () throws(PackedStorageError) in try PackedArray(integers: values) }
        case .real:
            let values = Array(p.reals).sorted()
            return try k.allocating { () throws(PackedStorageError) in try PackedArray(reals: values) }
        case .complex:
            return p
        }
    }

    static func sortBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let isAssociation = e.hasHead(k.sys.Association)
        let elements = e.arguments
        let values = isAssociation ? elements.map { $0.arguments.last ?? $0 } : elements
        let fs = c[1].isList(k.sys) ? c[1].arguments : [c[1]]
        var keys: [Expr] = []
        keys.reserveCapacity(values.count)
        for v in values {
            var parts: [Expr] = []
            for f in fs { parts.append(try k.evaluate(Expr(head: f, [v]))) }
            if c.count == 2 { parts.append(v) }
            keys.append(Expr(k.sys.List, parts))
        }
        var order: [Int]
        if c.count == 3 {
            let keyValues = keys.map { $0.arguments.count == 1 ? $0.arguments[0] : $0 }
            order = try k.mergeSort(keyValues, order: c[2])
        } else {
            order = try k.mergeSort(keys, order: nil, lexicographic: true)
        }
        return k.rebuild(e, order.map { elements[$0] })
    }

    static func ordering(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let elements = e.hasHead(k.sys.Association) ? e.arguments.map { $0.arguments.last ?? $0 } : e.arguments
        let order = try k.mergeSort(elements, order: c.count == 3 ? c[2] : nil)
        let positions: [Expr] = order.map { .integer($0 + 1) }
        var result = Expr(k.sys.List, positions)
        if let p = k.packed(from: positions) { result = .packed(p) }
        if positions.isEmpty { result = Expr(k.sys.List, []) }
        guard c.count >= 2 else { return result }
        if c[1].isSymbol(k.sys.All) { return result }
        let takeSymbol = k.symbol("Take")
        switch k.sequenceSpec(c[1], length: positions.count) {
        case .range(let r):
            return Expr(k.sys.List, r.indices.map { positions[$0] })
        case .outOfRange(let a, let b):
            k.message(takeSymbol, "take", a, b, Expr(k.sys.List, positions))
            return nil
        case .malformed:
            return nil
        }
    }

    static func orderedQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.bool(true) }
        let elements = e.arguments
        guard elements.count > 1 else { return k.bool(true) }
        for i in 1..<elements.count {
            if c.count == 2 {
                let r = try k.evaluate(Expr(head: c[1], [elements[i - 1], elements[i]]))
                if r.isSymbol(k.sys.False) || r == .integer(-1) { return k.bool(false) }
                if !(r.isSymbol(k.sys.True) || r == .integer(1) || r == .integer(0)) { return k.bool(false) }
            } else if k.canonicalCompare(elements[i - 1], elements[i]) > 0 {
                return k.bool(false)
            }
        }
        return k.bool(true)
    }
}

extension Kernel {
    /// The permutation (0-based) that sorts `elements` stably, by the canonical order or `order`.
    /// `lexicographic`: the elements are lists compared element by element.
    func mergeSort(_ elements: [Expr], order: Expr?, lexicographic: Bool = false) throws(Interrupt) -> [Int] {
        let n = elements.count
        if n < 2 { return Array(0..<n) }
        /// True when `a` (earlier) may stay before `b`.
        func inOrder(_ a: Int, _ b: Int) throws(Interrupt) -> Bool {
            let x = elements[a], y = elements[b]
            if let order {
                let r = try evaluate(Expr(head: order, [x, y]))
                return !(r.isSymbol(sys.False) || r == .integer(-1))
            }
            if lexicographic {
                let xs = x.arguments, ys = y.arguments
                for (p, q) in zip(xs, ys) {
                    let c = canonicalCompare(p, q)
                    if c != 0 { return c < 0 }
                }
                return xs.count <= ys.count
            }
            return canonicalCompare(x, y) <= 0
        }
        var index = Array(0..<n)
        var buffer = index
        func sortRange(_ lo: Int, _ hi: Int) throws(Interrupt) {
            if hi - lo < 2 { return }
            let mid = lo + (hi - lo) / 2
            try sortRange(lo, mid)
            try sortRange(mid, hi)
            var i = lo, j = mid, t = lo
            while i < mid && j < hi {
                if try inOrder(index[i], index[j]) { buffer[t] = index[i]; i += 1 }
                else { buffer[t] = index[j]; j += 1 }
                t += 1
            }
            while i < mid { buffer[t] = index[i]; i += 1; t += 1 }
            while j < hi { buffer[t] = index[j]; j += 1; t += 1 }
            for m in lo..<hi { index[m] = buffer[m] }
        }
        try sortRange(0, n)
        return index
    }
}
