// Combinations of elements: Tuples, Subsets, Permutations, Subsequences.
//
// Results come in Mathematica's order: tuples lexicographic by position, subsets by size and then
// by position, permutations lexicographic by position with repeated elements giving each distinct
// arrangement once. Every part keeps the head of the input (`Subsets[f[a, b]]` has f[] and f[a]...).

import TesseraCore
import TesseraExpr

enum CombinatoricsBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Tuples", tuples),
        BuiltinSpec("Subsets", subsets),
        BuiltinSpec("Permutations", permutations),
        BuiltinSpec("Subsequences", subsequences),
    ]

    static func tuples(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return nil }
        if c.count == 1 {
            let lists = e.arguments
            guard lists.allSatisfy({ !$0.isAtom }) else { return nil }
            var result: [[Expr]] = [[]]
            for l in lists {
                var next: [[Expr]] = []
                for prefix in result { for x in l.arguments { next.append(prefix + [x]) } }
                result = next
            }
            return Expr(k.sys.List, result.map { Expr(head: e.head(k.sys), $0) })
        }
        let elements = e.arguments
        let head = e.head(k.sys)
        func all(_ n: Int) -> [[Expr]] {
            var result: [[Expr]] = [[]]
            for _ in 0..<n {
                var next: [[Expr]] = []
                for prefix in result { for x in elements { next.append(prefix + [x]) } }
                result = next
            }
            return result
        }
        if case .integer(let n) = c[1], n >= 0 {
            return Expr(k.sys.List, all(n).map { Expr(head: head, $0) })
        }
        guard c[1].isList(k.sys) else { return nil }
        let dims = c[1].arguments.compactMap(\.asInt)
        guard dims.count == c[1].length, dims.allSatisfy({ $0 >= 0 }) else { return nil }
        let total = dims.reduce(1, *)
        return Expr(k.sys.List, all(total).map { flat in
            func shape(_ items: ArraySlice<Expr>, _ level: Int) -> Expr {
                if level == dims.count - 1 { return Expr(k.sys.List, Array(items)) }
                let size = dims[(level + 1)...].reduce(1, *)
                var parts: [Expr] = []
                for i in 0..<dims[level] {
                    let start = items.startIndex + i * size
                    parts.append(shape(items[start..<(start + size)], level + 1))
                }
                return Expr(k.sys.List, parts)
            }
            if dims.isEmpty { return Expr(k.sys.List, []) }
            return shape(flat[...], 0)
        })
    }

    /// Reads `n`, `{n}`, `{min, max}`, `{min, max, step}`, `All`, `Infinity` as a list of lengths.
    private static func lengths(_ k: Kernel, _ spec: Expr, upTo n: Int) -> [Int]? {
        switch spec {
        case .integer(let m) where m >= 0: return Array(0...Swift.min(m, n))
        case .symbol(let s) where s === k.sys.All || s === k.sys.Infinity: return Array(0...n)
        default: break
        }
        guard spec.isList(k.sys) else { return nil }
        let parts = spec.arguments.map { $0.isSymbol(k.sys.Infinity) ? .integer(n) : $0 }
        let numbers = parts.compactMap(\.asInt)
        guard numbers.count == parts.count else { return nil }
        switch numbers.count {
        case 1: return numbers[0] >= 0 ? [numbers[0]] : nil
        case 2:
            guard numbers[0] >= 0, numbers[1] >= 0 else { return nil }
            return numbers[0] <= numbers[1] ? Array(numbers[0]...numbers[1]) : []
        case 3:
            guard numbers[2] != 0 else { return nil }
            return Array(stride(from: numbers[0], through: numbers[1], by: numbers[2])).filter { $0 >= 0 }
        default: return nil
        }
    }

    static func subsets(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let e = c[0]
        if e.isAtom { return nil }
        let elements = e.arguments
        let head = e.head(k.sys)
        let sizes = c.count >= 2 ? lengths(k, c[1], upTo: elements.count) : Array(0...elements.count)
        guard let sizes else { return nil }
        var result: [Expr] = []
        func combinations(_ size: Int) {
            guard size <= elements.count else { return }
            var index = Array(0..<size)
            while true {
                result.append(Expr(head: head, index.map { elements[$0] }))
                var i = size - 1
                while i >= 0 && index[i] == elements.count - size + i { i -= 1 }
                if i < 0 { return }
                index[i] += 1
                for j in (i + 1)..<size { index[j] = index[j - 1] + 1 }
            }
        }
        for size in sizes { combinations(size) }
        if c.count == 3 {
            if c[2].isSymbol(k.sys.None) { return Expr(k.sys.List, []) }
            switch k.sequenceSpec(c[2], length: result.count) {
            case .range(let r): return Expr(k.sys.List, r.indices.map { result[$0] })
            case .outOfRange:
                if case .integer(let n) = c[2], n > result.count { return Expr(k.sys.List, result) }
                return nil
            case .malformed: return nil
            }
        }
        return Expr(k.sys.List, result)
    }

    static func permutations(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return nil }
        let elements = e.arguments
        let head = e.head(k.sys)
        var sizes = [elements.count]
        if c.count == 2 {
            guard let s = lengths(k, c[1], upTo: elements.count) else { return nil }
            sizes = s
        }
        // Distinct elements (by first occurrence) with their multiplicities.
        var distinct: [Expr] = []
        var counts: [Int] = []
        var index: [Expr: Int] = [:]
        for x in elements {
            if let i = index[x] { counts[i] += 1 } else { index[x] = distinct.count; distinct.append(x); counts.append(1) }
        }
        var result: [Expr] = []
        var current: [Expr] = []
        func extend(_ size: Int) {
            if current.count == size { result.append(Expr(head: head, current)); return }
            for i in distinct.indices where counts[i] > 0 {
                counts[i] -= 1
                current.append(distinct[i])
                extend(size)
                current.removeLast()
                counts[i] += 1
            }
        }
        for size in sizes where size <= elements.count { extend(size) }
        return Expr(k.sys.List, result)
    }

    static func subsequences(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom { return nil }
        let n = e.length
        var sizes = Array(0...n)
        if c.count == 2 {
            guard let s = lengths(k, c[1], upTo: n) else { return nil }
            sizes = s
        }
        var result: [Expr] = []
        for size in sizes where size <= n {
            for start in 0...(n - size) { result.append(k.selectRun(e, from: start, to: start + size)) }
        }
        return Expr(k.sys.List, result)
    }
}
