// Listable numeric builtins keep packed arrays packed.
//
// The evaluator threads a Listable function over its list arguments and builds an ordinary list of
// the results, which unpacks `Mod[Range[10], 3]` although every result is a machine integer. Builtins
// with a packed kernel of their own (Plus, Power, Round of reals...) answer before that; for the rest,
// `keepingPacked` adapts their rows: when the builtin declines a call with a packed argument, the
// adapter threads the call itself and packs the results if they are machine numbers of one type, as
// Mathematica's `Developer`PackedArrayQ[Mod[Range[10], 3]]` says they are. Anything else (big
// integers, exact symbols such as `Sqrt[2]`, mixed integers and reals) comes back as the ordinary list
// the evaluator's threading would have built.

import TesseraCore
import TesseraExpr
import TesseraStorage

enum PackedThreading {
    /// The rows of `table` that are Listable NumericFunctions, adapted (see the file comment); Flat
    /// functions (Plus, Times) are left alone: they pack through their own kernels, on the hottest path.
    static func keepingPacked(_ table: [BuiltinSpec]) -> [BuiltinSpec] {
        table.map { row in
            let a = row.attributes
            guard a.contains(.listable), a.contains(.numericFunction), !a.contains(.flat) else { return row }
            return row.adapted(adapter)
        }
    }

    static let adapter = BuiltinAdapter { _, original in
        { k, c throws(Interrupt) in
            if let result = try original(k, c) { return result }
            guard c.arguments.contains(where: { if case .packed = $0 { return true }; return false }) else { return nil }
            if let result = try integerKernel(k, c) { return result }
            return try thread(k, c)
        }
    }

    /// `Mod[a, n]`, `Quotient[a, n]` of a packed integer array by a nonzero machine integer, and
    /// `Sign` of a packed integer or real array, in one loop: threading them costs about 300 ns an
    /// element, these a nanosecond. Nil for any other call (the general path decides, and says the
    /// messages, e.g. for a zero divisor).
    private static func integerKernel(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        switch (c.head.name, c.arguments.count) {
        case ("Mod", 2), ("Quotient", 2):
            // Not n = -1: Int.min / -1 overflows (the general path gives the big integer).
            guard case .packed(let a) = c[0], a.type == .integer, case .integer(let n) = c[1], n != 0, n != -1 else { return nil }
            let out = try k.packedUninitialized(.integer, a.dimensions)
            let source = a.integers, target = out.integers
            if c.head.name == "Mod" {
                for i in 0..<source.count {
                    let r = source[i] % n
                    target[i] = r != 0 && (r < 0) != (n < 0) ? r + n : r
                }
            } else {
                for i in 0..<source.count {
                    let q = source[i] / n
                    target[i] = source[i] % n != 0 && (source[i] < 0) != (n < 0) ? q - 1 : q
                }
            }
            return .packed(out)
        case ("Sign", 1):
            guard case .packed(let a) = c[0], a.type != .complex else { return nil }
            let out = try k.packedUninitialized(.integer, a.dimensions)
            let target = out.integers
            if a.type == .integer {
                for (i, v) in a.integers.enumerated() { target[i] = v.signum() }
            } else {
                for (i, v) in a.reals.enumerated() {
                    guard !v.isNaN else { return nil }
                    target[i] = v > 0 ? 1 : v < 0 ? -1 : 0
                }
            }
            return .packed(out)
        default:
            return nil
        }
    }

    /// `f[args...]` threaded over its list arguments and evaluated element by element, packed when the
    /// results allow; nil when the lists differ in length (the evaluator's threading then says so).
    private static func thread(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let lists = c.arguments.map { $0.isList(k.sys) ? $0.arguments : nil }
        guard let length = lists.first(where: { $0 != nil })??.count,
              lists.allSatisfy({ $0 == nil || $0!.count == length }) else { return nil }
        var results: [Expr] = []
        results.reserveCapacity(length)
        for i in 0..<length {
            let arguments = c.arguments.indices.map { lists[$0]?[i] ?? c.arguments[$0] }
            results.append(try k.evaluate(Expr(c.head, arguments)))
        }
        if let packed = k.packed(from: results, allowMixed: false) { return .packed(packed) }
        return Expr(k.sys.List, results)
    }
}
