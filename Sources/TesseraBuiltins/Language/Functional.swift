// Applying functions to parts of expressions: Map, MapAll, Apply, MapApply, MapAt, MapIndexed,
// MapThread, Scan, Select, Thread, Through, Construct, Operate.
//
// Level specifications come from Support/LevelSpec.swift; an association is mapped over its values
// (its keys are part of its structure, not its elements). Mapping over a packed vector evaluates
// each call and packs the results again when they are machine numbers of one type.

import TesseraCore
import TesseraExpr

enum FunctionalBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Map", options: [("Heads", "False")], curried: functionFirstOperator, map).adapted(SparseArrays.normalizing),
        BuiltinSpec("MapAll", options: [("Heads", "False")], curried: functionFirstOperator, mapAll),
        BuiltinSpec("Apply", options: [("Heads", "False")], curried: functionFirstOperator, apply).adapted(SparseArrays.normalizing),
        BuiltinSpec("MapApply", curried: functionFirstOperator, mapApply),
        BuiltinSpec("MapAt", curried: mapAtOperator, mapAt),
        BuiltinSpec("MapIndexed", options: [("Heads", "False")], curried: functionFirstOperator, mapIndexed).adapted(SparseArrays.normalizing),
        BuiltinSpec("MapThread", messages: [
            "mptd": "Object `1` at position `2` in `3` has only `4` of required `5` dimensions.",
            "mptc": "Incompatible dimensions of objects at positions `1` and `2` of `3`; dimensions are `4` and `5`.",
        ], curried: functionFirstOperator, mapThread),
        BuiltinSpec("Scan", curried: functionFirstOperator, scan).adapted(SparseArrays.normalizing),
        BuiltinSpec("Select", curried: selectOperator, select).adapted(SparseArrays.normalizing),
        BuiltinSpec("Thread", messages: ["tdlen": "Objects of unequal length in `1` cannot be combined."], thread),
        BuiltinSpec("Through", through),
        BuiltinSpec("Construct", construct),
        BuiltinSpec("Operate", operate),
    ]

    /// `Map[f][e]` is `Map[f, e]` (likewise Apply, Scan, MapIndexed...).
    static func functionFirstOperator(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let inner = c.expr.asNormal?.head.asNormal, inner.arguments.count == 1 else { return nil }
        return Expr(c.head, inner.arguments[0], c[0])
    }

    /// Reads `levelspec` and `Heads -> True` from the arguments after the first two.
    private static func levels(_ k: Kernel, _ c: Call, default fallback: LevelSpec) -> LevelSpec? {
        let (positional, options) = k.splitOptions(Array(c.arguments.dropFirst(2)))
        guard positional.count <= 1 else { return nil }
        var spec = fallback
        if let s = positional.first {
            guard let parsed = k.levelSpec(s, call: c) else { return nil }
            spec = parsed
        }
        if let heads = k.optionValue("Heads", in: options, of: c.head), heads.isSymbol(k.sys.True) {
            spec.includeHeads = true
        }
        return spec
    }

    // MARK: Map

    static func map(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 4) else { return nil }
        guard let spec = levels(k, c, default: LevelSpec(min: 1, max: 1)) else { return nil }
        let f = c[0], e = c[1]
        if spec.min == 1 && spec.max == 1 && !spec.includeHeads {
            return try mapLevelOne(k, f, e)
        }
        return try k.mapLevels(e, spec) { (x: Expr, _: [Int]) throws(Interrupt) -> Expr in
            if x.hasHead(k.sys.Association) { return Expr(head: f, [x]) }
            return Expr(head: f, [x])
        }
    }

    /// `Map[f, e]`: values of an association; packed vectors evaluated and packed again.
    static func mapLevelOne(_ k: Kernel, _ f: Expr, _ e: Expr) throws(Interrupt) -> Expr {
        switch e {
        case .packed(let p):
            var results: [Expr] = []
            let n = p.dimensions.first ?? 0
            results.reserveCapacity(n)
            for i in 0..<n { results.append(try k.evaluate(Expr(head: f, [p.part(i)]))) }
            if let packed = k.packed(from: results, allowMixed: false) { return .packed(packed) }
            return Expr(k.sys.List, results)
        case .normal(let n):
            if e.hasHead(k.sys.Association) {
                return Expr(head: n.head, n.arguments.map { rule in
                    guard let r = rule.asNormal, r.arguments.count == 2 else { return rule }
                    return Expr(head: r.head, [r.arguments[0], Expr(head: f, [r.arguments[1]])])
                })
            }
            return Expr(head: n.head, n.arguments.map { Expr(head: f, [$0]) })
        default:
            return e
        }
    }

    static func mapAll(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        var spec = LevelSpec(min: 0, max: Int.max)
        let (_, options) = k.splitOptions(Array(c.arguments.dropFirst(2)))
        if let heads = k.optionValue("Heads", in: options, of: c.head), heads.isSymbol(k.sys.True) { spec.includeHeads = true }
        let f = c[0]
        return try k.mapLevels(c[1], spec) { (x: Expr, _: [Int]) throws(Interrupt) -> Expr in Expr(head: f, [x]) }
    }

    // MARK: Apply

    static func apply(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 4) else { return nil }
        guard let spec = levels(k, c, default: LevelSpec(min: 0, max: 0)) else { return nil }
        return try k.applyAtLevels(c[0], c[1], spec)
    }

    static func mapApply(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        return try k.applyAtLevels(c[0], c[1], LevelSpec(min: 1, max: 1))
    }

    // MARK: MapAt

    static func mapAtOperator(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let inner = c.expr.asNormal?.head.asNormal, inner.arguments.count == 2 else { return nil }
        return Expr(c.head, inner.arguments[0], c[0], inner.arguments[1])
    }

    static func mapAt(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 3) else { return nil }
        let f = c[0]
        let spec = c[2]
        var paths: [[Expr]]
        func isStep(_ s: Expr) -> Bool {
            switch s {
            case .integer, .string: return true
            default: return s.isSymbol(k.sys.All) || s.hasHead(k.sys.Span) || s.hasHead(k.symbol("Key"))
            }
        }
        if isStep(spec) {
            paths = [[spec]]
        } else if spec.isList(k.sys), spec.arguments.allSatisfy(isStep) {
            paths = [spec.arguments]
        } else if spec.isList(k.sys), spec.arguments.allSatisfy({ $0.isList(k.sys) && $0.arguments.allSatisfy(isStep) }) {
            paths = spec.arguments.map(\.arguments)
        } else {
            return nil
        }
        var result = c[1]
        for path in paths {
            var failed = false
            result = k.modifyAt(result, path[...], failed: &failed) { Expr(head: f, [$0]) }
            if failed { return k.fail(c, "partw", Expr(k.sys.List, path), c[1]) }
        }
        return result
    }

    // MARK: MapIndexed

    static func mapIndexed(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 4) else { return nil }
        guard let spec = levels(k, c, default: LevelSpec(min: 1, max: 1)) else { return nil }
        let f = c[0], e = c[1]
        if e.hasHead(k.sys.Association), spec.min == 1, spec.max == 1 {
            return Expr(head: e.head(k.sys), e.arguments.map { rule in
                guard let r = rule.asNormal, r.arguments.count == 2 else { return rule }
                let key = Expr(k.symbol("Key"), r.arguments[0])
                return Expr(head: r.head, [r.arguments[0], Expr(head: f, [r.arguments[1], Expr(k.sys.List, key)])])
            })
        }
        return try k.mapLevels(e, spec) { (x: Expr, path: [Int]) throws(Interrupt) -> Expr in
            Expr(head: f, [x, Expr(k.sys.List, path.map { .integer($0) })])
        }
    }

    // MARK: MapThread

    static func mapThread(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        var depth = 1
        if c.count == 3 {
            guard case .integer(let n) = c[2], n >= 0 else { return nil }
            depth = n
        }
        let f = c[0]
        let lists = c[1]
        guard !lists.isAtom else {
            return k.fail(c, "list", c.expr, .integer(2))
        }
        let args = lists.arguments
        // Every argument must be an array of the threading depth with equal dimensions.
        var dims: [Int]? = nil
        for (i, a) in args.enumerated() {
            let d = k.arrayDimensions(a, maxDepth: depth)
            if d.count < depth {
                let position = Expr(k.sys.List, .integer(2), .integer(i + 1))
                return k.fail(c, "mptd", a, position, c.expr, .integer(d.count), .integer(depth))
            }
            if let dims, dims != d {
                return k.fail(c, "mptc", Expr(k.sys.List, .integer(2), .integer(1)),
                              Expr(k.sys.List, .integer(2), .integer(i + 1)), c.expr,
                              Expr(k.sys.List, dims.map { .integer($0) }), Expr(k.sys.List, d.map { .integer($0) }))
            }
            dims = d
        }
        if args.isEmpty { return Expr(k.sys.List, []) }
        func thread(_ parts: [Expr], _ level: Int) -> Expr {
            if level == depth { return Expr(head: f, parts) }
            let n = parts[0].length
            let columns = parts.map(\.arguments)
            var out: [Expr] = []
            out.reserveCapacity(n)
            for j in 0..<n { out.append(thread(columns.map { $0[j] }, level + 1)) }
            return Expr(k.sys.List, out)
        }
        return thread(args, 0)
    }

    // MARK: Scan

    static func scan(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 4) else { return nil }
        guard let spec = levels(k, c, default: LevelSpec(min: 1, max: 1)) else { return nil }
        let f = c[0]
        var e = c[1]
        if e.hasHead(k.sys.Association) { e = Expr(k.sys.List, e.arguments.compactMap { $0.arguments.last }) }
        var returned: Expr? = nil
        try k.walkLevels(e, spec) { (x: Expr, _: [Int]) throws(Interrupt) -> Bool in
            let value = try k.evaluate(Expr(head: f, [x]))
            if value.hasHead(k.sys.Return) { returned = k.unwrapReturn(value); return false }
            return true
        }
        return returned ?? .symbol(k.sys.Null)
    }

    // MARK: Select

    static func selectOperator(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let inner = c.expr.asNormal?.head.asNormal, inner.arguments.count == 1 else { return nil }
        return Expr(c.head, c[0], inner.arguments[0])
    }

    static func select(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let e = c[0], test = c[1]
        var limit = Int.max
        if c.count == 3 {
            if case .integer(let n) = c[2], n >= 0 { limit = n }
            else if !c[2].isSymbol(k.sys.Infinity) { return nil }
        }
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let isAssociation = e.hasHead(k.sys.Association)
        var kept: [Expr] = []
        for element in e.arguments {
            if kept.count >= limit { break }
            let value = isAssociation ? (element.arguments.last ?? element) : element
            if try k.evaluate(Expr(head: test, [value])).isSymbol(k.sys.True) { kept.append(element) }
        }
        return k.rebuild(e, kept)
    }

    // MARK: Thread, Through, Construct, Operate

    static func thread(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let e = c[0]
        guard case .normal(let n) = e else { return e }
        let h: Expr = c.count >= 2 ? c[1] : .symbol(k.sys.List)
        var args = n.arguments
        var range = 0..<args.count
        if c.count == 3 {
            switch c[2] {
            case .integer(let m) where m >= 0: range = 0..<Swift.min(m, args.count)
            case .integer(let m): range = Swift.max(0, args.count + m)..<args.count
            default:
                if c[2].isList(k.sys), let a = c[2].arguments.first?.asInt {
                    let b = c[2].length > 1 ? (c[2].arguments[1].asInt ?? a) : a
                    let lo = a < 0 ? args.count + a : a - 1
                    let hi = b < 0 ? args.count + b + 1 : b
                    guard lo >= 0, hi <= args.count, lo <= hi else { return nil }
                    range = lo..<hi
                } else if c[2].isSymbol(k.sys.All) {
                    break
                } else {
                    return nil
                }
            }
        }
        func threads(_ a: Expr) -> Bool {
            if h.isSymbol(k.sys.List) { return a.isList(k.sys) }
            return a.asNormal?.head == h
        }
        let threaded = range.filter { threads(args[$0]) }
        var length: Int? = nil
        for i in threaded {
            let m = args[i].length
            if let length, length != m { return k.fail(c, "tdlen", e) }
            length = m
        }
        guard let length else { return e }
        var out: [Expr] = []
        out.reserveCapacity(length)
        let columns = args.indices.map { threaded.contains($0) ? args[$0].arguments : [] }
        for j in 0..<length {
            for i in threaded { args[i] = columns[i][j] }
            out.append(Expr(head: n.head, args))
        }
        return Expr(head: h, out)
    }

    static func through(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        guard case .normal(let outer) = c[0], case .normal(let p) = outer.head else { return c[0] }
        if c.count == 2, p.head != c[1] { return c[0] }
        return Expr(head: p.head, p.arguments.map { Expr(head: $0, outer.arguments) })
    }

    static func construct(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, nil) else { return nil }
        return Expr(head: c[0], Array(c.arguments.dropFirst()))
    }

    static func operate(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        var level = 1
        if c.count == 3 {
            guard case .integer(let n) = c[2], n >= 0 else { return nil }
            level = n
        }
        let p = c[0]
        func op(_ e: Expr, _ l: Int) -> Expr {
            guard case .normal(let n) = e else { return l == 0 ? Expr(head: p, [e]) : e }
            if l == 0 { return Expr(head: p, [e]) }
            if l == 1 { return Expr(head: Expr(head: p, [n.head]), n.arguments) }
            return Expr(head: op(n.head, l - 1), n.arguments)
        }
        return op(c[1], level)
    }
}

