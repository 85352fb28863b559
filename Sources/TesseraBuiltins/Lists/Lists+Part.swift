// Reading parts: Part (`e[[i, j, ...]]`) and Extract.
//
// A part specification is read one level at a time: an index (negative counts from the end, 0 is
// the head), a list of indices, `All`, a `Span` with an optional step, or, on an association, a key
// (`"k"` or `Key[k]`). The result keeps the head of the expression it was taken from, so
// `f[a, b, c][[{1, 3}]]` is `f[a, c]`. Packed arrays are answered without unpacking: a single row or
// a span of rows is a view that shares the buffer, any other selection is gathered into a new packed
// array. A part that does not exist issues Mathematica's message and leaves the call unevaluated.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum PartBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Part", attributes: [.nHoldRest, .protected, .readProtected], part).adapted(SparseArrays.keepingSparse).adapted(ArrayAtomViews.rewrappedListView),
        BuiltinSpec("Span", attributes: [.protected]),
        BuiltinSpec("Extract", attributes: [.nHoldRest, .protected], curried: extractOperator, extract).adapted(SparseArrays.normalizing),
    ]

    static func part(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 1 else { return nil }
        if c.count == 1 { return c[0] }
        var reader = PartReader(kernel: k, reportAs: k.sys.Part, whole: c.expr)
        return reader.read(c[0], c.arguments[1...])
    }

    static func extract(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let wrap: Expr? = c.count == 3 ? c[2] : nil
        var reader = PartReader(kernel: k, reportAs: c.head, whole: c.expr)
        func one(_ position: Expr) -> Expr? {
            let specs = position.isList(k.sys) ? position.arguments : [position]
            guard let value = reader.read(c[0], specs[...]) else { return nil }
            if let wrap { return Expr(head: wrap, [value]) }
            return value
        }
        let position = c[1]
        if position.isList(k.sys), position.length > 0,
           position.arguments.allSatisfy({ $0.isList(k.sys) }) {
            var values: [Expr] = []
            for p in position.arguments {
                guard let v = one(p) else { return nil }
                values.append(v)
            }
            return Expr(k.sys.List, values)
        }
        return one(position)
    }

    /// `Extract[pos][e]` is `Extract[e, pos]`.
    static func extractOperator(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let inner = c.expr.asNormal?.head.asNormal, inner.arguments.count == 1 else { return nil }
        return Expr(c.head, [c[0], inner.arguments[0]])
    }
}

/// Reads `e[[specs...]]`; nil after a message when a part does not exist.
struct PartReader {
    let kernel: Kernel
    /// The symbol whose messages are issued (Part, Extract...).
    let reportAs: Symbol
    /// The whole call, for Part::partd.
    let whole: Expr

    var sys: SystemSymbols { kernel.sys }

    mutating func read(_ e: Expr, _ specs: ArraySlice<Expr>) -> Expr? {
        guard let spec = specs.first else { return e }
        let rest = specs.dropFirst()
        if e.hasHead(sys.Association), let result = readAssociation(e, spec, rest) { return result }
        if case .integer(let i) = spec {
            if i == 0 { return read(e.head(sys), rest) }
            if e.isAtom {
                kernel.message(reportAs, "partd", whole)
                return nil
            }
            let n = e.length
            let index = i < 0 ? n + i : i - 1
            guard index >= 0, index < n else {
                kernel.message(reportAs, "partw", spec, e)
                return nil
            }
            switch e {
            case .packed(let p): return read(p.part(index), rest)
            case .normal(let normal): return read(normal.arguments[index], rest)
            default: return nil
            }
        }
        if e.isAtom {
            if spec.isSymbol(sys.All) || spec.hasHead(sys.Span) || spec.isList(sys) {
                kernel.message(reportAs, "partd", whole)
                return nil
            }
            kernel.message(reportAs, "pkspec1", spec)
            return nil
        }
        let n = e.length
        var indices: [Int]
        if spec.isSymbol(sys.All) {
            if rest.isEmpty { return e }
            indices = Array(0..<n)
        } else if spec.hasHead(sys.Span) {
            guard let span = spanIndices(spec, length: n, in: e) else { return nil }
            if case .packed(let p) = e, rest.isEmpty, span.step == 1 {
                return .packed(p.slices(span.indices.first ?? 0, (span.indices.last ?? -1) + 1))
            }
            indices = span.indices
        } else if spec.isList(sys) {
            indices = []
            indices.reserveCapacity(spec.length)
            for s in spec.arguments {
                guard case .integer(let i) = s else {
                    kernel.message(reportAs, "pkspec1", spec)
                    return nil
                }
                let index = i < 0 ? n + i : i - 1
                guard index >= 0, index < n else {
                    kernel.message(reportAs, "partw", s, e)
                    return nil
                }
                indices.append(index)
            }
        } else {
            kernel.message(reportAs, "pkspec1", spec)
            return nil
        }
        switch e {
        case .packed(let p):
            var parts: [Expr] = []
            parts.reserveCapacity(indices.count)
            for index in indices {
                guard let v = read(p.part(index), rest) else { return nil }
                parts.append(v)
            }
            if let packed = kernel.packed(from: parts, allowMixed: false) { return .packed(packed) }
            return Expr(sys.List, parts)
        case .normal(let normal):
            var parts: [Expr] = []
            parts.reserveCapacity(indices.count)
            for index in indices {
                guard let v = read(normal.arguments[index], rest) else { return nil }
                parts.append(v)
            }
            return Expr(head: normal.head, parts)
        default:
            return nil
        }
    }

