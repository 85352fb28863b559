// Operators printed from the parser's `OperatorTable`.
//
// Every operator whose FullForm is simply `head[operands]` (`a -> b`, `a && b`, `x++`, `!a`, ...) is
// printed from its table row: the row gives the token, the precedence and the grouping, and this file
// adds only the printer's own policy: which tokens are written without surrounding spaces, and which
// rows InputForm writes in functional form. Operands get parentheses by the usual rule: an operand
// whose precedence is below the operator's needs them, and so does an operand of equal precedence on
// the side the operator does not group towards (`(a -> b) -> c`, `a - (b - c)`, `(a | b) | c`).

import TesseraExpr

/// The printer's reading of one operator row.
struct PrintedOperator {
    let row: OperatorEntry

    /// False for operators InputForm writes as `head[args]` although they have a token: those with a
    /// built-in meaning whose token is not ASCII (`Xnor[a, b]`, `Element[x, Reals]`). Mathematica still
    /// parenthesises them by their precedence: ` !(Xnor[a, b])`. Notation-only operators keep their
    /// character: `a ⊗ b`, `a · b`.
    var printsAsOperator: Bool { !PrintedOperator.functionalWithPrecedence.contains(row.head) }

    var precedence: Int { row.printingPrecedence }

    /// Text between two operands.
    var infixSpelling: String {
        PrintedOperator.tightTokens.contains(row.token) ? row.token : " " + row.token + " "
    }

    /// Text before the operand: `-x`, `++x`, and ` !x` (Mathematica puts a space before `!`).
    var prefixSpelling: String { row.token == "!" ? " !" : row.token }

    /// Text after the operand: `x++`, `n!`, `p..`, `x =.`.
    var postfixSpelling: String { row.token == "=." ? " =." : row.token }

    /// Tokens InputForm writes without spaces around them: `x^2`, `a**b`, `"a"~~"b"`, `p?test`,
    /// `f::tag`, `x:p`.
    static let tightTokens: Set<String> = ["^", "**", "~~", "?", "::", ":", "<>"]

    /// Heads with a plain row that InputForm nevertheless writes as an ordinary call: `Function[x, body]`
    /// (the row is `x |-> body`; `body &` is laid out separately) and `StringJoin["a", b]`.
    static let functionalHeads: Set<String> = ["Function", "StringJoin"]

    /// Heads written in functional form but parenthesised by their operator's precedence (see
    /// `printsAsOperator`). The other rows with non-ASCII tokens (`CircleTimes`, `CenterDot`, ...) are
    /// notation without meaning and print with their character, as the conformance results show.
    static let functionalWithPrecedence: Set<String> = [
        "Implies", "Equivalent", "Xor", "Nor", "Nand", "Xnor", "Element", "NotElement", "Subset", "Superset",
        "SubsetEqual", "SupersetEqual", "DirectedEdge", "UndirectedEdge", "Cross",
    ]

    /// The row for printing `head` with `count` arguments: a prefix or postfix row for one argument,
    /// an infix row for two, an n-ary row for two or more. Rows with a special FullForm (`a - b`,
    /// `f @ x`, `x:p`, ...) are laid out by hand elsewhere and are not returned.
    static func forHead(_ name: String, argumentCount count: Int) -> PrintedOperator? {
        if functionalHeads.contains(name) { return nil }
        let row: OperatorEntry?
        switch count {
        case 0:
            return nil
        case 1:
            row = OperatorTable.prefix(forHead: name) ?? OperatorTable.postfix(forHead: name)
        case 2:
            row = OperatorTable.infix(forHead: name)
        default:
            row = OperatorTable.infix(forHead: name).flatMap { $0.fixity == .nary ? $0 : nil }
        }
        guard let row, row.form == .plain || row.form == .comparison else { return nil }
        return PrintedOperator(row: row)
    }

    /// Precedence the operand at `index` of `count` needs to stand without parentheses.
    func requiredPrecedence(operand index: Int, of count: Int) -> Int {
        switch row.fixity {
        case .prefix:
            return row.printingPrecedence
        case .postfix:
            // `(a!)!`, not `a!!` (Factorial2); `(p..)..`, not `p....`.
            return row.printingPrecedence + 1
        case .infix, .nary:
            switch row.grouping {
            case .left: return index == 0 ? row.printingPrecedence : row.printingPrecedence + 1
            case .right: return index == count - 1 ? row.printingPrecedence : row.printingPrecedence + 1
            case .none: return row.printingPrecedence + 1
            }
        }
    }
}

extension ExprPrinter {
    /// Lays out `n` with the table row for its head, if it has one. Returns false when the head has no
    /// row for this argument count.
    func layoutTableOperator(_ head: Symbol, _ n: Normal, form: TextForm, into l: inout Layout) -> Bool {
        let args = n.arguments
        guard let op = PrintedOperator.forHead(head.name, argumentCount: args.count) else { return false }
        guard op.printsAsOperator else {
            layoutCall(n, into: &l)
            l.precedence = op.precedence
            return true
        }
        l.precedence = op.precedence
        switch op.row.fixity {
        case .prefix:
            l.text(op.prefixSpelling)
            l.child(args[0], op.requiredPrecedence(operand: 0, of: 1))
        case .postfix:
            l.child(args[0], op.requiredPrecedence(operand: 0, of: 1))
            l.text(op.postfixSpelling)
        case .infix, .nary:
            layoutInfix(args, op, into: &l)
        }
        return true
    }

    /// `a op b op c` with each operand parenthesised as the operator's grouping requires.
    func layoutInfix(_ args: [Expr], _ op: PrintedOperator, into l: inout Layout) {
        let spelling = op.infixSpelling
        for (i, a) in args.enumerated() {
            if i > 0 { l.text(spelling) }
            l.child(a, operandRequirement(a, index: i, count: args.count, op))
        }
        l.precedence = op.precedence
    }

    /// Mathematica reads `f @@ a^2` as `Apply[f, Power[a, 2]]` (`^` binds its base tighter than any
    /// operator before it), so a power on the right of `@@`, `/@`, `//@` and `@` needs no parentheses
    /// even though `^` has the lower precedence.
    private func operandRequirement(_ a: Expr, index: Int, count: Int, _ op: PrintedOperator) -> Int {
        let required = op.requiredPrecedence(operand: index, of: count)
        if index == count - 1, op.row.grouping == .right, required > Precedence.power,
           let power = a.asNormal, power.head.isSymbol(sys.Power), powerPrintsWithCaret(power) {
            return Precedence.power
        }
        return required
    }
}
