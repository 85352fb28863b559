// Taking and dropping runs of elements: Length, First, Last, Rest, Most, Take, Drop, TakeDrop,
// TakeWhile, LengthWhile, TakeList.
//
// Take and Drop share one reading of sequence specifications (`n`, `-n`, `{n}`, `{m, n}`,
// `{m, n, s}`, `All`, `None`, `UpTo[n]`), one level per specification. A contiguous run of a packed
// array is a view of its buffer; other selections keep the expression's head.

import TesseraCore
import TesseraExpr
import TesseraStorage

/// A resolved sequence specification: 1-based, inclusive bounds and a non-zero step.
struct SequenceRange {
    var start: Int
    var end: Int
    var step: Int

    /// 0-based indices selected.
    var indices: [Int] {
        var result: [Int] = []
        var i = start
        while step > 0 ? i <= end : i >= end {
            result.append(i - 1)
            i += step
        }
        return result
    }
}

enum SequenceSpecReading {
    case range(SequenceRange)
    /// Positions out of range; the two numbers as the message shows them.
    case outOfRange(Expr, Expr)
    case malformed
}

extension Kernel {
    /// Reads a sequence specification for an expression of length `n`.
    func sequenceSpec(_ spec: Expr, length n: Int, forDrop: Bool = false) -> SequenceSpecReading {
        func normalize(_ i: Int) -> Int { i < 0 ? n + i + 1 : i }
        func checked(_ r: SequenceRange, _ a: Expr, _ b: Expr) -> SequenceSpecReading {
            let ok: Bool
            if r.step > 0 {
                ok = r.start >= 1 && r.start <= n + 1 && r.end >= 0 && r.end <= n && r.start <= r.end + 1
            } else {
                ok = r.start >= 0 && r.start <= n && r.end >= 1 && r.end <= n + 1 && r.start >= r.end - 1
            }
            return ok ? .range(r) : .outOfRange(a, b)
        }
        switch spec {
        case .integer(let k):
            if k >= 0 { return checked(SequenceRange(start: 1, end: k, step: 1), .integer(1), spec) }
            return checked(SequenceRange(start: n + k + 1, end: n, step: 1), spec, .integer(-1))
        case .symbol(let s) where s === sys.All:
            return .range(SequenceRange(start: 1, end: n, step: 1))
        case .symbol(let s) where s === sys.None:
            return .range(SequenceRange(start: 1, end: 0, step: 1))
        default:
            break
        }
        if spec.hasHead(symbol("UpTo")), spec.length == 1 {
            if spec.arguments[0].isSymbol(sys.Infinity) { return .range(SequenceRange(start: 1, end: n, step: 1)) }
            guard case .integer(let k) = spec.arguments[0], k >= 0 else { return .malformed }
            return .range(SequenceRange(start: 1, end: Swift.min(k, n), step: 1))
        }
        var parts: [Expr]
        if spec.hasHead(sys.Span), spec.length == 2 || spec.length == 3 {
            parts = spec.arguments
            if parts[0].isSymbol(sys.All) { parts[0] = .integer(1) }
        } else if spec.isList(sys) {
            parts = spec.arguments
            if parts.isEmpty { return .range(SequenceRange(start: 1, end: 0, step: 1)) }
        } else {
            return .malformed
        }
        var numbers: [Int] = []
        for (i, p) in parts.enumerated() {
            guard case .integer(let v) = p else {
                if p.isSymbol(sys.All) && numbers.count == 1 { numbers.append(-1); continue }
                if i == 1, p.hasHead(symbol("UpTo")), case .integer(let m) = p.arguments.first ?? .symbol(sys.Null), m >= 0 {
                    numbers.append(Swift.min(m, n))
                    continue
                }
                return .malformed
            }
            numbers.append(v)
        }
        switch numbers.count {
        case 1:
            let i = normalize(numbers[0])
            guard i >= 1 && i <= n else { return .outOfRange(parts[0], parts[0]) }
            return .range(SequenceRange(start: i, end: i, step: 1))
        case 2, 3:
            let step = numbers.count == 3 ? numbers[2] : 1
            guard step != 0 else { return .malformed }
            let r = SequenceRange(start: normalize(numbers[0]), end: normalize(numbers[1]), step: step)
            return checked(r, parts[0], parts[1])
        default:
            return .malformed
        }
    }
}

