// Making lists: Range, Table, Array, ConstantArray, and List itself (which drops Nothing).
//
// Numbers come back packed where Mathematica packs them: Range always (machine integers or reals),
// ConstantArray of a machine number, and Table/Array results of at least 250 machine numbers or of
// equal packed rows. Exact steps (Range[0, 1, 1/3]) and symbolic bounds give ordinary lists.

import BigInt
import TesseraCore
import TesseraExpr
import TesseraStorage

enum ConstructionBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("List", attributes: [.locked, .protected], list),
        BuiltinSpec("Nothing", attributes: [.protected]),
        BuiltinSpec("Range", attributes: [.listable, .protected],
                    messages: ["range": "Range specification in `1` does not have appropriate bounds."], range),
        BuiltinSpec("Table", attributes: [.holdAll, .protected], table_),
        BuiltinSpec("Array", messages: ["ilsmn": "Single or list of non-negative machine-sized integers expected at position `2` of `1`."], array),
        BuiltinSpec("ConstantArray", constantArray),
    ]

    /// Results of Table and Array pack from this length on (Mathematica's compile length).
    static let packLength = 250

    /// `{a, Nothing, b}` is `{a, b}`.
    static func list(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let nothing = k.symbol("Nothing")
        guard c.arguments.contains(where: { $0.isSymbol(nothing) }) else { return nil }
        return Expr(k.sys.List, c.arguments.filter { !$0.isSymbol(nothing) })
    }

    // MARK: Range

    static func range(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let start = c.count >= 2 ? c[0] : .integer(1)
        let end = c.count >= 2 ? c[1] : c[0]
        let step = c.count == 3 ? c[2] : .integer(1)
        if case .integer(let a) = start, case .integer(let b) = end, case .integer(let s) = step {
            guard s != 0 else { return k.fail(c, "range", c.expr) }
            let count = try elementCount(k, from: a, to: b, by: s)
            var p = try k.packedZeros(.integer, [count])
            _ = p.isUniquelyOwned()
            let out = p.integers
            for i in 0..<count { out[i] = a + i * s }
            return .packed(p)
        }
        let isReal: (Expr) -> Bool = { if case .real = $0 { return true } else { return false } }
        if isReal(start) || isReal(end) || isReal(step),
           let a = NumberOrder.approximate(start), let b = NumberOrder.approximate(end),
           let s = NumberOrder.approximate(step), start.isNumber, end.isNumber, step.isNumber {
            guard s != 0, a.isFinite, b.isFinite, s.isFinite else { return k.fail(c, "range", c.expr) }
            let raw = (b - a) / s
            let count = raw < 0 ? 0 : try elementCount(k, steps: raw + 1e-10 * Swift.max(1, abs(raw)))
            let p = try k.packedZeros(.real, [count])
            let out = p.reals
            for i in 0..<count { out[i] = a + Double(i) * s }
            return .packed(p)
        }
        // Exact or symbolic: start + k step while the number of steps is a number.
        let steps = try k.evaluate(Expr(k.sys.Times, Expr(k.sys.Plus, end, Expr(k.sys.Times, .integer(-1), start)),
                                        Expr(k.sys.Power, step, .integer(-1))))
        guard let raw = NumberOrder.approximate(steps), raw.isFinite, !step.isSymbol(k.sys.ComplexInfinity) else {
            if step == .integer(0) || step == .real(0) { return k.fail(c, "range", c.expr) }
            return nil
        }
        let count = raw < 0 ? 0 : try elementCount(k, steps: raw + 1e-12)
        var values: [Expr] = []
        values.reserveCapacity(count)
        for i in 0..<count {
            values.append(try k.evaluate(Expr(k.sys.Plus, start, Expr(k.sys.Times, .integer(i), step))))
        }
        return Expr(k.sys.List, values)
    }

    /// The length of Range[a, b, s] (s != 0), checked so that Range[-2^62, 2^62] or Range[10^13]
    /// ends in General::nomem instead of an overflow trap or an attempt to fill the machine.
    private static func elementCount(_ k: Kernel, from a: Int, to b: Int, by s: Int) throws(Interrupt) -> Int {
        guard s > 0 ? b >= a : a >= b else { return 0 }
        let (span, overflow) = s > 0 ? b.subtractingReportingOverflow(a) : a.subtractingReportingOverflow(b)
        guard !overflow else { return try elementCount(k, steps: (Double(b) - Double(a)) / Double(s)) }
        let steps = Int(UInt(span) / s.magnitude)
        guard steps < Int.max else { return try elementCount(k, steps: Double(steps)) }
        try k.allocating { () throws(PackedStorageError) in try PackedArray.checkAllocatable(.integer, [steps + 1]) }
        return steps + 1
    }

    /// `floor(steps) + 1` elements of at least 8 bytes each (a packed real, or an expression).
    private static func elementCount(_ k: Kernel, steps: Double) throws(Interrupt) -> Int {
        let count = steps.rounded(.down) + 1
        guard count * 8 <= Double(PackedBuffer.allocationLimit) else {
            throw k.abort(for: .outOfMemory(bytes: count * 8 < 0x1p63 ? Int(count * 8) : Int.max))
        }
        return Int(count)
    }

    // MARK: Table

    static func table_(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, nil) else { return nil }
        if c.count == 1 { return try k.evaluate(c[0]) }
        var failed = false
        let result = try tableLevel(k, c, 1, failed: &failed)
        return failed ? nil : result
    }

    private static func tableLevel(_ k: Kernel, _ c: Call, _ position: Int, failed: inout Bool) throws(Interrupt) -> Expr {
        guard let spec = try k.iterator(c[position], call: c, position: position + 1) else {
            failed = true
            return c.expr
        }
        let last = position == c.count - 1
        if last, spec.values.count >= 250, let filled = try fillTyped(k, c[0], spec) { return filled }
        var elements: [Expr] = []
        elements.reserveCapacity(spec.values.count)
        var innerFailed = false
        try k.iterate(spec) { (_: Int) throws(Interrupt) -> Bool in
            if last {
                elements.append(try k.evaluate(c[0]))
            } else {
                elements.append(try tableLevel(k, c, position + 1, failed: &innerFailed))
                if innerFailed { return false }
                // Rows of a Table are nearly always alike: when as many as the first can never fit,
                // say so now rather than fill the machine row by row.
                if elements.count == 1, case .packed(let row) = elements[0] {
                    try k.allocating { () throws(PackedStorageError) in
                        try PackedArray.checkAllocatable(row.type, [spec.values.count] + row.dimensions)
                    }
                }
            }
            return true
        }
        if innerFailed { failed = true; return c.expr }
        return k.packedList(elements)
    }

    /// The innermost level of a long Table whose values are all machine reals or all machine
    /// integers, written straight into a packed array (no expression per element). Falls back
    /// (nil) as soon as a value of another kind appears; the values seen so far are kept.
    private static func fillTyped(_ k: Kernel, _ body: Expr, _ spec: IteratorSpec) throws(Interrupt) -> Expr? {
        let n = spec.values.count
        // A machine number evaluates to itself whatever the iterator's value: fill without evaluating.
        if n > 0, case .real(let d) = body {
            let r = try k.packedUninitialized(.real, [n])
            r.reals.update(repeating: d)
            return .packed(r)
        }
        if n > 0, case .integer(let v) = body {
            let a = try k.packedUninitialized(.integer, [n])
            a.integers.update(repeating: v)
            return .packed(a)
        }
        var reals: PackedArray? = nil
        var integers: PackedArray? = nil
        var fallback: [Expr]? = nil
        try k.iterate(spec) { (i: Int) throws(Interrupt) -> Bool in
            let value = try k.evaluate(body)
            if fallback != nil { fallback!.append(value); return true }
            switch value {
            case .real(let d) where integers == nil:
                if reals == nil { reals = try k.packedUninitialized(.real, [n]) }
                if let r = reals { r.reals[i] = d; return true }
            case .integer(let v) where reals == nil:
                if integers == nil { integers = try k.packedUninitialized(.integer, [n]) }
                if let a = integers { a.integers[i] = v; return true }
            default:
                break
            }
            var seen: [Expr] = []
            seen.reserveCapacity(n)
            if let r = reals { for j in 0..<i { seen.append(.real(r.reals[j])) } }
            if let a = integers { for j in 0..<i { seen.append(.integer(a.integers[j])) } }
            seen.append(value)
            fallback = seen
            reals = nil
            integers = nil
            return true
        }
        if let fallback { return k.packedList(fallback) }
        if let r = reals { return .packed(r) }
        if let a = integers { return .packed(a) }
        return nil
    }

    // MARK: Array

    static func array(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 4) else { return nil }
        let f = c[0]
        var dims: [Int] = []
        if case .integer(let n) = c[1], n >= 0 {
            dims = [n]
        } else if c[1].isList(k.sys), c[1].arguments.allSatisfy({ if case .integer(let n) = $0 { return n >= 0 } else { return false } }) {
            dims = c[1].arguments.compactMap(\.asInt)
        } else {
            return k.fail(c, "ilsmn", c.expr, .integer(2))
        }
        // Index values per level: origin + (i - 1), or a subdivision of {a, b}.
        var indexValues: [[Expr]] = []
        for (level, n) in dims.enumerated() {
            var origin: Expr = .integer(1)
            if c.count >= 3 {
                let r = c[2]
                if dims.count > 1, r.isList(k.sys), r.length == dims.count {
                    origin = r.arguments[level]
                } else {
                    origin = r
                }
            }
            var values: [Expr] = []
            values.reserveCapacity(n)
            for i in 0..<n {
                if origin.isList(k.sys), origin.length == 2 {
                    let a = origin.arguments[0], b = origin.arguments[1]
                    if n == 1 { values.append(a); continue }
                    let fraction = Expr.rational(BigInt(i), over: BigInt(n - 1)) ?? .integer(0)
                    let width = Expr(k.sys.Plus, b, Expr(k.sys.Times, .integer(-1), a))
                    values.append(try k.evaluate(Expr(k.sys.Plus, a, Expr(k.sys.Times, width, fraction))))
                } else if case .integer(let o) = origin {
                    values.append(.integer(o + i))
                } else {
                    values.append(try k.evaluate(Expr(k.sys.Plus, origin, .integer(i))))
                }
            }
            indexValues.append(values)
        }
        let head: Expr = c.count == 4 ? c[3] : .symbol(k.sys.List)
        func build(_ level: Int, _ indices: [Expr]) throws(Interrupt) -> Expr {
            if level == dims.count { return try k.evaluate(Expr(head: f, indices)) }
            var elements: [Expr] = []
            elements.reserveCapacity(dims[level])
            for i in 0..<dims[level] {
                elements.append(try build(level + 1, indices + [indexValues[level][i]]))
            }
            if head.isSymbol(k.sys.List) { return k.packedList(elements) }
            return try k.evaluate(Expr(head: head, elements))
        }
        return try build(0, [])
    }

    // MARK: ConstantArray

    static func constantArray(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        var dims: [Int] = []
        if case .integer(let n) = c[1], n >= 0 {
            dims = [n]
        } else if c[1].isList(k.sys), c[1].arguments.allSatisfy({ if case .integer(let n) = $0 { return n >= 0 } else { return false } }) {
            dims = c[1].arguments.compactMap(\.asInt)
        } else {
            return nil
        }
        if dims.isEmpty { return c[0] }
        let value = c[0]
        switch value {
        case .integer(let v):
            let p = try k.packedZeros(.integer, dims)
            if v != 0 { let out = p.integers; for i in out.indices { out[i] = v } }
            return .packed(p)
        case .real(let v):
            let p = try k.packedZeros(.real, dims)
            if v != 0 { let out = p.reals; for i in out.indices { out[i] = v } }
            return .packed(p)
        case .complex(.real(let re), .real(let im)):
            let p = try k.packedZeros(.complex, dims)
            let out = p.complexes
            for i in out.indices { out[i] = ComplexDouble(re, im) }
            return .packed(p)
        case .packed(let row):
            let p = try k.packedZeros(row.type, dims + row.dimensions)
            let bytes = row.byteCount
            if bytes > 0 {
                for i in 0..<(p.byteCount / bytes) {
                    (p.baseAddress + i * bytes).copyMemory(from: row.baseAddress, byteCount: bytes)
                }
            }
            return .packed(p)
        default:
            func build(_ level: Int) -> Expr {
                if level == dims.count { return value }
                let element = build(level + 1)
                return Expr(k.sys.List, Array(repeating: element, count: dims[level]))
            }
            return build(0)
        }
    }
}

extension Kernel {
    /// A list of evaluated elements: packed when they are equal packed rows, or at least
    /// `ConstructionBuiltins.packLength` machine numbers of one type.
    public func packedList(_ elements: [Expr]) -> Expr {
        if let first = elements.first {
            if case .packed = first {
                if let p = packed(from: elements, allowMixed: false) { return .packed(p) }
            } else if elements.count >= ConstructionBuiltins.packLength, first.isNumber,
                      let p = packed(from: elements, allowMixed: false) {
                return .packed(p)
            }
        }
        return Expr(sys.List, elements)
    }
}
