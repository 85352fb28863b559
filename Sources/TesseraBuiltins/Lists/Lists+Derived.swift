// List functions defined by a short formula over other builtins: Discard, RankedMax, RankedMin,
// PositionIndex, Normalize, Subdivide, NumericalOrder. Where the formula is an expression (`v/Norm[v]`), it is built and
// evaluated, so exact and symbolic inputs come out in the arithmetic's own forms.

import TesseraCore
import TesseraExpr

enum DerivedListBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Discard", discard),
        BuiltinSpec("RankedMax", { k, c throws(Interrupt) in try ranked(k, c, largest: true) }),
        BuiltinSpec("RankedMin", { k, c throws(Interrupt) in try ranked(k, c, largest: false) }),
        BuiltinSpec("PositionIndex", positionIndex),
        BuiltinSpec("Normalize", normalize),
        BuiltinSpec("Subdivide", subdivide),
        BuiltinSpec("NumericalOrder", numericalOrder),
    ]

    /// The elements of a list, or the values of an association.
    private static func elements(_ k: Kernel, _ e: Expr) -> [Expr]? {
        if let rules = AssociationBuiltins.rules(k, e) { return rules.map(AssociationBuiltins.value) }
        return e.isList(k.sys) ? e.arguments : nil
    }

    /// `Discard[list, crit]`: the elements for which crit does not give True; with n, at most n are
    /// dropped.
    static func discard(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 || c.count == 3, c[0].isList(k.sys) else { return nil }
        var limit = Int.max
        if c.count == 3 {
            guard case .integer(let n) = c[2], n >= 0 else { return nil }
            limit = n
        }
        var kept: [Expr] = []
        var dropped = 0
        for element in c[0].arguments {
            if dropped < limit, try k.evaluate(Expr(head: c[1], [element])).isSymbol(k.sys.True) {
                dropped += 1
            } else {
                kept.append(element)
            }
        }
        return Expr(k.sys.List, kept)
    }

    /// The nth largest (smallest) element; negative n counts from the other end.
    static func ranked(_ k: Kernel, _ c: Call, largest: Bool) throws(Interrupt) -> Expr? {
        guard c.count == 2, let values = elements(k, c[0]), case .integer(let n) = c[1], n != 0,
              abs(n) <= values.count else { return nil }
        let sorted = try k.evaluate(Expr(k.sys.Sort, Expr(k.sys.List, values)))
        guard sorted.isList(k.sys) else { return nil }
        let position = largest ? -n : n
        return sorted.arguments[position > 0 ? position - 1 : sorted.arguments.count + position]
    }

    /// Each distinct element (or association value) with the positions (or keys) where it occurs.
    static func positionIndex(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        let pairs: [(value: Expr, where: Expr)]
        if let rules = AssociationBuiltins.rules(k, c[0]) {
            pairs = rules.map { (AssociationBuiltins.value($0), AssociationBuiltins.key($0)) }
        } else if c[0].isList(k.sys) {
            pairs = c[0].arguments.enumerated().map { ($1, .integer($0 + 1)) }
        } else {
            return nil
        }
        var order: [Expr] = []
        var positions: [Expr: [Expr]] = [:]
        for (value, place) in pairs {
            if positions[value] == nil { order.append(value) }
            positions[value, default: []].append(place)
        }
        return Expr(k.sys.Association, order.map { Expr(k.sys.Rule, $0, Expr(k.sys.List, positions[$0]!)) })
    }

    /// `Subdivide[n]`, `Subdivide[xmax, n]`, `Subdivide[xmin, xmax, n]`: the n + 1 points
    /// xmin (n - k)/n + xmax k/n (each built and evaluated, so exact, symbolic and list end points
    /// come out in the arithmetic's forms). n may be a real with an integer value.
    static func subdivide(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard (1...3).contains(c.count) else { return nil }
        let count: Int
        switch c[c.count - 1] {
        case .integer(let n) where n > 0: count = n
        case .real(let d) where d >= 1 && d.rounded() == d && d < 1e9: count = Int(d)
        default: return nil
        }
        let sys = k.sys
        var points: [Expr] = []
        points.reserveCapacity(count + 1)
        for j in 0...count {
            guard let weight = Expr.rational(j, over: count), let rest = Expr.rational(count - j, over: count) else { return nil }
            let point: Expr
            switch c.count {
            case 1: point = weight
            case 2: point = Expr(sys.Times, c[0], weight)
            default: point = Expr(sys.Plus, Expr(sys.Times, c[0], rest), Expr(sys.Times, c[1], weight))
            }
            points.append(try k.evaluate(point))
        }
        return k.packedList(points)
    }

    /// 1 when a comes before b by numerical value, -1 after, 0 for equal values; what is not a
    /// numeric quantity goes in canonical order (as `Order`).
    static func numericalOrder(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else { return nil }
        if NumericValue.isNumeric(k, c[0]), NumericValue.isNumeric(k, c[1]),
           let a = NumericValue.machine(k, c[0]), let b = NumericValue.machine(k, c[1]), a.im == 0, b.im == 0 {
            return .integer(a.re < b.re ? 1 : (a.re > b.re ? -1 : 0))
        }
        return .integer(-k.canonicalCompare(c[0], c[1]))
    }

    /// `v / Norm[v]` (or `v / f[v]`); a zero vector stays as it is.
    static func normalize(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2 else { return nil }
        let norm = try k.evaluate(Expr(head: c.count == 2 ? c[1] : .symbol(k.symbol("Norm")), [c[0]]))
        if norm.hasHead(k.symbol("Norm")) { return nil }
        if norm.isNumber && NumberArithmetic.isZero(norm) { return c[0] }
        return try k.evaluate(Expr(k.sys.Times, c[0], Expr(k.sys.Power, norm, .integer(-1))))
    }
}
