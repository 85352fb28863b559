// Enclose and the Confirm family: failures that stop an evaluation and come back as a Failure.
//
// A confirmation that fails throws its Failure with a private tag (`Interrupt.thrown`, as Throw
// does); the nearest Enclose catches exactly that tag, so Catch and Throw in between are unaffected.
// `Failure[tag, <|...|>][prop]` reads the tag and the fields of a Failure.

import TesseraCore
import TesseraExpr

enum ConfirmationBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Enclose", attributes: [.holdAll, .protected], enclose),
        BuiltinSpec("Confirm", attributes: [.holdRest, .protected], confirm),
        BuiltinSpec("ConfirmBy", attributes: [.holdRest, .protected], confirmBy),
        BuiltinSpec("ConfirmMatch", attributes: [.holdRest, .protected], confirmMatch),
        BuiltinSpec("ConfirmAssert", attributes: [.holdAll, .protected], confirmAssert),
        BuiltinSpec("ConfirmQuiet", attributes: [.holdAll, .protected], confirmQuiet),
        BuiltinSpec("Failure", attributes: [.protected], curried: failureProperty),
    ]

    private static func marker(_ k: Kernel) -> Expr { .symbol(k.symbols.intern(fullName: "Tessera`Private`Enclose")) }

    static func enclose(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        do {
            return try k.evaluate(c[0])
        } catch .thrown(let value, let tag) {
            guard let tag, tag == marker(k) else { throw .thrown(value: value, tag: tag) }
            guard c.count == 2 else { return value }
            let handler = try k.evaluate(c[1])
            // `Enclose[expr, "prop"]` gives that property of the failure.
            if handler.asString != nil, let property = property(k, of: value, handler) { return property }
            return try k.evaluate(Expr(head: handler, [value]))
        }
    }

    /// `$Failed`, `$Aborted`, `$Canceled`, `Failure[...]` and `Missing[...]` represent errors.
    private static func isError(_ k: Kernel, _ e: Expr) -> Bool {
        if e.isSymbol(k.sys.DollarFailed) || e.isSymbol(k.sys.DollarAborted) || e.isSymbol(k.symbol("$Canceled")) {
            return true
        }
        return e.hasHead(k.symbol("Failure")) || e.hasHead(k.sys.Missing)
    }

    /// Throws the Failure of a confirmation of `type` about `expression`.
    private static func fail(_ k: Kernel, _ c: Call, type: String, expression: Expr, infoPosition: Int,
                             extra: [(String, Expr)] = []) throws(Interrupt) -> Never {
        let info = c.count > infoPosition ? try k.evaluate(c[infoPosition]) : .symbol(k.sys.Null)
        let failureHead = k.symbol("Failure")
        if info.isSymbol(k.sys.Null), expression.hasHead(failureHead),
           expression.arguments.first == .string("ConfirmationFailed") {
            throw .thrown(value: expression, tag: marker(k))
        }
        let template: Expr = info.asString != nil ? info : .string("Encountered a failure when evaluating `Expression`.")
        var fields: [(String, Expr)] = [("MessageTemplate", template), ("MessageParameters", .symbol(k.sys.Automatic)),
                                        ("Expression", expression), ("Information", info), ("ConfirmationType", .string(type))]
        fields += extra
        let association = Expr(k.sys.Association, fields.map { Expr(k.sys.Rule, .string($0.0), $0.1) })
        throw .thrown(value: Expr(failureHead, .string("ConfirmationFailed"), association), tag: marker(k))
    }

    static func confirm(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        if isError(k, c[0]) { try fail(k, c, type: "Confirm", expression: c[0], infoPosition: 1) }
        return c[0]
    }

    static func confirmBy(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 4) else { return nil }
        let test = try k.evaluate(c[1])
        if !(try k.evaluate(Expr(head: test, [c[0]])).isSymbol(k.sys.True)) {
            try fail(k, c, type: "ConfirmBy", expression: c[0], infoPosition: 2, extra: [("Function", test)])
        }
        return c[0]
    }

    static func confirmMatch(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 4) else { return nil }
        let pattern = try k.evaluate(c[1])
        if !(try PatternMatcher(kernel: k).matches(pattern, c[0])) {
            try fail(k, c, type: "ConfirmMatch", expression: c[0], infoPosition: 2, extra: [("Pattern", pattern)])
        }
        return c[0]
    }

    static func confirmAssert(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let test = try k.evaluate(c[0])
        if !test.isSymbol(k.sys.True) {
            try fail(k, c, type: "ConfirmAssert", expression: test, infoPosition: 1,
                     extra: [("HeldTest", Expr(k.sys.Hold, c[0]))])
        }
        return .symbol(k.sys.Null)
    }

    /// The value of `expr` when its evaluation issued no message.
    static func confirmQuiet(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        let before = k.messagesIssued
        k.quietDepth += 1
        let value: Expr
        do {
            value = try k.evaluate(c[0])
        } catch {
            k.quietDepth -= 1
            throw error
        }
        k.quietDepth -= 1
        if k.messagesIssued != before { try fail(k, c, type: "ConfirmQuiet", expression: value, infoPosition: 2) }
        return value
    }

    /// `Failure[tag, <|...|>][prop]`: "Tag", a field, or `Missing["NotAvailable", prop]`.
    static func failureProperty(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard case .normal(let call) = c.expr, c.count == 1 else { return nil }
        return property(k, of: call.head, c[0])
    }

    private static func property(_ k: Kernel, of failure: Expr, _ property: Expr) -> Expr? {
        guard failure.hasHead(k.symbol("Failure")), failure.arguments.count == 2 else { return nil }
        if property == .string("Tag") { return failure.arguments[0] }
        if let rules = AssociationBuiltins.rules(k, failure.arguments[1]),
           let rule = rules.first(where: { AssociationBuiltins.key($0) == property }) {
            return AssociationBuiltins.value(rule)
        }
        return Expr(k.sys.Missing, .string("NotAvailable"), property)
    }
}
