// Piecewise: `Piecewise[{{val1, cond1}, {val2, cond2}, ...}, default]`.
//
// Piecewise holds its arguments (HoldAll), as in Mathematica, so that a value is evaluated only once
// its condition is True: the conditions are evaluated in order; False ones are dropped; the first True
// one gives its value. A condition that stays symbolic (`x < 0` for a symbol x) keeps the Piecewise,
// in the canonical form Mathematica prints: the cases that can still apply, values evaluated, and the
// default written out (0 when none is given; a True condition after a symbolic one becomes the
// default). So `f[x_] := Piecewise[{{x^2, x < 0}, {x, x >= 0}}]` gives numbers for numbers and stays
// symbolic for symbols.

import TesseraCore
import TesseraExpr

enum PiecewiseBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Piecewise", attributes: [.holdAll, .protected], messages: [
            "pairs": "The first argument `1` of Piecewise is not a list of pairs.",
        ], piecewise),
    ]

    static func piecewise(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let sys = k.sys
        // A literal list of pairs is read as written, so that no value is evaluated before its turn.
        let cases = c[0].isList(sys) ? c[0] : try k.evaluate(c[0])
        guard cases.isList(sys), cases.arguments.allSatisfy({ $0.isList(sys) && $0.length == 2 }) else {
            k.message(c.head, "pairs", cases)
            return nil
        }
        var kept: [Expr] = []
        var fallback: Expr = c.count == 2 ? c[1] : .integer(0)
        for pair in cases.arguments {
            let condition = try k.evaluate(pair.arguments[1])
            if condition.isSymbol(sys.False) { continue }
            if condition.isSymbol(sys.True) {
                if kept.isEmpty { return try k.evaluate(pair.arguments[0]) }
                fallback = pair.arguments[0]
                break
            }
            kept.append(Expr(sys.List, try k.evaluate(pair.arguments[0]), condition))
        }
        let value = try k.evaluate(fallback)
        if kept.isEmpty { return value }
        let result = Expr(c.head, Expr(sys.List, kept), value)
        return result == c.expr ? nil : result
    }
}
