// Pattern syntax: blanks (`x_h`, `__`, `x_.`) and the colon, which is `Pattern` after a symbol
// (`x:_Integer`) and `Optional` after a pattern (`x_:0`).
//
// The colon does not follow precedence the way other operators do: Mathematica decides its meaning
// from the operand before it and binds it wherever that operand stands (`_a | _b:d` is
// `Alternatives[_a, Optional[_b, d]]`, `a?b:c` is `PatternTest[a, Pattern[b, c]]`), except on the right
// side of `x:p`, where a colon belongs to the whole pattern: `x:_a|_b:d` is
// `Optional[Pattern[x, _a|_b], d]`.

import TesseraExpr

extension ParseSession {
    /// blank := [name] ("_" | "__" | "___") [head] | [name] "_."
    @inline(never)
    func blankOperand(_ blank: BlankToken) -> Operand {
        let blankName = ["Blank", "BlankSequence", "BlankNullSequence"][blank.underscores - 1]
        let headArguments: [Expr] = blank.head.map { [.symbol(parser.symbols.lookup($0))] } ?? []
        var pattern = node(blankName, headArguments)
        if let name = blank.name {
            pattern = node("Pattern", [.symbol(parser.symbols.lookup(name)), pattern])
        }
        if blank.isOptional {
            pattern = node("Optional", [pattern])
        }
        return .atom(pattern)
    }

    /// colon := symbol ":" expression | pattern ":" expression
    @inline(never)
    mutating func parseColon(after left: Operand, _ minimum: Int) throws -> Operand? {
        let name: String
        if case .symbol = left.expr {
            name = "Pattern"
        } else if let head = left.expr.headSymbol,
                  head.context == "System`", ParseSession.patternHeads.contains(head.name) {
            name = "Optional"
        } else {
            return nil
        }
        if colonBlocked { return nil }
        try advance()
        let right: Operand
        if name == "Pattern" {
            colonBlocked = true
            defer { colonBlocked = false }
            right = try parseExpression(OperatorTable.precedence(ofHead: "Pattern") + 1)
        } else {
            right = try parseExpression(OperatorTable.precedence(ofHead: "Optional") + 1)
        }
        return Operand(expr: node(name, [left.expr, right.expr]), shape: .chain)
    }

    private static let patternHeads: Set<String> = [
        "Blank", "BlankSequence", "BlankNullSequence", "Pattern", "Optional",
    ]
}
