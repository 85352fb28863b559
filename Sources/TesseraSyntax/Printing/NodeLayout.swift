// Layout of one normal expression: the dispatch on its head, calls, containers and form wrappers.
//
// Heads with a syntax of their own (lists, arithmetic, patterns, slots, parts, ...) are recognised
// by symbol identity; every other operator comes from the `OperatorTable` row of its head; anything
// else is a call `head[arg1, arg2]`. FullForm skips all of this: every normal expression is a call.

import TesseraExpr

extension ExprPrinter {
    /// Lays out a complex number or a normal expression (other atoms are written by `writeAtom`).
    /// `required` is what the parent asked of this node; only transparent wrappers use it, passing it on
    /// to the expression they show.
    func layoutNode(_ e: Expr, form: TextForm, isHead: Bool, required: Int, into l: inout Layout) {
        switch e {
        case .complex(let re, let im):
            if form == .full {
                l.text("Complex[")
                l.child(re, 0)
                l.text(", ")
                l.child(im, 0)
                l.text("]")
            } else {
                layoutComplex(re, im, form: form, into: &l)
            }
        case .normal(let n):
            if form == .full {
                layoutCall(n, headRequired: 0, into: &l)
                return
            }
            if case .symbol(let h) = n.head, h.context == "System`",
               layoutSystemHead(h, n, form: form, required: required, into: &l) {
                return
            }
            layoutCall(n, into: &l)
        default:
            // Other atoms never get here (`writeAtom` prints them); show one as a child all the same.
            l.child(e, 0, isHead: isHead)
        }
    }

    /// `head[arg1, arg2, ...]`. A head that is itself an operator expression is parenthesised:
    /// `(a + b)[x]`, `(#1 + 1 & )[2]`, `f[x][y]` needs none.
    func layoutCall(_ n: Normal, headRequired: Int = Precedence.call, into l: inout Layout) {
        l.child(n.head, headRequired, isHead: true)
        l.text("[")
        appendSequence(n.arguments, separator: ", ", into: &l)
        l.text("]")
        l.precedence = Precedence.call
    }

    /// Elements separated by `separator`, none of them parenthesised (`f[a; b]`, `{a -> 1}`).
    func appendSequence(_ elements: [Expr], separator: String, into l: inout Layout) {
        l.pieces.reserveCapacity(l.pieces.count + 2 * elements.count)
        for (i, a) in elements.enumerated() {
            if i > 0 { l.text(separator) }
            l.child(a, 0)
        }
    }

    /// Lays out `n` when its head (a System` symbol) has a syntax of its own; false otherwise.
    private func layoutSystemHead(_ h: Symbol, _ n: Normal, form: TextForm, required: Int, into l: inout Layout) -> Bool {
        let args = n.arguments
        if h === sys.List {
            l.text("{")
            appendSequence(args, separator: ", ", into: &l)
            l.text("}")
            return true
        }
        if h === sys.Plus, args.count >= 2 {
            layoutPlus(args, into: &l)
            return true
        }
        if h === sys.Times, args.count >= 2 {
            layoutTimes(args, form: form, into: &l)
            return true
        }
        if h === sys.Power { return layoutPower(n, form: form, into: &l) }
        if h === sys.Association, args.allSatisfy(isRule) {
            l.text("<|")
            appendSequence(args, separator: ", ", into: &l)
            l.text("|>")
            return true
        }
        if h === sys.DirectedInfinity { return layoutDirectedInfinity(n, into: &l) }
        if h === sys.Pattern { return layoutPattern(n, into: &l) }
        if h === sys.Blank || h === sys.BlankSequence || h === sys.BlankNullSequence {
            guard let text = blankText(n) else { return false }
            l.text(text)
            return true
        }
        if h === sys.Optional { return layoutOptional(n, into: &l) }
        if h === sys.Slot || h === sys.SlotSequence { return layoutSlot(h, n, into: &l) }
        if h === sys.Function { return layoutFunction(n, into: &l) }
        if h === sys.Part { return layoutPart(n, into: &l) }
        if h === sys.CompoundExpression { return layoutCompound(n, into: &l) }
        if h === sys.Span || h === sys.MessageName || h === sys.StringExpression {
            // The result text of wolframscript shows these three in functional form.
            if form == .output {
                layoutCall(n, into: &l)
                return true
            }
            if h === sys.Span { return layoutSpan(n, into: &l) }
            if h === sys.MessageName { return layoutMessageName(n, into: &l) }
            return layoutTableOperator(h, n, form: form, into: &l)
        }
        if let handled = layoutRewrittenOperator(h, n, into: &l) { return handled }
        if let handled = layoutNotation(h, n, form: form, into: &l) { return handled }
        if let handled = layoutFormWrapper(h, n, form: form, required: required, into: &l) { return handled }
        return layoutTableOperator(h, n, form: form, into: &l)
    }

