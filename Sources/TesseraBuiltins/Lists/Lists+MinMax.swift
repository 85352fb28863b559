// MinMax: the smallest and largest element of a list (at any depth, as Min and Max see it), optionally
// widened by a margin: `MinMax[list, d]` is `{min - d, max + d}`, `{dmin, dmax}` widens each side by its
// own amount and `Scaled[s]` by s times the range. Min and Max do the comparing, so exact numbers,
// machine numbers and symbolic quantities behave as they do there.

import TesseraCore
import TesseraExpr

enum MinMaxBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("MinMax", minMax),
    ]

    static func minMax(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        let sys = k.sys
        let elements: Expr
        if let rules = AssociationBuiltins.rules(k, c[0]) {
            elements = Expr(sys.List, rules.map(AssociationBuiltins.value))
        } else if c[0].isList(sys) {
            elements = c[0]
        } else {
            return nil
        }
        let low = try k.evaluate(Expr(sys.Min, elements))
        let high = try k.evaluate(Expr(sys.Max, elements))
        guard c.count == 2 else { return Expr(sys.List, low, high) }
        let below: Expr, above: Expr
        let margin = c[1]
        if margin.hasHead(k.symbol("Scaled")), margin.length == 1 {
            let width = Expr(sys.Times, margin.arguments[0], Expr(sys.Plus, high, Expr(sys.Times, .integer(-1), low)))
            (below, above) = (width, width)
        } else if margin.isList(sys) {
            guard margin.length == 2 else { return nil }
            (below, above) = (margin.arguments[0], margin.arguments[1])
        } else {
            (below, above) = (margin, margin)
        }
        return Expr(sys.List, try k.evaluate(Expr(sys.Plus, low, Expr(sys.Times, .integer(-1), below))),
                    try k.evaluate(Expr(sys.Plus, high, above)))
    }
}
