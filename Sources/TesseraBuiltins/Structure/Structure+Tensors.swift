// Tensor structure without numerics: Outer, Inner, Dot, IdentityMatrix, DiagonalMatrix, Tr.
//
// Dot contracts the last index of one tensor with the first of the next, as Inner[Times, ..., Plus].
// Packed real and complex matrices are multiplied by a plain loop over their buffers here.
// TODO(numerics): route packed Dot through BLAS (LinearAlgebraEngine.dot) once the numerics layer is
// a dependency of the builtins.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum TensorBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Outer", outer).adapted(SparseArrays.normalizing),
        BuiltinSpec("Inner", inner).adapted(SparseArrays.normalizing),
        BuiltinSpec("Dot", attributes: [.flat, .oneIdentity, .protected], dot).adapted(SparseArrays.normalizing),
        BuiltinSpec("IdentityMatrix", identityMatrix),
        BuiltinSpec("DiagonalMatrix", diagonalMatrix),
        BuiltinSpec("Tr", tr).adapted(SparseArrays.normalizing),
    ]

    // MARK: Outer

    static func outer(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 1 else { return nil }
        let f = c[0]
        var lists: [Expr] = []
        var levels: [Int] = []
        for a in c.arguments.dropFirst() {
            if case .integer(let n) = a, !lists.isEmpty { levels.append(n) } else { lists.append(a) }
        }
        if lists.isEmpty { return Expr(head: f, []) }
        let head = lists[0].head(k.sys)
        for (i, l) in lists.enumerated() {
            if l.isAtom { return nil }
            if l.head(k.sys) != head {
                return k.fail(c, "heads", head, l.head(k.sys), .integer(i + 2), .integer(2))
            }
        }
        if !levels.isEmpty && levels.count != lists.count { return nil }
        func depthLimit(_ i: Int) -> Int { levels.isEmpty ? Int.max : levels[i] }
        func walk(_ i: Int, _ collected: [Expr]) -> Expr {
            if i == lists.count { return Expr(head: f, collected) }
            func descend(_ x: Expr, _ level: Int) -> Expr {
                if level < depthLimit(i), !x.isAtom, x.head(k.sys) == head {
                    return k.rebuild(x, x.arguments.map { descend($0, level + 1) })
                }
                return walk(i + 1, collected + [x])
            }
            return descend(lists[i], 0)
        }
        let result = walk(0, [])
        if case .normal(let n) = result, head.isSymbol(k.sys.List) { return Expr(k.sys.List, n.arguments) }
        return result
    }

    // MARK: Inner, Dot

    static func inner(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 5) else { return nil }
        let g: Expr = c.count >= 4 ? c[3] : .symbol(k.sys.Plus)
        return innerProduct(k, c, c[0], c[1], c[2], g)
    }

    /// Contracts the last index of `a` with the first index of `b`.
    static func innerProduct(_ k: Kernel, _ c: Call, _ f: Expr, _ a: Expr, _ b: Expr, _ g: Expr) -> Expr? {
        guard !a.isAtom, !b.isAtom else { return nil }
        let da = k.arrayDimensions(a), db = k.arrayDimensions(b)
        guard let last = da.last, let first = db.first, last == first else {
            k.message(c.head, "incom", a, b)
            return nil
        }
        // Rows of a (all indices but the last) and columns of b (all but the first), recursively.
        func combine(_ x: Expr, _ xLevel: Int) -> Expr {
            if xLevel < da.count - 1 { return k.rebuild(x, x.arguments.map { combine($0, xLevel + 1) }) }
            let row = x.arguments
            func over(_ y: [Expr], _ yLevel: Int) -> Expr {
                if yLevel == db.count {
                    var terms: [Expr] = []
                    for (p, q) in zip(row, y) { terms.append(Expr(head: f, [p, q])) }
                    return Expr(head: g, terms)
                }
                let n = db[yLevel]
                var parts: [Expr] = []
                for j in 0..<n { parts.append(over(y.map { $0.arguments[j] }, yLevel + 1)) }
                return Expr(k.sys.List, parts)
            }
            return over(b.arguments, 1)
        }
        return combine(a, 0)
    }

    static func dot(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 0 { return .integer(1) }
        if c.count == 1 { return c[0] }
        guard c.arguments.allSatisfy({ $0.isList(k.sys) }) else { return nil }
        var result = c[0]
        for b in c.arguments.dropFirst() {
            if case .packed(let x) = result, case .packed(let y) = b, let product = try LinearAlgebraBuiltins.packedDot(k, x, y) {
                result = product
                continue
            }
            let da = k.arrayDimensions(result), db = k.arrayDimensions(b)
            guard let last = da.last, let first = db.first, last == first else {
                return k.fail(c, "dotsh", result, b)
            }
            guard let p = innerProduct(k, c, .symbol(k.sys.Times), result, b, .symbol(k.sys.Plus)) else { return nil }
            result = try k.evaluate(p)
        }
        return result
    }

    // MARK: Matrices

    static func identityMatrix(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var rows = 0, cols = 0
        if case .integer(let n) = c[0], n >= 0 { rows = n; cols = n }
        else if c[0].isList(k.sys), c[0].length == 2, case .integer(let m) = c[0].arguments[0],
                case .integer(let n) = c[0].arguments[1], m >= 0, n >= 0 { rows = m; cols = n }
        else { return nil }
        if rows == 0 || cols == 0 { return Expr(k.sys.List, []) }
        let out = try k.packedZeros(.integer, [rows, cols])
        for i in 0..<Swift.min(rows, cols) { out.integers[i * cols + i] = 1 }
        return .packed(out)
    }

    static func diagonalMatrix(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        guard c[0].isList(k.sys) else { return nil }
        var values = c[0].arguments
        var offset = 0
        if c.count >= 2 {
            guard case .integer(let o) = c[1] else { return nil }
            offset = o
        }
        var size = values.count + Swift.abs(offset)
        if c.count == 3 {
            guard case .integer(let n) = c[2], n >= 0 else { return nil }
            size = n
        }
        let anyReal = values.contains { if case .real = $0 { return true } else { return false } }
        var zero: Expr = .integer(0)
        if anyReal, values.allSatisfy({ $0.isNumber }) {
            var converted: [Expr] = []
            for v in values { converted.append(try k.evaluate(Expr(k.sys.N, v))) }
            values = converted
            zero = .real(0)
        }
        var rows: [Expr] = []
        for i in 0..<size {
            var row: [Expr] = []
            for j in 0..<size {
                let index = offset >= 0 ? i : j
                row.append(j - i == offset && index < values.count ? values[index] : zero)
            }
            rows.append(k.listExpr(row))
        }
        return k.listExpr(rows)
    }

    static func tr(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let e = c[0]
        guard e.isList(k.sys) else { return nil }
        let f: Expr = c.count >= 2 ? c[1] : .symbol(k.sys.Plus)
        let dims = k.arrayDimensions(e)
        guard !dims.isEmpty else { return nil }
        var depth = dims.count
        if c.count == 3 {
            guard case .integer(let n) = c[2], n >= 1 else { return nil }
            depth = Swift.min(n, dims.count)
        }
        let n = dims.prefix(depth).min() ?? 0
        var diagonal: [Expr] = []
        for i in 0..<n {
            var x = e
            for _ in 0..<depth { x = x.arguments[i] }
            diagonal.append(x)
        }
        return Expr(head: f, diagonal)
    }
}
