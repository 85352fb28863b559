// Exact values and identities written as Wolfram Language source (`(1 + Sqrt[5])/4`,
// `Sqrt[1 - #^2]`), parsed once per kernel and cached. A template's `#` is replaced by the argument.

import TesseraCore
import TesseraExpr

enum FormulaTemplates {
    final class Cache {
        var parsed: [String: Expr] = [:]
    }

    /// The parsed (unevaluated) expression of `source`.
    static func expression(_ k: Kernel, _ source: String) -> Expr {
        let cache = k.extensionState(Cache.self) { Cache() }
        if let e = cache.parsed[source] { return e }
        let e = (try? k.parser.parse(source).first) ?? .symbol(k.sys.Null)
        cache.parsed[source] = e
        return e
    }

    /// `source` with `#` replaced by `argument`, evaluated.
    static func apply(_ k: Kernel, _ source: String, _ argument: Expr) throws(Interrupt) -> Expr {
        try k.evaluate(substitute(k, expression(k, source), argument))
    }

    /// The evaluated value of a constant expression.
    static func value(_ k: Kernel, _ source: String) throws(Interrupt) -> Expr {
        try k.evaluate(expression(k, source))
    }

    private static func substitute(_ k: Kernel, _ e: Expr, _ argument: Expr) -> Expr {
        guard case .normal(let n) = e else { return e }
        if n.head.isSymbol(k.sys.Slot) { return argument }
        return Expr(head: substitute(k, n.head, argument), n.arguments.map { substitute(k, $0, argument) })
    }
}
