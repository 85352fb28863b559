// Functions made from functions: Function (its attributes), Composition, RightComposition,
// ReverseApplied, and the quantifiers AllTrue, AnyTrue, NoneTrue.
//
// A composition is applied through the curried hook of its head (`Composition[f, g][x]` is
// `f[g[x]]`). The quantifiers stop at the first deciding element; results that are neither True nor
// False are kept symbolically (`AllTrue[{a, b}, f]` is `f[a] && f[b]`).

import TesseraCore
import TesseraExpr

enum OperatorBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Function", attributes: [.holdAll, .protected]),
        BuiltinSpec("Composition", attributes: [.flat, .oneIdentity, .protected], curried: applyComposition, composition),
        BuiltinSpec("RightComposition", attributes: [.flat, .oneIdentity, .protected], curried: applyComposition, composition),
        BuiltinSpec("ReverseApplied", curried: applyReversed),
        BuiltinSpec("Curry", curried: applyCurried),
        BuiltinSpec("OperatorApplied", curried: applyCurried),
        BuiltinSpec("CurryApplied", curried: applyCurried),
        BuiltinSpec("AllTrue", curried: quantifierOperator, allTrue),
        BuiltinSpec("AnyTrue", curried: quantifierOperator, anyTrue),
        BuiltinSpec("NoneTrue", curried: quantifierOperator, noneTrue),
    ]

    /// Drops Identity; no functions is Identity, one function is itself.
    static func composition(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let identity = k.symbol("Identity")
        let parts = c.arguments.filter { !$0.isSymbol(identity) }
        if parts.isEmpty { return .symbol(identity) }
        if parts.count == 1 { return parts[0] }
        if parts.count == c.count { return nil }
        return Expr(c.head, parts)
    }

    static func applyComposition(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let inner = c.expr.asNormal?.head.asNormal else { return nil }
        var functions = inner.arguments
        if c.head === k.sys.Composition { functions.reverse() }
        guard let first = functions.first else { return Expr(k.sys.Sequence, c.arguments) }
        var value = Expr(head: first, c.arguments)
        for f in functions.dropFirst() { value = Expr(head: f, [value]) }
        return value
    }

    static func applyReversed(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let inner = c.expr.asNormal?.head.asNormal, inner.arguments.count == 1 else { return nil }
        return Expr(head: inner.arguments[0], c.arguments.reversed())
    }

    /// `Curry[f, spec][a][b]...`, `OperatorApplied[f, spec]...`, `CurryApplied[f, n]...`: arguments
    /// fill slots (argument j goes to position perm[j]) until all are there. A partial application is
    /// kept as the three-argument form `h[f, perm, {collected...}]`, which these heads never take from users.
    static func applyCurried(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let inner = c.expr.asNormal?.head.asNormal, let f = inner.arguments.first else { return nil }
        let args = inner.arguments
        var perm: [Int]
        var collected: [Expr] = []
        let isCurryApplied = c.head.name == "CurryApplied"
        if args.count == 3 {
            perm = args[1].arguments.compactMap(\.asInt)
            collected = args[2].arguments
        } else if args.count == 2 {
            switch args[1] {
            case .integer(let n) where n >= 0:
                perm = Array(0..<n).map { $0 + 1 }
            default:
                perm = args[1].arguments.compactMap(\.asInt)
                guard perm.count == args[1].length, !perm.isEmpty else { return nil }
            }
        } else if args.count == 1 {
            if isCurryApplied { return nil }
            perm = [2, 1]
        } else {
            return nil
        }
        collected += c.arguments
        let n = perm.count
        if collected.count < n {
            return Expr(c.head, f, Expr(k.sys.List, perm.map { .integer($0) }), Expr(k.sys.List, collected))
        }
        var slots = Array(repeating: Expr.symbol(k.sys.Null), count: perm.max() ?? 0)
        for (j, p) in perm.enumerated() where p >= 1 && p <= slots.count { slots[p - 1] = collected[j] }
        let applied = Expr(head: f, slots)
        let extra = Array(collected[n...])
        return extra.isEmpty ? applied : Expr(head: applied, extra)
    }

    static func quantifierOperator(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let inner = c.expr.asNormal?.head.asNormal, inner.arguments.count == 1 else { return nil }
        return Expr(c.head, c[0], inner.arguments[0])
    }

    private enum Quantifier { case all, any, none }

    private static func quantify(_ k: Kernel, _ c: Call, _ q: Quantifier) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 3) else { return nil }
        let e = c[0], test = c[1]
        var elements: [Expr] = []
        if c.count == 3 {
            guard let spec = k.levelSpec(c[2], call: c) else { return nil }
            try k.walkLevels(e, spec) { (x: Expr, _: [Int]) throws(Interrupt) -> Bool in elements.append(x); return true }
        } else if e.hasHead(k.sys.Association) {
            elements = e.arguments.compactMap { $0.arguments.last }
        } else {
            elements = e.arguments
        }
        var undecided: [Expr] = []
        for x in elements {
            let r = try k.evaluate(Expr(head: test, [x]))
            let isTrue = r.isSymbol(k.sys.True), isFalse = r.isSymbol(k.sys.False)
            switch q {
            case .all:
                if isFalse { return k.bool(false) }
                if !isTrue { undecided.append(r) }
            case .any:
                if isTrue { return k.bool(true) }
                if !isFalse { undecided.append(r) }
            case .none:
                if isTrue { return k.bool(false) }
                if !isFalse { undecided.append(r) }
            }
        }
        if undecided.isEmpty { return k.bool(q != .any) }
        switch q {
        case .all: return undecided.count == 1 ? undecided[0] : Expr(k.sys.And, undecided)
        case .any: return undecided.count == 1 ? undecided[0] : Expr(k.sys.Or, undecided)
        case .none: return Expr(k.sys.Nor, undecided)
        }
    }

    static func allTrue(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try quantify(k, c, .all) }
    static func anyTrue(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try quantify(k, c, .any) }
    static func noneTrue(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? { try quantify(k, c, .none) }
}