enum SequenceBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Length", length).adapted(SparseArrays.normalizing).adapted(ArrayAtomViews.listView),
        BuiltinSpec("First", first).adapted(SparseArrays.normalizing).adapted(ArrayAtomViews.rewrappedListView),
        BuiltinSpec("Last", last).adapted(SparseArrays.normalizing).adapted(ArrayAtomViews.rewrappedListView),
        BuiltinSpec("Rest", rest).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("Most", most).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("Take", attributes: [.nHoldRest, .protected], take).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("Drop", attributes: [.nHoldRest, .protected], drop).adapted(SparseArrays.keepingSparse),
        BuiltinSpec("TakeDrop", takeDrop).adapted(SparseArrays.normalizing),
        BuiltinSpec("TakeWhile", takeWhile).adapted(SparseArrays.normalizing),
        BuiltinSpec("LengthWhile", lengthWhile).adapted(SparseArrays.normalizing),
        BuiltinSpec("TakeList", takeList).adapted(SparseArrays.normalizing),
        BuiltinSpec("UpTo"),
    ]

    /// `f[spec][e]` is `f[e, spec]`.
    static func operatorForm(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let inner = c.expr.asNormal?.head.asNormal, !inner.arguments.isEmpty else { return nil }
        return Expr(c.head, [c[0]] + inner.arguments)
    }

    static func length(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return .integer(c[0].length)
    }

    static func first(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try endElement(k, c, first: true)
    }

    static func last(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try endElement(k, c, first: false)
    }

    private static func endElement(_ k: Kernel, _ c: Call, first: Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let e = c[0]
        if e.isAtom {
            if c.count == 2 { return c[1] }
            return k.fail(c, "normal", .integer(1), c.expr)
        }
        let n = e.length
        if n == 0 {
            if c.count == 2 { return c[1] }
            return k.fail(c, first ? "nofirst" : "nolast", e)
        }
        let index = first ? 0 : n - 1
        switch e {
        case .packed(let p): return p.part(index)
        case .normal(let normal):
            let element = normal.arguments[index]
            if e.hasHead(k.sys.Association), element.length == 2 { return element.arguments[1] }
            return element
        default: return nil
        }
    }

    static func rest(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try dropEnd(k, c, fromFront: true)
    }

    static func most(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try dropEnd(k, c, fromFront: false)
    }

    private static func dropEnd(_ k: Kernel, _ c: Call, fromFront: Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let e = c[0]
        if e.isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        let n = e.length
        if n == 0 { return k.fail(c, fromFront ? "norest" : "nomost", e) }
        return k.selectRun(e, from: fromFront ? 1 : 0, to: fromFront ? n : n - 1)
    }

    // MARK: Take and Drop

    static func take(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        // With no sequence specification the whole expression is taken (and nothing dropped).
        if c.count == 1, !c[0].isAtom { return c[0] }
        guard k.checkCount(c, 2, nil) else { return nil }
        return try takeOrDrop(k, c, drop: false)
    }

    static func drop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 1, !c[0].isAtom { return c[0] }
        guard k.checkCount(c, 2, nil) else { return nil }
        return try takeOrDrop(k, c, drop: true)
    }

    static func takeOrDrop(_ k: Kernel, _ c: Call, drop: Bool) throws(Interrupt) -> Expr? {
        let specs = c.arguments[1...]
        for (i, spec) in specs.enumerated() {
            if case .malformed = k.sequenceSpec(spec, length: 0) {
                return k.fail(c, "seqs", c.expr, .integer(i + 2))
            }
        }
        if c[0].isAtom { return k.fail(c, "normal", .integer(1), c.expr) }
        var failed = false
        let result = try takeLevels(k, c, c[0], specs, drop: drop, failed: &failed)
        return failed ? nil : result
    }

    private static func takeLevels(_ k: Kernel, _ c: Call, _ e: Expr, _ specs: ArraySlice<Expr>, drop: Bool,
                                   failed: inout Bool) throws(Interrupt) -> Expr {
        guard let spec = specs.first else { return e }
        if e.isAtom {
            failed = true
            k.message(c.head, "normal", .integer(1), c.expr)
            return e
        }
        let n = e.length
        switch k.sequenceSpec(spec, length: n, forDrop: drop) {
        case .malformed:
            failed = true
            k.message(c.head, "seqs", c.expr, .integer(c.count - specs.count + 1))
            return e
        case .outOfRange(let a, let b):
            failed = true
            k.message(c.head, drop ? "drop" : "take", a, b, e)
            return e
        case .range(let r):
            let rest = specs.dropFirst()
            if rest.isEmpty && r.step == 1 && !drop {
                return k.selectRun(e, from: r.start - 1, to: r.end)
            }
            var indices = r.indices
            if drop {
                if r.step == 1 && rest.isEmpty {
                    return try k.joinRuns(e, [(0, r.start - 1), (r.end, n)])
                }
                let removed = Set(indices)
                indices = (0..<n).filter { !removed.contains($0) }
            }
            let parts = e.arguments
            var selected: [Expr] = []
            selected.reserveCapacity(indices.count)
            for i in indices {
                selected.append(try takeLevels(k, c, parts[i], rest, drop: drop, failed: &failed))
                if failed { return e }
            }
            return k.rebuild(e, selected)
        }
    }

    static func takeDrop(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let takeCall = Call(expr: Expr(k.symbol("Take"), c.arguments), head: k.symbol("Take"), arguments: c.arguments)
        let dropCall = Call(expr: Expr(k.symbol("Drop"), c.arguments), head: k.symbol("Drop"), arguments: c.arguments)
        guard let t = try takeOrDrop(k, takeCall, drop: false), let d = try takeOrDrop(k, dropCall, drop: true) else {
            return nil
        }
        return Expr(k.sys.List, t, d)
    }

    static func takeWhile(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, !c[0].isAtom else { return nil }
        let n = try leadingRun(k, c[0], c[1])
        return k.selectRun(c[0], from: 0, to: n)
    }

    static func lengthWhile(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, !c[0].isAtom else { return nil }
        return .integer(try leadingRun(k, c[0], c[1]))
    }

    private static func leadingRun(_ k: Kernel, _ e: Expr, _ test: Expr) throws(Interrupt) -> Int {
        var n = 0
        for element in e.arguments {
            guard try k.evaluate(Expr(head: test, [element])).isSymbol(k.sys.True) else { break }
            n += 1
        }
        return n
    }

    static func takeList(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2, !c[0].isAtom, c[1].isList(k.sys) else { return nil }
        var remaining = c[0]
        var pieces: [Expr] = []
        for spec in c[1].arguments {
            let n = remaining.length
            guard case .range(let r) = k.sequenceSpec(spec, length: n), r.step == 1 else {
                if case .outOfRange(let a, let b) = k.sequenceSpec(spec, length: n) {
                    k.message(c.head, "take", a, b, remaining)
                }
                return nil
            }
            pieces.append(k.selectRun(remaining, from: r.start - 1, to: r.end))
            remaining = try k.joinRuns(remaining, [(0, r.start - 1), (r.end, n)])
        }
        return Expr(k.sys.List, pieces)
    }
}