extension Kernel {
    /// `Apply[f, e, spec]`: replaces the heads of the selected subexpressions by `f`.
    func applyAtLevels(_ f: Expr, _ e: Expr, _ spec: LevelSpec) throws(Interrupt) -> Expr {
        try mapLevels(e, spec) { (x: Expr, _: [Int]) throws(Interrupt) -> Expr in
            switch x {
            case .normal(let n):
                if x.hasHead(sys.Association) {
                    return Expr(head: f, n.arguments.compactMap { $0.arguments.last })
                }
                return Expr(head: f, n.arguments)
            case .packed(let p):
                return Expr(head: f, p.elementExprs())
            default:
                return x
            }
        }
    }

    /// Applies `transform` at the parts `path` selects (indices, 0 for the head, All, spans, keys).
    func modifyAt(_ e: Expr, _ path: ArraySlice<Expr>, failed: inout Bool, _ transform: (Expr) -> Expr) -> Expr {
        guard let step = path.first else { return transform(e) }
        let rest = path.dropFirst()
        if case .integer(0) = step {
            guard case .normal(let n) = e else { failed = true; return e }
            return Expr(head: modifyAt(n.head, rest, failed: &failed, transform), n.arguments)
        }
        guard !e.isAtom else { failed = true; return e }
        var args = e.arguments
        let isAssociation = e.hasHead(sys.Association)
        var indices: [Int] = []
        let n = args.count
        switch step {
        case .integer(let i):
            let index = i < 0 ? n + i : i - 1
            guard index >= 0, index < n else { failed = true; return e }
            indices = [index]
        default:
            if step.isSymbol(sys.All) {
                indices = Array(0..<n)
            } else if step.hasHead(sys.Span) {
                var reader = PartReader(kernel: self, reportAs: sys.Part, whole: e)
                guard let span = reader.spanIndices(step, length: n, in: e) else { failed = true; return e }
                indices = span.indices
            } else if isAssociation, let i = resolveIndex(step, in: e) {
                indices = [i - 1]
            } else {
                failed = true
                return e
            }
        }
        for i in indices {
            if isAssociation, let r = args[i].asNormal, r.arguments.count == 2 {
                args[i] = Expr(head: r.head, [r.arguments[0], modifyAt(r.arguments[1], rest, failed: &failed, transform)])
            } else {
                args[i] = modifyAt(args[i], rest, failed: &failed, transform)
            }
            if failed { return e }
        }
        return rebuild(e, args)
    }
}
