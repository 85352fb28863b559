// Building arrays from pieces and finding neighbours: ArrayFlatten, TensorProduct, Groupings,
// Nearest, NearestTo.
//
// Groupings enumerates trees over consecutive leaves. Mathematica's order is reproduced by sorting
// the root's candidates: larger root arity first, then fewer composite children, then the ranks of
// those children among the groupings of their own spans, then their positions.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum BlockBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("ArrayFlatten", arrayFlatten),
        BuiltinSpec("TensorProduct", attributes: [.flat, .oneIdentity, .protected], tensorProduct),
        BuiltinSpec("Groupings", groupings),
        BuiltinSpec("Nearest", options: [("DistanceFunction", "Automatic"), ("Method", "Automatic")],
                    curried: nearestFunction, nearest),
        BuiltinSpec("NearestTo", curried: nearestTo),
    ]

    // MARK: ArrayFlatten

    static func arrayFlatten(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var rank = 2
        if c.count == 2 { guard case .integer(let r) = c[1], r >= 1 else { return nil }; rank = r }
        let a = c[0]
        let outer = k.arrayDimensions(a, maxDepth: rank)
        guard outer.count == rank, a.isList(k.sys) else { return nil }
        // Blocks in row-major order of the outer array.
        var blocks: [Expr] = []
        func collect(_ x: Expr, _ level: Int) {
            if level == rank { blocks.append(x); return }
            for part in x.arguments { collect(part, level + 1) }
        }
        collect(a, 0)
        var sizes = outer.map { Array(repeating: Int?.none, count: $0) }
        var strides = Array(repeating: 1, count: rank)
        for l in stride(from: rank - 2, through: 0, by: -1) { strides[l] = strides[l + 1] * outer[l + 1] }
        for (b, block) in blocks.enumerated() where block.isList(k.sys) {
            let dims = k.arrayDimensions(block, maxDepth: rank)
            guard dims.count == rank else { return nil }
            for l in 0..<rank {
                let i = (b / strides[l]) % outer[l]
                if let s = sizes[l][i], s != dims[l] { return nil }
                sizes[l][i] = dims[l]
            }
        }
        let extents = sizes.map { $0.map { $0 ?? 1 } }
        var blockIndex = Array(repeating: 0, count: rank)
        var local = Array(repeating: 0, count: rank)
        func element() -> Expr {
            var b = 0
            for l in 0..<rank { b += blockIndex[l] * strides[l] }
            var x = blocks[b]
            guard x.isList(k.sys) else { return x }
            for l in 0..<rank { x = x.arguments[local[l]] }
            return x
        }
        func build(_ level: Int) -> Expr {
            if level == rank { return element() }
            var out: [Expr] = []
            for bi in 0..<outer[level] {
                for li in 0..<extents[level][bi] {
                    blockIndex[level] = bi
                    local[level] = li
                    out.append(build(level + 1))
                }
            }
            return Expr(k.sys.List, out)
        }
        let result = build(0)
        if let p = k.packed(from: result.arguments, allowMixed: false), result.length > 0 { return .packed(p) }
        return result
    }

    // MARK: TensorProduct

    static func tensorProduct(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 0 { return .integer(1) }
        if c.count == 1 { return c[0] }
        var scalar: Expr = .integer(1)
        var items: [Expr] = []
        var changed = false
        for a in c.arguments {
            if NumericValue.isNumeric(k, a) {
                scalar = try k.evaluate(Expr(k.sys.Times, scalar, a))
                changed = true
            } else if a.isList(k.sys), let last = items.last, last.isList(k.sys) {
                items[items.count - 1] = try k.evaluate(Expr(k.symbol("Outer"), .symbol(k.sys.Times), last, a))
                changed = true
            } else {
                items.append(a)
            }
        }
        if items.isEmpty { return scalar }
        if items.count == 1 { return try k.evaluate(Expr(k.sys.Times, scalar, items[0])) }
        guard changed else { return nil }
        if scalar != .integer(1) { items[0] = try k.evaluate(Expr(k.sys.Times, scalar, items[0])) }
        return Expr(c.head, items)
    }

    // MARK: Groupings

    indirect enum Tree {
        case leaf(Int)
        case node(Int, [Tree])
    }

    static func groupings(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        var leaves: [Expr]
        var head: Expr = .symbol(k.sys.List)
        switch c[0] {
        case .integer(let n) where n >= 0: leaves = (1...Swift.max(n, 1)).map { .integer($0) }; if n == 0 { leaves = [] }
        default:
            guard c[0].isList(k.sys) else { return nil }
            leaves = c[0].arguments
        }
        var ops: [(head: Expr, arity: Int)] = []
        func op(_ x: Expr) -> Bool {
            if case .integer(let n) = x, n >= 2 { ops.append((.symbol(k.sys.List), n)); return true }
            if x.hasHead(k.sys.Rule), x.length == 2, case .integer(let n) = x.arguments[1], n >= 2 {
                ops.append((x.arguments[0], n)); return true
            }
            return false
        }
        if c[1].isList(k.sys) {
            for x in c[1].arguments { guard op(x) else { return nil } }
        } else {
            guard op(c[1]) else { return nil }
        }
        head = ops.first?.head ?? head
        guard !leaves.isEmpty, !ops.isEmpty, leaves.count <= 12 else { return leaves.isEmpty ? Expr(k.sys.List, []) : nil }
        var memo: [Int: [Tree]] = [1: [.leaf(0)]]
        func trees(_ n: Int) -> [Tree] {
            if let known = memo[n] { return known }
            var candidates: [(key: [Int], tree: Tree)] = []
            for (o, spec) in ops.enumerated() where spec.arity <= n {
                for parts in compositions(n, spec.arity) {
                    let choices = parts.map { trees($0) }
                    if choices.contains(where: \.isEmpty) { continue }
                    var pick = Array(repeating: 0, count: parts.count)
                    while true {
                        var children: [Tree] = []
                        var offset = 0
                        var composite: [Int] = []
                        var ranks: [Int] = []
                        for (j, size) in parts.enumerated() {
                            children.append(shift(choices[j][pick[j]], offset))
                            if size > 1 { composite.append(j); ranks.append(pick[j]) }
                            offset += size
                        }
                        let key = [-spec.arity, o, composite.count] + ranks + composite
                        candidates.append((key, .node(o, children)))
                        var j = parts.count - 1
                        while j >= 0 {
                            pick[j] += 1
                            if pick[j] < choices[j].count { break }
                            pick[j] = 0
                            j -= 1
                        }
                        if j < 0 { break }
                    }
                }
            }
            let sorted = candidates.enumerated().sorted { x, y in
                x.element.key == y.element.key ? x.offset < y.offset
                    : x.element.key.lexicographicallyPrecedes(y.element.key)
            }.map(\.element.tree)
            memo[n] = sorted
            return sorted
        }
        func expr(_ t: Tree) -> Expr {
            switch t {
            case .leaf(let i): return leaves[i]
            case .node(let o, let children): return Expr(head: ops[o].head, children.map(expr))
            }
        }
        _ = head
        return Expr(k.sys.List, trees(leaves.count).map(expr))
    }

    static func shift(_ t: Tree, _ by: Int) -> Tree {
        switch t {
        case .leaf(let i): return .leaf(i + by)
        case .node(let o, let children): return .node(o, children.map { shift($0, by) })
        }
    }

    /// Ways to write n as `parts` positive summands, in Mathematica's order for Groupings: the
    /// composite parts move from left to right.
    static func compositions(_ n: Int, _ parts: Int) -> [[Int]] {
        if parts == 1 { return n >= 1 ? [[n]] : [] }
        var out: [[Int]] = []
        if n - 1 >= parts - 1 {
            for first in stride(from: n - parts + 1, through: 1, by: -1) {
                for rest in compositions(n - first, parts - 1) { out.append([first] + rest) }
            }
        }
        return out
    }

    // MARK: Nearest

    static func nearest(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let (positional, options) = k.splitOptions(c.arguments)
        guard positional.count >= 2, positional.count <= 3 else { return nil }
        var data = positional[0]
        var wantIndex = false
        if data.hasHead(k.sys.Rule), data.length == 2 {
            if data.arguments[1] == .string("Index") { wantIndex = true; data = data.arguments[0] } else { return nil }
        }
        guard data.isList(k.sys) else { return nil }
        let elements = data.arguments
        guard !elements.isEmpty else { return nil }
        var count: Int? = 1
        var radius: Double? = nil
        if positional.count == 3 {
            let spec = positional[2]
            if case .integer(let n) = spec, n >= 0 { count = n }
            else if spec.hasHead(k.symbol("UpTo")), case .integer(let n) = spec.arguments.first ?? .symbol(k.sys.Null) { count = n }
            else if spec.isList(k.sys), spec.length == 2 {
                let first = spec.arguments[0]
                if first.isSymbol(k.sys.All) { count = nil }
                else if case .integer(let n) = first { count = n }
                else { return nil }
                guard let r = ComparisonBuiltins.realValue(k, spec.arguments[1]) else { return nil }
                radius = r
            } else { return nil }
        }
        let distance = k.optionValue("DistanceFunction", in: options, of: c.head)
        let custom = distance.flatMap { $0.isSymbol(k.sys.Automatic) ? nil : $0 }
        let query = positional[1]
        let scalarData = elements.allSatisfy { $0.isNumber || NumericValue.isNumeric(k, $0) }
        if scalarData, query.isList(k.sys) {
            var out: [Expr] = []
            for q in query.arguments {
                guard let r = try nearestOne(k, elements, q, count: count, radius: radius, custom: custom, index: wantIndex) else { return nil }
                out.append(r)
            }
            return Expr(k.sys.List, out)
        }
        return try nearestOne(k, elements, query, count: count, radius: radius, custom: custom, index: wantIndex)
    }

    static func nearestOne(_ k: Kernel, _ elements: [Expr], _ q: Expr, count: Int?, radius: Double?,
                           custom: Expr?, index: Bool) throws(Interrupt) -> Expr? {
        var distances: [Double] = []
        for e in elements {
            guard let d = try distanceValue(k, e, q, custom) else { return nil }
            distances.append(d)
        }
        let order = distances.indices.sorted { distances[$0] < distances[$1] || (distances[$0] == distances[$1] && $0 < $1) }
        var chosen: [Int]
        if count == 1 && radius == nil {
            guard let best = order.first else { return Expr(k.sys.List, []) }
            chosen = order.filter { distances[$0] == distances[best] }
        } else {
            chosen = order.filter { radius == nil || distances[$0] <= radius! }
            if let count { chosen = Array(chosen.prefix(count)) }
        }
        return Expr(k.sys.List, chosen.map { index ? .integer($0 + 1) : elements[$0] })
    }

    static func distanceValue(_ k: Kernel, _ a: Expr, _ b: Expr, _ custom: Expr?) throws(Interrupt) -> Double? {
        if let custom {
            return ComparisonBuiltins.realValue(k, try k.evaluate(Expr(head: custom, [a, b])))
        }
        if let x = ComparisonBuiltins.realValue(k, a), let y = ComparisonBuiltins.realValue(k, b) { return Swift.abs(x - y) }
        if case .string = a, case .string = b {
            return ComparisonBuiltins.realValue(k, try k.evaluate(Expr(k.symbol("EditDistance"), a, b)))
        }
        if a.isList(k.sys), b.isList(k.sys), a.length == b.length {
            var sum = 0.0
            for (x, y) in zip(a.arguments, b.arguments) {
                if let u = ComparisonBuiltins.realValue(k, x), let v = ComparisonBuiltins.realValue(k, y) {
                    sum += (u - v) * (u - v)
                } else {
                    let d = try k.evaluate(Expr(k.sys.Abs, Expr(k.sys.Plus, x, Expr(k.sys.Times, .integer(-1), y))))
                    guard let m = ComparisonBuiltins.realValue(k, d) else { return nil }
                    sum += m * m
                }
            }
            return sum.squareRoot()
        }
        let d = try k.evaluate(Expr(k.sys.Abs, Expr(k.sys.Plus, a, Expr(k.sys.Times, .integer(-1), b))))
        return ComparisonBuiltins.realValue(k, d)
    }

    /// `Nearest[data][x, n...]`.
    static func nearestFunction(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let inner = c.expr.asNormal?.head.asNormal, inner.arguments.count == 1, c.count >= 1 else { return nil }
        return try k.evaluate(Expr(c.head, inner.arguments + c.arguments))
    }

    /// `NearestTo[x, n][data]`.
    static func nearestTo(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let inner = c.expr.asNormal?.head.asNormal, c.count == 1, (1...2).contains(inner.arguments.count) else { return nil }
        return try k.evaluate(Expr(k.symbol("Nearest"), [c[0]] + inner.arguments))
    }
}