extension Kernel {
    /// Elements `from ..< to` (0-based) of `e` with its head; a view for packed arrays.
    func selectRun(_ e: Expr, from: Int, to: Int) -> Expr {
        switch e {
        case .packed(let p):
            if from == 0 && to == (p.dimensions.first ?? 0) { return e }
            return .packed(p.slices(from, Swift.max(from, to)))
        case .normal(let n):
            if from == 0 && to == n.arguments.count { return e }
            return Expr(head: n.head, from < to ? Array(n.arguments[from..<to]) : [])
        default:
            return e
        }
    }

    /// The runs `(from, to)` of `e` joined, with its head (a packed array stays packed).
    func joinRuns(_ e: Expr, _ runs: [(Int, Int)]) throws(Interrupt) -> Expr {
        switch e {
        case .packed(let p):
            let kept = runs.filter { $0.1 > $0.0 }
            if kept.count == 1 { return .packed(p.slices(kept[0].0, kept[0].1)) }
            let total = kept.reduce(0) { $0 + $1.1 - $1.0 }
            var dims = p.dimensions
            dims[0] = total
            let out = try packedZeros(p.type, dims)
            let rowBytes = p.sliceCount * p.type.stride
            var offset = 0
            for (a, b) in kept {
                (out.baseAddress + offset).copyMemory(from: p.baseAddress + a * rowBytes, byteCount: (b - a) * rowBytes)
                offset += (b - a) * rowBytes
            }
            return .packed(out)
        case .normal(let n):
            var parts: [Expr] = []
            for (a, b) in runs where b > a { parts.append(contentsOf: n.arguments[a..<b]) }
            return Expr(head: n.head, parts)
        default:
            return e
        }
    }

    /// `elements` under the head of `like`; packed again when `like` was packed and they allow it.
    func rebuild(_ like: Expr, _ elements: [Expr]) -> Expr {
        switch like {
        case .packed:
            if let p = packed(from: elements, allowMixed: false) { return .packed(p) }
            return Expr(sys.List, elements)
        case .normal(let n):
            return Expr(head: n.head, elements)
        default:
            return Expr(sys.List, elements)
        }
    }
}
