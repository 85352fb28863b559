// Assignments: Set, SetDelayed, UpSet, UpSetDelayed, TagSet, TagSetDelayed, Unset, and the
// modifying operators (Increment, AddTo, AppendTo, ...).
//
// The left side decides where a rule is stored: a symbol gets an OwnValue, `f[args]` a DownValue of
// f, `f[a][b]` a SubValue of f, `lhs ^= rhs` UpValues of the symbols in lhs's arguments. Before
// storing, the arguments of the left side are evaluated (unless f holds them), as Mathematica does.
// Part assignment (`a[[i, j]] = v`) changes the value of `a` in place when nobody else holds it,
// which keeps big packed arrays packed and uncopied.

import TesseraCore
import TesseraExpr

enum AssignmentBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Set", attributes: [.holdFirst, .protected, .sequenceHold], direct: setSymbol, set),
        BuiltinSpec("SetDelayed", attributes: [.holdAll, .protected, .sequenceHold], setDelayed),
        BuiltinSpec("UpSet", attributes: [.holdFirst, .protected, .sequenceHold], upSet),
        BuiltinSpec("UpSetDelayed", attributes: [.holdAll, .protected, .sequenceHold], upSetDelayed),
        BuiltinSpec("TagSet", attributes: [.holdAll, .protected, .sequenceHold], tagSet),
        BuiltinSpec("TagSetDelayed", attributes: [.holdAll, .protected, .sequenceHold], tagSetDelayed),
        BuiltinSpec("Unset", attributes: [.holdFirst, .protected], unset),
        BuiltinSpec("Increment", attributes: [.holdFirst, .protected], increment),
        BuiltinSpec("Decrement", attributes: [.holdFirst, .protected], decrement),
        BuiltinSpec("PreIncrement", attributes: [.holdFirst, .protected], preIncrement),
        BuiltinSpec("PreDecrement", attributes: [.holdFirst, .protected], preDecrement),
        BuiltinSpec("AddTo", attributes: [.holdFirst, .protected], addTo),
        BuiltinSpec("SubtractFrom", attributes: [.holdFirst, .protected], subtractFrom),
        BuiltinSpec("TimesBy", attributes: [.holdFirst, .protected], timesBy),
        BuiltinSpec("DivideBy", attributes: [.holdFirst, .protected], divideBy),
        BuiltinSpec("AppendTo", attributes: [.holdFirst, .protected], appendTo),
        BuiltinSpec("PrependTo", attributes: [.holdFirst, .protected], prependTo),
    ]

    static func set(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        return try k.assign(c[0], c[1], delayed: false, call: c)
    }

    /// `x = value` for a symbol that is not Protected (the loop counter case); nil otherwise.
    static func setSymbol(_ k: Kernel, _ target: Expr, _ value: Expr) -> Expr? {
        guard case .symbol(let s) = target, !s.attributes.contains(.protected) else { return nil }
        k.storeOwnValue(s, value, delayed: false)
        return value
    }

    static func setDelayed(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let before = k.messagesIssued
        _ = try k.assign(c[0], c[1], delayed: true, call: c)
        // A rule that could not be stored (a Protected tag...) makes SetDelayed give $Failed.
        return .symbol(k.messagesIssued != before ? k.sys.DollarFailed : k.sys.Null)
    }

    static func upSet(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        return try k.assignUp(c[0], c[1], delayed: false, tag: nil, call: c)
    }

    static func upSetDelayed(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        _ = try k.assignUp(c[0], c[1], delayed: true, tag: nil, call: c)
        return .symbol(k.sys.Null)
    }

    static func tagSet(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 3), let tag = c[0].asSymbol else { return nil }
        let value = try k.evaluate(c[2])
        return try k.assignTagged(tag, c[1], value, delayed: false, call: c)
    }

    static func tagSetDelayed(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 3, 3), let tag = c[0].asSymbol else { return nil }
        _ = try k.assignTagged(tag, c[1], c[2], delayed: true, call: c)
        return .symbol(k.sys.Null)
    }

    static func unset(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        return try k.unassign(c[0], call: c)
    }

    // MARK: Modifying operators

    static func modify(_ k: Kernel, _ c: Call, delta: Expr?, returnOld: Bool,
                       combine: (Kernel, Expr, Expr) -> Expr) throws(Interrupt) -> Expr? {
        let expectedCount = delta == nil ? 1 : 2
        guard k.checkCount(c, expectedCount, expectedCount) else { return nil }
        let target = c[0]
        guard let old = try k.currentValue(of: target) else {
            k.message(c.head, "rvalue", target)
            return nil
        }
        let amount = delta == nil ? Expr.integer(1) : try k.evaluate(delta!)
        let new = try k.evaluate(combine(k, old, amount))
        _ = try k.assign(target, new, delayed: false, call: c, valueIsEvaluated: true)
        return returnOld ? old : new
    }

    static func plus(_ k: Kernel, _ a: Expr, _ b: Expr) -> Expr { Expr(k.sys.Plus, a, b) }
    static func minus(_ k: Kernel, _ a: Expr, _ b: Expr) -> Expr { Expr(k.sys.Plus, a, Expr(k.sys.Times, .integer(-1), b)) }
    static func times(_ k: Kernel, _ a: Expr, _ b: Expr) -> Expr { Expr(k.sys.Times, a, b) }
    static func divide(_ k: Kernel, _ a: Expr, _ b: Expr) -> Expr { Expr(k.sys.Times, a, Expr(k.sys.Power, b, .integer(-1))) }

    static func increment(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try modify(k, c, delta: nil, returnOld: true, combine: plus)
    }
    static func decrement(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try modify(k, c, delta: nil, returnOld: true, combine: minus)
    }
    static func preIncrement(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try modify(k, c, delta: nil, returnOld: false, combine: plus)
    }
    static func preDecrement(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try modify(k, c, delta: nil, returnOld: false, combine: minus)
    }
    static func addTo(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else { return k.checkCount(c, 2, 2) ? nil : nil }
        return try modify(k, c, delta: c[1], returnOld: false, combine: plus)
    }
    static func subtractFrom(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else { return k.checkCount(c, 2, 2) ? nil : nil }
        return try modify(k, c, delta: c[1], returnOld: false, combine: minus)
    }
    static func timesBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else { return k.checkCount(c, 2, 2) ? nil : nil }
        return try modify(k, c, delta: c[1], returnOld: false, combine: times)
    }
    static func divideBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 2 else { return k.checkCount(c, 2, 2) ? nil : nil }
        return try modify(k, c, delta: c[1], returnOld: false, combine: divide)
    }

    static func appendTo(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try grow(k, c, append: true)
    }
    static func prependTo(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        try grow(k, c, append: false)
    }

    static func grow(_ k: Kernel, _ c: Call, append: Bool) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        guard c[0].asSymbol != nil else {
            k.message(c.head, "normal", .integer(1), c.expr)
            return nil
        }
        guard let old = try k.currentValue(of: c[0]) else {
            k.message(c.head, "rvalue", c[0])
            return nil
        }
        if old.isAtom {
            k.message(c.head, "normal", .integer(1), c.expr)
            return nil
        }
        let item = try k.evaluate(c[1])
        let grower = k.symbols.intern(fullName: append ? "System`Append" : "System`Prepend")
        let new = try k.evaluate(Expr(grower, old, item))
        _ = try k.assign(c[0], new, delayed: false, call: c, valueIsEvaluated: true)
        return new
    }
}