    /// 0-based indices of a `Span` over `length` elements; nil after Part::take.
    mutating func spanIndices(_ span: Expr, length n: Int, in e: Expr) -> (indices: [Int], step: Int)? {
        let parts = span.arguments
        guard parts.count == 2 || parts.count == 3 else {
            kernel.message(reportAs, "pkspec1", span)
            return nil
        }
        var step = 1
        if parts.count == 3 {
            guard case .integer(let s) = parts[2], s != 0 else {
                kernel.message(reportAs, "pkspec1", span)
                return nil
            }
            step = s
        }
        func bound(_ b: Expr, _ all: Int) -> Int? {
            if b.isSymbol(sys.All) { return all }
            if case .integer(let i) = b { return i < 0 ? n + i + 1 : i }
            return nil
        }
        let reverseAll = step < 0 && parts[0] == .integer(1) && parts[1].isSymbol(sys.All)
        guard var start = bound(parts[0], step > 0 ? 1 : n), var end = bound(parts[1], step > 0 ? n : 1) else {
            kernel.message(reportAs, "pkspec1", span)
            return nil
        }
        if reverseAll { start = n; end = 1 }
        let ok = step > 0
            ? start >= 1 && start <= n + 1 && end >= 0 && end <= n && start <= end + 1
            : start >= 0 && start <= n && end >= 1 && end <= n + 1 && start >= end - 1
        guard ok else {
            kernel.message(reportAs, "take", parts[0], parts[1], e)
            return nil
        }
        var indices: [Int] = []
        var i = start
        while step > 0 ? i <= end : i >= end {
            indices.append(i - 1)
            i += step
        }
        return (indices, step)
    }

    /// Parts of an association: keys select values; indices, lists and spans keep the association.
    mutating func readAssociation(_ e: Expr, _ spec: Expr, _ rest: ArraySlice<Expr>) -> Expr? {
        let rules = e.arguments
        var key: Expr? = nil
        if case .string = spec { key = spec }
        if spec.hasHead(kernel.symbol("Key")), spec.length == 1 { key = spec.arguments[0] }
        if let key {
            for rule in rules where rule.arguments.first == key {
                return read(rule.arguments[1], rest)
            }
            return Expr(sys.Missing, .string("KeyAbsent"), key)
        }
        let n = rules.count
        if case .integer(let i) = spec, i != 0 {
            let index = i < 0 ? n + i : i - 1
            guard index >= 0, index < n else {
                kernel.message(reportAs, "partw", spec, e)
                return nil
            }
            return read(rules[index].arguments.last ?? e, rest)
        }
        var indices: [Int] = []
        if spec.isSymbol(sys.All) {
            indices = Array(0..<n)
        } else if spec.hasHead(sys.Span) {
            guard let span = spanIndices(spec, length: n, in: e) else { return nil }
            indices = span.indices
        } else if spec.isList(sys) {
            for s in spec.arguments {
                if case .integer(let i) = s {
                    let index = i < 0 ? n + i : i - 1
                    guard index >= 0, index < n else {
                        kernel.message(reportAs, "partw", s, e)
                        return nil
                    }
                    indices.append(index)
                } else {
                    return nil
                }
            }
        } else {
            return nil
        }
        var result: [Expr] = []
        for index in indices {
            let rule = rules[index]
            guard let n = rule.asNormal, n.arguments.count == 2, let v = read(n.arguments[1], rest) else { return nil }
            result.append(Expr(head: n.head, [n.arguments[0], v]))
        }
        return Expr(sys.Association, result)
    }
}
