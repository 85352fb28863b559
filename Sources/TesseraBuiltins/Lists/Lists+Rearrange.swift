// Rearranging lists: Flatten, Partition, Transpose, Reverse, RotateLeft, RotateRight.
//
// Packed arrays are rearranged on their buffers: Flatten and Partition (of whole blocks) are views
// with other dimensions, Transpose/Reverse/Rotate* copy once (PackedGather).
// Ordinary expressions keep the heads they had at each level.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum RearrangeBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Flatten", flatten).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("Partition", partition).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("Transpose", messages: [
            "nmtx": "The first two levels of `1` cannot be transposed.",
            "perm": "`1` is not a permutation.",
        ], transpose).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("Reverse", reverse).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("RotateLeft", rotateLeft).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("RotateRight", rotateRight).adapted(SparseArrays.keepingSparse),
    ]

    // MARK: Flatten

    static func flatten(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let e = c[0]
        guard !e.isAtom, !e.hasHead(k.sys.Association) else {
            if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
            return nil
        }
        var levels = Int.max
        if c.count >= 2 {
            let spec = c[1]
            switch spec {
            case .integer(let n) where n >= 0: levels = n
            case .symbol(let s) where s === k.sys.Infinity: levels = Int.max
            default:
                if spec.hasHead(k.sys.DirectedInfinity) { break }
                if spec.isList(k.sys), c.count == 2 { return flattenDimensions(k, e, spec) }
                return nil
            }
        }
        let head: Expr = c.count == 3 ? c[2] : e.head(k.sys)
        if case .packed(let p) = e, head.isSymbol(k.sys.List) {
            let merged = Swift.min(levels, p.rank - 1)
            if merged == 0 { return e }
            let first = p.dimensions.prefix(merged + 1).reduce(1, *)
            return .packed(p.reshaped([first] + p.dimensions.dropFirst(merged + 1)))
        }
        var out: [Expr] = []
        func collect(_ x: Expr, _ depth: Int) {
            for a in x.arguments {
                if depth < levels, !a.isAtom, a.head(k.sys) == head, !a.hasHead(k.sys.Association) {
                    collect(a, depth + 1)
                } else {
                    out.append(a)
                }
            }
        }
        collect(e, 0)
        if case .normal(let n) = e { return Expr(head: n.head, out) }
        return k.rebuild(e, out)
    }

    /// `Flatten[e, {{l11, l12...}, {l21...}...}]`: level i of the result runs over the levels of group i.
    static func flattenDimensions(_ k: Kernel, _ e: Expr, _ spec: Expr) -> Expr? {
        var groups: [[Int]] = []
        if spec.arguments.allSatisfy({ $0.asInt != nil }) {
            groups = spec.length == 0 ? [] : [spec.arguments.compactMap(\.asInt)]
        } else {
            for g in spec.arguments {
                guard g.isList(k.sys) else { return nil }
                let levels = g.arguments.compactMap(\.asInt)
                guard levels.count == g.length else { return nil }
                groups.append(levels)
            }
        }
        if groups.isEmpty { return e }
        let all = groups.flatMap { $0 }
        guard let depth = all.max(), all.allSatisfy({ $0 >= 1 }), Set(all).count == all.count,
              Set(all) == Set(1...depth) else { return nil }
        // Leaves at `depth`, with their index paths.
        var leaves: [([Int], Expr)] = []
        var ok = true
        func walk(_ x: Expr, _ path: [Int]) {
            if path.count == depth { leaves.append((path, x)); return }
            guard !x.isAtom else { ok = false; return }
            for (i, a) in x.arguments.enumerated() { walk(a, path + [i + 1]) }
        }
        walk(e, [])
        guard ok else { return nil }
        let head = e.head(k.sys)
        let keyed = leaves.map { leaf in (groups.map { g in g.map { leaf.0[$0 - 1] } }, leaf.1) }
        let sorted = keyed.sorted { a, b in
            for (x, y) in zip(a.0, b.0) where x != y { return x.lexicographicallyPrecedes(y) }
            return false
        }
        func build(_ items: ArraySlice<([[Int]], Expr)>, _ level: Int) -> Expr {
            if level == groups.count { return items.first?.1 ?? Expr(head: head, []) }
            var children: [Expr] = []
            var start = items.startIndex
            while start < items.endIndex {
                var end = start + 1
                while end < items.endIndex && items[end].0[level] == items[start].0[level] { end += 1 }
                children.append(build(items[start..<end], level + 1))
                start = end
            }
            return Expr(head: head, children)
        }
        let result = build(sorted[...], 0)
        if case .packed = e, let p = k.packed(from: result.arguments, allowMixed: false) { return .packed(p) }
        return result
    }

    // MARK: Partition

    static func partition(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 6) else { return nil }
        let e = c[0]
        if e.isAtom { return nil }
        if c[1].isList(k.sys) {
            guard c.count <= 3 else { return nil }
            let sizes = c[1].arguments.compactMap(\.asInt)
            guard sizes.count == c[1].length, sizes.allSatisfy({ $0 > 0 }) else { return nil }
            var steps = sizes
            if c.count == 3 {
                if case .integer(let d) = c[2] { steps = Array(repeating: d, count: sizes.count) }
                else { steps = c[2].arguments.compactMap(\.asInt) }
                guard steps.count == sizes.count, steps.allSatisfy({ $0 > 0 }) else { return nil }
            }
            return partitionArray(k, e, sizes[...], steps[...])
        }
        var upTo = false
        var n: Int
        if case .integer(let v) = c[1] { n = v }
        else if c[1].hasHead(k.symbol("UpTo")), case .integer(let v) = c[1].arguments.first ?? .symbol(k.sys.Null) {
            n = v; upTo = true
            guard n > 0 else { return nil }
        } else { return nil }
        guard n >= 0 else { return nil }
        var d = n
        if c.count >= 3 {
            guard case .integer(let v) = c[2], v > 0 else { return nil }
            d = v
        } else if n == 0 { return nil }
        let elements = e.arguments
        let len = elements.count
        if c.count <= 3 {
            if upTo {
                var blocks: [Expr] = []
                var s = 0
                while s < len {
                    blocks.append(k.selectRun(e, from: s, to: Swift.min(s + n, len)))
                    s += d
                }
                return Expr(head: e.head(k.sys), blocks)
            }
            let count = len >= n ? (len - n) / d + 1 : 0
            if case .packed(let p) = e, d == n, count > 0 {
                return .packed(p.slices(0, count * n).reshaped([count, n] + p.dimensions.dropFirst()))
            }
            var blocks: [Expr] = []
            for b in 0..<count { blocks.append(k.selectRun(e, from: b * d, to: b * d + n)) }
            if case .packed = e { return k.rebuild(e, blocks) }
            return Expr(head: e.head(k.sys), blocks)
        }
        // Overhangs {kL, kR} and padding.
        var kL = 1, kR = 1
        if case .integer(let v) = c[3] { kL = v; kR = v }
        else if c[3].isList(k.sys), c[3].length == 2, case .integer(let a) = c[3].arguments[0],
                case .integer(let b) = c[3].arguments[1] { kL = a; kR = b }
        else { return nil }
        guard len > 0 else { return Expr(head: e.head(k.sys), []) }
        let kLPos = kL > 0 ? kL : n + kL + 1
        let kRPos = kR > 0 ? kR : n + kR + 1
        guard kLPos >= 1 && kLPos <= n && kRPos >= 1 && kRPos <= n else { return nil }
        var padding: [Expr]? = elements
        if c.count >= 5 {
            let x = c[4]
            if x.isList(k.sys) { padding = x.length == 0 ? nil : x.arguments } else { padding = [x] }
        }
        let blockHead: Expr = c.count == 6 ? c[5] : e.head(k.sys)
        let first = 1 - (kLPos - 1)
        let last = len - kRPos + 1
        var blocks: [Expr] = []
        var s = first
        while s <= last {
            var block: [Expr] = []
            for i in s..<(s + n) {
                if i >= 1 && i <= len { block.append(elements[i - 1]) }
                else if let pad = padding {
                    let m = pad.count
                    block.append(pad[(((i - 1) % m) + m) % m])
                }
            }
            blocks.append(Expr(head: blockHead, block))
            s += d
        }
        return Expr(head: e.head(k.sys), blocks)
    }

    /// `Partition[array, {n1, n2, ...}, {d1, d2, ...}]`: blocks of blocks, the block indices first.
    private static func partitionArray(_ k: Kernel, _ e: Expr, _ sizes: ArraySlice<Int>, _ steps: ArraySlice<Int>) -> Expr? {
        guard let n = sizes.first, let d = steps.first else { return e }
        if e.isAtom { return nil }
        let len = e.length
        let count = len >= n ? (len - n) / d + 1 : 0
        var blocks: [Expr] = []
        for b in 0..<count {
            let block = k.selectRun(e, from: b * d, to: b * d + n)
            if sizes.count == 1 { blocks.append(block); continue }
            // Partition each row at the next level, then bring the block index to the front.
            var rows: [Expr] = []
            for row in block.arguments {
                guard let r = partitionArray(k, row, sizes.dropFirst(), steps.dropFirst()) else { return nil }
                rows.append(r)
            }
            let inner = rows.first?.length ?? 0
            guard rows.allSatisfy({ $0.length == inner }) else { return nil }
            var columns: [Expr] = []
            for j in 0..<inner { columns.append(k.rebuild(e, rows.map { $0.arguments[j] })) }
            blocks.append(k.rebuild(e, columns))
        }
        return k.rebuild(e, blocks)
    }

    // MARK: Transpose

    static func transpose(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var e = c[0]
        if e.isAtom { return k.fail(c, "nmtx", e) }
        var perm: [Int]
        if c.count == 2 {
            let spec = c[1]
            if spec.isList(k.sys) {
                perm = spec.arguments.compactMap(\.asInt)
                guard perm.count == spec.length else { return k.fail(c, "perm", spec) }
            } else if spec.hasHead(k.symbol("TwoWayRule")), spec.length == 2,
                      case .integer(let a) = spec.arguments[0], case .integer(let b) = spec.arguments[1] {
                let r = Swift.max(a, b)
                perm = Array(1...Swift.max(r, 1))
                guard a >= 1, b >= 1 else { return nil }
                perm.swapAt(a - 1, b - 1)
            } else {
                return k.fail(c, "perm", spec)
            }
        } else {
            perm = [2, 1]
        }
        let dims = k.arrayDimensions(e)
        if c.count == 1 && dims.count == 1 { return e }
        guard perm.allSatisfy({ $0 >= 1 }), let maxTarget = perm.max(),
              Set(perm) == Set(1...maxTarget) else { return k.fail(c, "perm", c.count == 2 ? c[1] : .integer(0)) }
        guard perm.count <= dims.count else {
            if c.count == 1 { return k.fail(c, "nmtx", e) }
            return k.fail(c, "perm", c[1])
        }
        let isPermutation = Set(perm).count == perm.count
        // A list of packed parts of one type and shape ({x, y} of two packed vectors) is read in place.
        if case .normal = e, isPermutation, e.isList(k.sys) {
            let parts = e.arguments.compactMap { a -> PackedArray? in if case .packed(let p) = a { p } else { nil } }
            if parts.count == e.length, let source = PackedGather.Source(parts: parts), perm.count <= source.rank,
               let t = try k.allocating({ () throws(PackedStorageError) in
                   try withExtendedLifetime(parts) { () throws(PackedStorageError) in try PackedGather.transpose(source, perm) } }) {
                return .packed(t)
            }
        }
        // Other rectangular lists of numbers are packed first, one copy.
        if case .normal = e, isPermutation, let p = k.packed(from: e.arguments, allowMixed: false) { e = .packed(p) }
        if case .packed(let p) = e, isPermutation, perm.count <= p.rank {
            if let t = try k.allocating({ () throws(PackedStorageError) in try PackedGather.transpose(p, perm) }) { return .packed(t) }
        }
        // Result dimensions; repeated targets take the diagonal (the smallest extent).
        let rank = perm.count
        var resultDims = Array(repeating: Int.max, count: maxTarget)
        for (level, target) in perm.enumerated() {
            resultDims[target - 1] = Swift.min(resultDims[target - 1], dims[level])
        }
        func element(_ index: [Int]) -> Expr {
            var x = e
            for level in 0..<rank { x = x.arguments[index[perm[level] - 1]] }
            return x
        }
        func build(_ prefix: [Int]) -> Expr {
            if prefix.count == maxTarget { return element(prefix) }
            var children: [Expr] = []
            for i in 0..<resultDims[prefix.count] { children.append(build(prefix + [i])) }
            return k.rebuild(e, children)
        }
        return build([])
    }

    // MARK: Reverse, RotateLeft, RotateRight

    static func reverse(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        var levels: [Int] = [1]
        if c.count == 2 {
            if case .integer(let n) = c[1], n >= 1 { levels = [n] }
            else if c[1].isList(k.sys), c[1].arguments.allSatisfy({ ($0.asInt ?? 0) >= 1 }) {
                levels = c[1].arguments.compactMap(\.asInt)
            } else if c[1].isSymbol(k.sys.All) || c[1].isSymbol(k.sys.Infinity) {
                levels = Array(1...Swift.max(1, k.depthOf(e) - 1))
            } else { return nil }
        }
        if case .packed(let p) = e, levels.allSatisfy({ $0 <= p.rank }) {
            if let r = try k.allocating({ () throws(PackedStorageError) in try PackedGather.reverse(p, levels: levels) }) { return .packed(r) }
        }
        let wanted = Set(levels)
        func rev(_ x: Expr, _ level: Int) -> Expr {
            guard !x.isAtom, level <= (wanted.max() ?? 0) else { return x }
            var parts = x.arguments.map { rev($0, level + 1) }
            if wanted.contains(level) { parts.reverse() }
            return k.rebuild(x, parts)
        }
        return rev(e, 1)
    }

    static func rotateLeft(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try rotate(k, c, sign: 1)
    }

    static func rotateRight(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try rotate(k, c, sign: -1)
    }

    private static func rotate(_ k: Kernel, _ c: Call, sign: Int) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        var shifts = [1]
        if c.count == 2 {
            if case .integer(let n) = c[1] { shifts = [n] }
            else if c[1].isList(k.sys), c[1].arguments.allSatisfy({ $0.asInt != nil }) {
                shifts = c[1].arguments.compactMap(\.asInt)
            } else { return nil }
        }
        shifts = shifts.map { $0 * sign }
        if case .packed(let p) = e, shifts.count <= p.rank {
            if let r = try k.allocating({ () throws(PackedStorageError) in try PackedGather.rotateLeft(p, by: shifts) }) { return .packed(r) }
        }
        func rot(_ x: Expr, _ level: Int) -> Expr {
            guard level < shifts.count, !x.isAtom else { return x }
            var parts = x.arguments.map { rot($0, level + 1) }
            let n = parts.count
            if n > 0 {
                let s = ((shifts[level] % n) + n) % n
                parts = Array(parts[s...] + parts[..<s])
            }
            return k.rebuild(x, parts)
        }
        return rot(e, 0)
    }
}

extension Kernel {
    /// Dimensions of the full array part of `e` (lists of equal length and one head, level by level).
    func arrayDimensions(_ e: Expr, head: Expr? = nil, maxDepth: Int = Int.max) -> [Int] {
        if case .packed(let p) = e { return Array(p.dimensions.prefix(maxDepth)) }
        guard case .normal(let n) = e, maxDepth > 0 else { return [] }
        let h = head ?? n.head
        guard n.head == h else { return [] }
        var dims = [n.arguments.count]
        guard let first = n.arguments.first, !first.isAtom else { return dims }
        var inner = arrayDimensions(first, head: h, maxDepth: maxDepth - 1)
        for a in n.arguments.dropFirst() {
            if inner.isEmpty { break }
            let d = arrayDimensions(a, head: h, maxDepth: inner.count)
            var common = 0
            while common < Swift.min(d.count, inner.count) && d[common] == inner[common] { common += 1 }
            inner = Array(inner.prefix(common))
        }
        dims.append(contentsOf: inner)
        return dims
    }
}
