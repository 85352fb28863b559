// The shape of expressions: Head, AtomQ, ListQ, VectorQ, MatrixQ, ArrayQ, Dimensions, ArrayDepth,
// TensorRank, Depth, Level, Normal, Order; and the running sums over lists: Total, Accumulate,
// Differences, Ratios.
//
// Dimensions of a packed array come from its dimension vector without touching elements; sums over
// packed vectors of machine numbers run on the buffer, everything else is left to Plus and Times.

import TesseraCore
import TesseraExpr
import TesseraNumerics
import TesseraStorage

enum StructureBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Head", head),
        BuiltinSpec("AtomQ", atomQ),
        BuiltinSpec("ListQ", listQ),
        BuiltinSpec("VectorQ", vectorQ).adapted(SparseArrays.normalizing),
        BuiltinSpec("MatrixQ", matrixQ).adapted(SparseArrays.normalizing),
        BuiltinSpec("ArrayQ", arrayQ).adapted(SparseArrays.normalizing),
        BuiltinSpec("Dimensions", messages: [
            "innf": "Non-negative integer or Infinity expected at position `2` in `1`.",
        ], dimensions).adapted(SparseArrays.normalizing).adapted(ArrayAtomViews.listView),
        BuiltinSpec("ArrayDepth", arrayDepth).adapted(SparseArrays.normalizing).adapted(ArrayAtomViews.listView),
        BuiltinSpec("TensorRank", arrayDepth).adapted(SparseArrays.normalizing),
        BuiltinSpec("Depth", depth),
        BuiltinSpec("Level", options: [("Heads", "False")], level),
        BuiltinSpec("Normal", normal).adapted(ArrayAtomViews.listView),
        BuiltinSpec("Order", order),
        BuiltinSpec("Total", total).adapted(SparseArrays.normalizing),
        BuiltinSpec("Accumulate", accumulate).adapted(SparseArrays.normalizing),
        BuiltinSpec("Differences", differences).adapted(SparseArrays.normalizing),
        BuiltinSpec("Ratios", ratios).adapted(SparseArrays.normalizing),
    ]

    static func head(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let h = c[0].head(k.sys)
        return c.count == 2 ? Expr(head: c[1], [h]) : h
    }

    static func atomQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        if c[0].hasHead(k.sys.Association) { return k.bool(true) }
        return k.bool(c[0].isAtom)
    }

    static func listQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return k.bool(c[0].isList(k.sys))
    }

    private static func passes(_ k: Kernel, _ test: Expr?, _ elements: [Expr]) throws(Interrupt) -> Bool {
        guard let test else { return true }
        for e in elements where !(try k.evaluate(Expr(head: test, [e])).isSymbol(k.sys.True)) { return false }
        return true
    }

    /// Leaves of a full array of `depth` levels (nil when it is not one).
    private static func arrayLeaves(_ k: Kernel, _ e: Expr, depth: Int) -> [Expr]? {
        let dims = k.arrayDimensions(e, head: .symbol(k.sys.List))
        guard e.isList(k.sys), dims.count >= depth else { return nil }
        var leaves: [Expr] = []
        func walk(_ x: Expr, _ level: Int) {
            if level == depth { leaves.append(x); return }
            for a in x.arguments { walk(a, level + 1) }
        }
        walk(e, 0)
        return leaves
    }

    static func vectorQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        if case .packed(let p) = c[0] {
            guard p.rank == 1 else { return k.bool(false) }
            return k.bool(try passes(k, c.count == 2 ? c[1] : nil, p.elementExprs()))
        }
        guard c[0].isList(k.sys), !c[0].arguments.contains(where: { $0.isList(k.sys) }) else { return k.bool(false) }
        return k.bool(try passes(k, c.count == 2 ? c[1] : nil, c[0].arguments))
    }

    static func matrixQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let dims = k.arrayDimensions(c[0], head: .symbol(k.sys.List))
        guard c[0].isList(k.sys), dims.count == 2, let leaves = arrayLeaves(k, c[0], depth: 2) else { return k.bool(false) }
        return k.bool(try passes(k, c.count == 2 ? c[1] : nil, leaves))
    }

    static func arrayQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        guard c[0].isList(k.sys) else { return k.bool(false) }
        let dims = k.arrayDimensions(c[0], head: .symbol(k.sys.List))
        guard let leaves = arrayLeaves(k, c[0], depth: dims.count),
              !leaves.contains(where: { $0.isList(k.sys) }) else { return k.bool(false) }
        if c.count >= 2 {
            let spec = c[1]
            if case .integer(let n) = spec { if n != dims.count { return k.bool(false) } }
            else if !spec.isSymbol(k.sys.Blank) && !spec.hasHead(k.sys.Blank) {
                if !(try PatternMatcher(kernel: k).matches(spec, .integer(dims.count))) { return k.bool(false) }
            }
        }
        return k.bool(try passes(k, c.count == 3 ? c[2] : nil, leaves))
    }

    static func dimensions(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var limit = Int.max
        if c.count == 2 {
            switch c[1] {
            case .integer(let n) where n >= 0: limit = n
            case .symbol(let s) where s === k.sys.Infinity: break
            default: return k.fail(c, "innf", c.expr, .integer(2))
            }
        }
        if c[0].isAtom && !c[0].hasHead(k.sys.Association) { return Expr(k.sys.List, []) }
        var dims = k.arrayDimensions(c[0], maxDepth: limit)
        if c[0].hasHead(k.sys.Association) { dims = [c[0].length] }
        return k.listExpr(dims.map { .integer($0) })
    }

    static func arrayDepth(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return .integer(k.arrayDimensions(c[0]).count)
    }

    static func depth(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        func d(_ e: Expr) -> Int {
            switch e {
            case .normal(let n):
                var deepest = 1
                let isAssociation = e.hasHead(k.sys.Association)
                for a in n.arguments { deepest = Swift.max(deepest, d(isAssociation ? (a.arguments.last ?? a) : a)) }
                return deepest + 1
            case .packed(let p): return p.rank + 1
            default: return 1
            }
        }
        return .integer(d(c[0]))
    }

    static func level(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (positional, options) = k.splitOptions(c.arguments)
        guard positional.count == 2 || positional.count == 3 else { return nil }
        guard var spec = k.levelSpec(positional[1], call: c) else { return nil }
        if let heads = k.optionValue("Heads", in: options, of: c.head), heads.isSymbol(k.sys.True) { spec.includeHeads = true }
        var e = positional[0]
        if e.hasHead(k.sys.Association) { e = Expr(k.sys.List, e.arguments.compactMap { $0.arguments.last }) }
        var found: [Expr] = []
        try k.walkLevels(e, spec) { (x: Expr, _: [Int]) throws(Interrupt) -> Bool in
            found.append(x)
            return true
        }
        if positional.count == 3 { return Expr(head: positional[2], found) }
        return Expr(k.sys.List, found)
    }

    /// The one Normal: associations become lists of rules and sparse arrays full arrays, at every level
    /// of ordinary expressions; an association's values are left as they are, so nested associations
    /// stay (`Normal[<|a -> <|b -> 1|>|>]` is `{a -> <|b -> 1|>}`), as in Mathematica. With a second
    /// argument only the heads it names are converted. (Byte and numeric arrays: `ArrayAtomViews`.)
    static func normal(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let heads: [Expr]? = c.count == 2 ? (c[1].isList(k.sys) ? c[1].arguments : [c[1]]) : nil
        let associations = heads?.contains { $0.isSymbol(k.sys.Association) } ?? true
        let sparseArrays = heads?.contains { $0.isSymbol(k.sys.SparseArray) } ?? true
        func convert(_ e: Expr) -> Expr {
            if e.hasHead(k.sys.Association) {
                guard associations, let rules = AssociationBuiltins.rules(k, e) else { return e }
                return Expr(k.sys.List, rules)
            }
            if sparseArrays, e.hasHead(k.sys.SparseArray), let sparse = Sparse(k, e) { return sparse.normal(k) }
            guard case .normal(let n) = e, !n.arguments.isEmpty else { return e }
            var changed = false
            let parts = n.arguments.map { a -> Expr in
                let v = convert(a)
                if !v.isIdentical(to: a) { changed = true }
                return v
            }
            return changed ? Expr(head: n.head, parts) : e
        }
        return convert(c[0])
    }

    static func order(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        return .integer(-k.canonicalCompare(c[0], c[1]))
    }

    // MARK: Sums

    static func total(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let e = c[0]
        // An association: the total of its values.
        if c.count == 1, let rules = AssociationBuiltins.rules(k, e) {
            return try k.evaluate(Expr(k.sys.Plus, rules.map(AssociationBuiltins.value)))
        }
        // AllowedHeads -> All totals any expression's arguments; Automatic (the default) only lists.
        let options = k.splitOptions(Array(c.arguments.dropFirst())).options
        let heads = k.optionValue("AllowedHeads", in: options, of: c.head) ?? .symbol(k.sys.Automatic)
        guard heads.isSymbol(k.sys.All) || heads.isSymbol(k.sys.Automatic) else { return nil }
        let allHeads = heads.isSymbol(k.sys.All)
        // Not a list: a numeric quantity is its own total (`Total[2 Pi]`); anything else stays.
        if !e.isList(k.sys), !(allHeads && !e.isAtom) {
            return NumericValue.isNumeric(k, e) ? e : nil
        }
        var spec = LevelSpec(min: 1, max: 1)
        if c.count >= 2, !k.isOption(c[1]) {
            guard let s = k.levelSpec(c[1], call: c) else { return nil }
            spec = s
        }
        if spec.min == 1, spec.max == 1, case .packed(let p) = e, p.rank == 1 {
            switch p.type {
            case .integer:
                var sum = 0
                for v in p.integers {
                    let (r, overflow) = sum.addingReportingOverflow(v)
                    if overflow { sum = 0; break }
                    sum = r
                }
                if sum != 0 || p.integers.allSatisfy({ $0 == 0 }) { return .integer(sum) }
            case .real:
                return .real(Reductions.totalOfReals(UnsafeBufferPointer(p.reals)))
            case .complex:
                var re = 0.0, im = 0.0
                for v in p.complexes { re += v.re; im += v.im }
                return .complex(.real(re), .real(im))
            }
        }
        // Levels 1 through n of a packed array: the sums over its first n dimensions, in one pass.
        if spec.min == 1, case .packed(let p) = e, p.rank >= 2, p.type != .complex {
            let n = spec.max < 0 ? p.rank + 1 + spec.max : Swift.min(spec.max, p.rank)
            if n >= 2, let total = try packedTotal(k, p, levels: n) { return total }
        }
        // Machine numbers with a real among them add as a packed real vector would.
        if spec.min == 1, spec.max == 1, let p = k.packed(from: e.arguments), p.rank == 1, p.type == .real {
            return .real(Reductions.totalOfReals(UnsafeBufferPointer(p.reals)))
        }
        // The total of an empty list at any positive level is 0 (`Total[{}, {2}]`), as in Mathematica.
        if e.length == 0, spec.min >= 1, spec.max >= spec.min || spec.max < 0 { return .integer(0) }
        return try totalLevels(k, e, spec, level: 0, allHeads: allHeads)
    }

    /// The sums of a packed array over its first `levels` dimensions: a number when that is all of
    /// them, else the array of the remaining dimensions. Nil when integers overflow (then the general
    /// path adds them exactly).
    private static func packedTotal(_ k: Kernel, _ p: PackedArray, levels: Int) throws(Interrupt) -> Expr? {
        let rest = Array(p.dimensions.dropFirst(levels))
        let inner = rest.reduce(1, *)
        let outer = inner == 0 ? 0 : p.count / inner
        switch p.type {
        case .real:
            if rest.isEmpty { return .real(Reductions.totalOfReals(UnsafeBufferPointer(p.reals))) }
            let out = try k.packedZeros(.real, rest)
            let sums = out.reals, values = p.reals
            for o in 0..<outer {
                let row = o * inner
                for j in 0..<inner { sums[j] += values[row + j] }
            }
            return .packed(out)
        case .integer:
            let out = try k.packedZeros(.integer, rest.isEmpty ? [1] : rest)
            let sums = out.integers, values = p.integers
            for o in 0..<outer {
                let row = o * inner
                for j in 0..<inner {
                    let (sum, overflow) = sums[j].addingReportingOverflow(values[row + j])
                    if overflow { return nil }
                    sums[j] = sum
                }
            }
            return rest.isEmpty ? .integer(sums[0]) : .packed(out)
        case .complex:
            return nil
        }
    }

    /// `Total` over the levels of `spec`, innermost first: each list whose elements lie at a level of
    /// `spec` becomes the sum of its (already totalled) elements. Going from the bottom up is what makes
    /// ragged lists add up (`Total[{{1, 2, 3}, {4, 5}, {6}}, Infinity]` is 21) where adding rows would
    /// fail. The elements' negative level is taken from the deepest of them (`Total[m, {-1}]` adds rows).
    /// nil when lists of unequal length were to be added (`Total[{{1, 2}, {3, 4, 5}}]` stays unevaluated).
    private static func totalLevels(_ k: Kernel, _ x: Expr, _ spec: LevelSpec, level: Int,
                                    allHeads: Bool) throws(Interrupt) -> Expr? {
        guard !x.isAtom, allHeads || x.isList(k.sys) else { return x }
        let depth = spec.min < 0 || spec.max < 0 ? k.depthOf(x) : 0
        var elements = x.arguments
        if level + 1 < spec.max || spec.max < 0 {
            for i in elements.indices {
                guard let total = try totalLevels(k, elements[i], spec, level: level + 1, allHeads: allHeads) else { return nil }
                elements[i] = total
            }
        }
        if spec.contains(level: level + 1, depth: depth - 1) {
            let sum = try k.evaluate(Expr(k.sys.Plus, elements))
            if sum.hasHead(k.sys.Plus), sum.arguments.contains(where: { $0.isList(k.sys) }) { return nil }
            return sum
        }
        return Expr(head: x.head(k.sys), elements)
    }

    static func accumulate(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let e = c[0]
        if e.isAtom { return nil }
        if case .packed(let p) = e, p.rank == 1, p.type == .real {
            let out = try k.packedZeros(.real, p.dimensions)
            var s = 0.0
            for (i, v) in p.reals.enumerated() { s += v; out.reals[i] = s }
            return .packed(out)
        }
        var running: Expr? = nil
        var out: [Expr] = []
        for a in e.arguments {
            let next = running.map { Expr(k.sys.Plus, $0, a) } ?? a
            let value = try k.evaluate(next)
            out.append(value)
            running = value
        }
        return k.rebuild(e, out)
    }

    static func differences(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        var orders = [1]
        if c.count >= 2 {
            if case .integer(let n) = c[1], n >= 0 { orders = [n] }
            else if c[1].isList(k.sys), c[1].arguments.allSatisfy({ ($0.asInt ?? -1) >= 0 }) { orders = c[1].arguments.compactMap(\.asInt) }
            else { return nil }
        }
        var step = 1
        if c.count == 3 {
            guard case .integer(let s) = c[2], s > 0 else { return nil }
            step = s
        }
        func once(_ x: Expr) throws(Interrupt) -> Expr {
            let parts = x.arguments
            var out: [Expr] = []
            if parts.count > step {
                for i in step..<parts.count {
                    out.append(try k.evaluate(Expr(k.sys.Plus, parts[i], Expr(k.sys.Times, .integer(-1), parts[i - step]))))
                }
            }
            return k.rebuild(x, out)
        }
        func apply(_ x: Expr, _ level: Int) throws(Interrupt) -> Expr {
            guard level < orders.count, !x.isAtom else { return x }
            var value = x
            for _ in 0..<orders[level] { value = try once(value) }
            if level + 1 < orders.count {
                var parts: [Expr] = []
                for a in value.arguments { parts.append(try apply(a, level + 1)) }
                value = k.rebuild(value, parts)
            }
            return value
        }
        if c[0].isAtom { return nil }
        return try apply(c[0], 0)
    }

    /// `Ratios[list, n, lag]`: n times the quotients of elements `lag` apart (1 by default).
    static func ratios(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        var order = 1, lag = 1
        if c.count >= 2 {
            guard case .integer(let n) = c[1], n >= 0 else { return nil }
            order = n
        }
        if c.count == 3 {
            guard case .integer(let l) = c[2], l >= 1 else { return nil }
            lag = l
        }
        guard c[0].isList(k.sys) else { return nil }
        var value = c[0]
        for _ in 0..<order {
            let parts = value.arguments
            var out: [Expr] = []
            if parts.count > lag {
                for i in lag..<parts.count {
                    out.append(try k.evaluate(Expr(k.sys.Times, parts[i], Expr(k.sys.Power, parts[i - lag], .integer(-1)))))
                }
            }
            value = k.rebuild(value, out)
        }
        return value
    }
}