    // MARK: Form wrappers

    /// `FullForm[e]`, `InputForm[e]`, `OutputForm[e]` and `HoldForm[e]`. In a result (`.output`) they
    /// print literally, and `FullForm[e]` shows `e` in InputForm, as wolframscript does; in OutputForm
    /// they are invisible and `e` is shown in the form they name. Nil when `h` is not such a wrapper.
    private func layoutFormWrapper(_ h: Symbol, _ n: Normal, form: TextForm, required: Int, into l: inout Layout) -> Bool? {
        guard n.arguments.count == 1 else { return nil }
        let content = n.arguments[0]
        switch form {
        case .output where h === sys.FullForm:
            l.text("FullForm[")
            l.pieces.append(.form(.input))
            l.child(content, 0)
            l.pieces.append(.form(form))
            l.text("]")
            l.precedence = Precedence.call
            return true
        case .outputForm where h === sys.FullForm || h === sys.InputForm:
            l.pieces.append(.form(h === sys.FullForm ? .full : .input))
            l.child(content, required)
            l.pieces.append(.form(form))
            return true
        case .outputForm where h === sys.OutputForm || h === sys.HoldForm:
            l.child(content, required)
            return true
        default:
            return nil
        }
    }

    // MARK: Rewritten arithmetic operators

    /// `Minus[x]`, `Subtract[a, b]`, `Divide[a, b]`, `f @@@ x` and `f /: lhs = rhs`: operators whose
    /// parsed form is not `head[operands]`, printed back with their operator when they occur unevaluated.
    private func layoutRewrittenOperator(_ h: Symbol, _ n: Normal, into l: inout Layout) -> Bool? {
        let args = n.arguments
        if h === sys.Minus, args.count == 1 {
            l.text("-")
            l.child(args[0], Precedence.minus + 1)
            l.precedence = Precedence.minus
            return true
        }
        if h === sys.Subtract, args.count == 2 {
            l.child(args[0], Precedence.plus)
            l.text(" - ")
            l.child(args[1], Precedence.plus + 1)
            l.precedence = Precedence.plus
            return true
        }
        if h === sys.Divide, args.count == 2, let row = OperatorTable.infix(forHead: "Divide") {
            l.child(args[0], row.printingPrecedence)
            l.text("/")
            l.child(args[1], row.printingPrecedence + 1)
            l.precedence = row.printingPrecedence
            return true
        }
        // `Apply[f, x, {1}]` and `MapApply[f, x]` are both written `f @@@ x`.
        let atLevelOne = h === sys.Apply && args.count == 3 && isListOfOne(args[2])
        if atLevelOne || (h.name == "MapApply" && args.count == 2), let row = OperatorTable.infix(forHead: "Apply") {
            l.child(args[0], row.printingPrecedence + 1)
            l.text(" @@@ ")
            l.child(args[1], row.printingPrecedence)
            l.precedence = row.printingPrecedence
            return true
        }
        if (h === sys.TagSet || h === sys.TagSetDelayed), args.count == 3, let row = OperatorTable.infix(forHead: "TagSet") {
            l.child(args[0], row.printingPrecedence + 1)
            l.text(" /: ")
            l.child(args[1], row.printingPrecedence + 1)
            l.text(h === sys.TagSet ? " = " : " := ")
            l.child(args[2], row.printingPrecedence)
            l.precedence = row.printingPrecedence
            return true
        }
        return nil
    }

    /// `a -> b` or `a :> b`: what `<|...|>` may hold (any other `Association[...]` stays functional).
    private func isRule(_ e: Expr) -> Bool {
        e.hasHead(sys.Rule) || e.hasHead(sys.RuleDelayed)
    }

    private func isListOfOne(_ e: Expr) -> Bool {
        guard case .normal(let n) = e, n.head.isSymbol(sys.List), n.arguments.count == 1 else { return false }
        return isExactOne(n.arguments[0])
    }
}
