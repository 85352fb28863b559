// And, Or, Not, Xor, Nand, Nor, Implies, Equivalent, TrueQ, BooleanQ, Boole.
//
// And and Or evaluate their arguments in order and stop at the first deciding one (False for And,
// True for Or); the arguments that are neither True nor False remain, in order. Not of a
// comparison is the opposite comparison (!(a < b) is a >= b).

import TesseraCore
import TesseraExpr

enum BooleanBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("And", attributes: [.flat, .holdAll, .oneIdentity, .protected], { k, c throws(Interrupt) in
            try andOr(k, c, isAnd: true) }),
        BuiltinSpec("Or", attributes: [.flat, .holdAll, .oneIdentity, .protected], { k, c throws(Interrupt) in
            try andOr(k, c, isAnd: false) }),
        BuiltinSpec("Not", attributes: [.protected], not),
        BuiltinSpec("Xor", attributes: [.flat, .oneIdentity, .orderless, .protected], xor),
        BuiltinSpec("Xnor", attributes: [.orderless, .protected], xnor),
        BuiltinSpec("Nand", attributes: [.holdAll, .protected], { k, c throws(Interrupt) in try nandNor(k, c, isNand: true) }),
        BuiltinSpec("Nor", attributes: [.holdAll, .protected], { k, c throws(Interrupt) in try nandNor(k, c, isNand: false) }),
        BuiltinSpec("Implies", attributes: [.protected], implies),
        BuiltinSpec("Equivalent", attributes: [.orderless, .protected], equivalent),
        BuiltinSpec("TautologyQ", attributes: [.protected], { k, c throws(Interrupt) in
            try truthTable(k, c, all: true) }),
        BuiltinSpec("SatisfiableQ", attributes: [.protected], { k, c throws(Interrupt) in
            try truthTable(k, c, all: false) }),
        BuiltinSpec("TrueQ", attributes: [.protected], { k, c throws(Interrupt) in
            guard k.checkCount(c, 1, 1) else { return nil }
            return k.bool(c[0].isSymbol(k.sys.True))
        }),
        BuiltinSpec("BooleanQ", attributes: [.protected], { k, c throws(Interrupt) in
            guard k.checkCount(c, 1, 1) else { return nil }
            return k.bool(c[0].isSymbol(k.sys.True) || c[0].isSymbol(k.sys.False))
        }),
        BuiltinSpec("Boole", attributes: [.listable, .protected], { k, c throws(Interrupt) in
            guard k.checkCount(c, 1, 1) else { return nil }
            if c[0].isSymbol(k.sys.True) { return .integer(1) }
            if c[0].isSymbol(k.sys.False) { return .integer(0) }
            return nil
        }),
    ]

    static func truth(_ k: Kernel, _ e: Expr) -> Bool? {
        if e.isSymbol(k.sys.True) { return true }
        if e.isSymbol(k.sys.False) { return false }
        return nil
    }

    static func andOr(_ k: Kernel, _ c: Call, isAnd: Bool) throws(Interrupt) -> Expr? {
        let sys = k.sys
        var remaining: [Expr] = []
        var changed = false
        for a in c.arguments {
            let v = try k.evaluate(a)
            if !v.isIdentical(to: a) { changed = true }
            switch truth(k, v) {
            case .some(let t):
                if t != isAnd { return .symbol(t ? sys.True : sys.False) }
                changed = true
            case nil:
                remaining.append(v)
            }
        }
        if remaining.isEmpty { return .symbol(isAnd ? sys.True : sys.False) }
        if remaining.count == 1 { return remaining[0] }
        return changed ? Expr(c.head, remaining) : c.expr
    }

    /// The comparison that is the negation of another.
    static func negatedComparison(_ k: Kernel, _ head: Symbol) -> Symbol? {
        let sys = k.sys
        switch head {
        case sys.Equal: return sys.Unequal
        case sys.Unequal: return sys.Equal
        case sys.Less: return sys.GreaterEqual
        case sys.LessEqual: return sys.Greater
        case sys.Greater: return sys.LessEqual
        case sys.GreaterEqual: return sys.Less
        case sys.SameQ: return sys.UnsameQ
        case sys.UnsameQ: return sys.SameQ
        default: return nil
        }
    }

    static func not(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        let x = c[0]
        if let t = truth(k, x) { return k.bool(!t) }
        if case .normal(let n) = x, case .symbol(let h) = n.head {
            if h === k.sys.Not, n.arguments.count == 1 { return n.arguments[0] }
            if n.arguments.count == 2, let opposite = negatedComparison(k, h) {
                return Expr(opposite, n.arguments)
            }
        }
        return nil
    }

    static func xor(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let sys = k.sys
        let (parity, remaining) = xorParts(k, c.arguments)
        if remaining.isEmpty { return k.bool(parity) }
        if remaining.count == c.count { return remaining.count == 1 ? remaining[0] : nil }
        let rest = remaining.count == 1 ? remaining[0] : Expr(sys.Xor, remaining)
        return parity ? Expr(sys.Not, rest) : rest
    }

    /// `Xnor[args]` is `!Xor[args]`; it stays an `Xnor` of what is left when nothing cancels.
    static func xnor(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let sys = k.sys
        let (parity, remaining) = xorParts(k, c.arguments)
        switch remaining.count {
        case 0: return k.bool(!parity)
        case 1: return parity ? remaining[0] : Expr(sys.Not, remaining[0])
        default:
            if parity { return Expr(sys.Xor, remaining) }
            return remaining.count == c.count ? nil : Expr(c.head, remaining)
        }
    }

    /// The parity of the True arguments, and the non-Boolean arguments left after pairs of equal ones
    /// cancel (`Xor[a, b, a]` is `b`), in order.
    static func xorParts(_ k: Kernel, _ arguments: [Expr]) -> (Bool, [Expr]) {
        var parity = false
        var remaining: [Expr] = []
        for a in arguments {
            if let t = truth(k, a) {
                if t { parity.toggle() }
            } else if let i = remaining.firstIndex(where: { $0 == a }) {
                remaining.remove(at: i)
            } else {
                remaining.append(a)
            }
        }
        return (parity, remaining)
    }

    static func nandNor(_ k: Kernel, _ c: Call, isNand: Bool) throws(Interrupt) -> Expr? {
        let sys = k.sys
        var remaining: [Expr] = []
        var changed = false
        for a in c.arguments {
            let v = try k.evaluate(a)
            if !v.isIdentical(to: a) { changed = true }
            if let t = truth(k, v) {
                // Nand: a False decides (True); Nor: a True decides (False).
                if isNand && !t { return .symbol(sys.True) }
                if !isNand && t { return .symbol(sys.False) }
                changed = true
            } else {
                remaining.append(v)
            }
        }
        if remaining.isEmpty { return .symbol(isNand ? sys.False : sys.True) }
        if remaining.count == 1 { return Expr(sys.Not, remaining[0]) }
        return changed ? Expr(c.head, remaining) : c.expr
    }

    static func implies(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let p = truth(k, c[0]), q = truth(k, c[1])
        if p == false || q == true { return .symbol(k.sys.True) }
        if p == true { return c[1] }
        if q == false { return Expr(k.sys.Not, c[0]) }
        return nil
    }

    /// TautologyQ (all assignments true) and SatisfiableQ (some assignment true), by enumeration.
    static func truthTable(_ k: Kernel, _ c: Call, all: Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        var variables: [Expr] = []
        if c.count == 2 {
            variables = c[1].isList(k.sys) ? c[1].arguments : [c[1]]
        } else {
            func collect(_ e: Expr) {
                switch e {
                case .symbol(let s):
                    if s.context != "System`", !variables.contains(e) { variables.append(e) }
                case .normal(let n): n.arguments.forEach(collect)
                default: break
                }
            }
            collect(c[0])
        }
        guard variables.count <= 20 else { return nil }
        for assignment in 0..<(1 << variables.count) {
            let rules = variables.enumerated().map { i, v in
                Expr(k.sys.Rule, v, k.bool(assignment & (1 << i) != 0))
            }
            let value = try k.evaluate(Expr(k.sys.ReplaceAll, c[0], Expr(k.sys.List, rules)))
            let t = value.isSymbol(k.sys.True)
            if all && !t { return k.bool(false) }
            if !all && t { return k.bool(true) }
        }
        return k.bool(all)
    }

    static func equivalent(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let sys = k.sys
        if c.count <= 1 { return .symbol(sys.True) }
        var sawTrue = false, sawFalse = false
        var remaining: [Expr] = []
        for a in c.arguments {
            switch truth(k, a) {
            case .some(true): sawTrue = true
            case .some(false): sawFalse = true
            case nil: remaining.append(a)
            }
        }
        if sawTrue && sawFalse { return .symbol(sys.False) }
        var unique: [Expr] = []
        for r in remaining where !unique.contains(r) { unique.append(r) }
        if unique.count < remaining.count {
            if unique.count == 1 && !sawTrue && !sawFalse { return .symbol(sys.True) }
            remaining = unique
            if !sawTrue && !sawFalse { return Expr(sys.Equivalent, remaining) }
        }
        if remaining.isEmpty { return .symbol(sys.True) }
        if sawTrue { return remaining.count == 1 ? remaining[0] : Expr(sys.And, remaining) }
        if sawFalse {
            let negated = remaining.map { Expr(sys.Not, $0) }
            return negated.count == 1 ? negated[0] : Expr(sys.And, negated)
        }
        return nil
    }
}
