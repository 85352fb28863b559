// Templates: TemplateApply, StringTemplate, and the template objects TemplateSlot, TemplateIf,
// TemplateSequence, TemplateExpression.
//
// A string template has slots `` `name` `` (a key of an association argument), `` `n` `` (the n-th
// argument) and ``` `` ``` (the next argument), and embedded expressions `<* e *>`, which are evaluated
// as the body of a pure function of the arguments (`#1`, `#name`). The result is always a string; a
// missing argument inserts nothing. An expression template is any expression containing the template
// objects: they are replaced (TemplateIf choosing a branch, TemplateSequence repeating its body once
// per element) and the result is evaluated.

import TesseraCore
import TesseraExpr

enum StringTemplateBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("TemplateApply", templateApply),
        BuiltinSpec("StringTemplate", curried: stringTemplateCall),
        BuiltinSpec("TemplateSlot", attributes: [.protected]),
        BuiltinSpec("TemplateIf", attributes: [.holdAll, .protected]),
        BuiltinSpec("TemplateSequence", attributes: [.holdFirst, .protected]),
        BuiltinSpec("TemplateExpression", attributes: [.holdAll, .protected]),
    ]

    /// Arguments as the slots see them: positional values and, for an association, its rules.
    struct Arguments {
        let values: [Expr]
        let rules: [Expr]?
    }

    static func arguments(_ k: Kernel, _ given: [Expr]) -> Arguments {
        if given.count == 1, let r = AssociationBuiltins.rules(k, given[0]) {
            return Arguments(values: given, rules: r)
        }
        return Arguments(values: given, rules: nil)
    }

    static func templateApply(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 || c.count == 2 else { return nil }
        var given: [Expr] = []
        if c.count == 2 { given = c[1].isList(k.sys) ? c[1].arguments : [c[1]] }
        return try apply(k, c[0], arguments(k, given))
    }

    /// `StringTemplate[t][args...]`.
    static func stringTemplateCall(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard case .normal(let n) = c.expr, case .normal(let inner) = n.head, inner.arguments.count >= 1 else {
            return nil
        }
        return try apply(k, Expr(c.head, inner.arguments), arguments(k, c.arguments))
    }

    static func apply(_ k: Kernel, _ template: Expr, _ args: Arguments) throws(Interrupt) -> Expr {
        if case .string(let s) = template { return .string(try fillString(k, s, args)) }
        if template.hasHead(k.symbol("System`StringTemplate")), case .string(let s)? = template.arguments.first {
            return .string(try fillString(k, s, args))
        }
        return try k.evaluate(try fillExpression(k, template, args))
    }

    static func slotValue(_ k: Kernel, _ key: Expr, _ args: Arguments) -> Expr? {
        switch key {
        case .integer(let i):
            return i >= 1 && i <= args.values.count ? args.values[i - 1] : nil
        case .string:
            guard let rules = args.rules else { return nil }
            return AssociationBuiltins.find(k, rules, key)
        default:
            return nil
        }
    }

    static func text(_ k: Kernel, _ e: Expr) -> String {
        if case .string(let s) = e { return s }
        return k.outputText(e)
    }

    // MARK: String templates

    static func fillString(_ k: Kernel, _ template: String, _ args: Arguments) throws(Interrupt) -> String {
        var out = ""
        var next = 0
        var rest = Substring(template)
        while let c = rest.first {
            if rest.hasPrefix("<*"), let close = closing(rest) {
                let source = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])
                out += try embedded(k, source, args)
                rest = rest[rest.index(close, offsetBy: 2)...]
                continue
            }
            if c == "`", let close = rest.dropFirst().firstIndex(of: "`") {
                let name = String(rest[rest.index(after: rest.startIndex)..<close])
                let value: Expr?
                if name.isEmpty {
                    next += 1
                    value = slotValue(k, .integer(next), args)
                } else if let i = Int(name) {
                    next = i
                    value = slotValue(k, .integer(i), args)
                } else {
                    value = slotValue(k, .string(name), args)
                }
                if let value { out += text(k, value) }
                rest = rest[rest.index(after: close)...]
                continue
            }
            out.append(c)
            rest = rest.dropFirst()
        }
        return out
    }

    /// Where the `*>` that closes an embedded expression starts.
    static func closing(_ s: Substring) -> Substring.Index? {
        var i = s.index(s.startIndex, offsetBy: 2)
        while i < s.endIndex {
            let after = s.index(after: i)
            if s[i] == "*", after < s.endIndex, s[after] == ">" { return i }
            i = after
        }
        return nil
    }

    /// `<* e *>`: `e` is the body of a pure function applied to the arguments.
    static func embedded(_ k: Kernel, _ source: String, _ args: Arguments) throws(Interrupt) -> String {
        guard let parsed = try? k.parser.parse(source), !parsed.isEmpty else { return "" }
        let body = parsed.count == 1 ? parsed[0] : Expr(k.sys.CompoundExpression, parsed)
        let value = try k.evaluate(Expr(head: Expr(k.sys.Function, body), args.values))
        return text(k, value)
    }

    // MARK: Expression templates

    static func fillExpression(_ k: Kernel, _ e: Expr, _ args: Arguments) throws(Interrupt) -> Expr {
        guard case .normal(let n) = e else { return e }
        if case .symbol(let h) = n.head, h.context == "System`" {
            let a = n.arguments
            switch h.name {
            case "TemplateSlot" where a.count == 1:
                return slotValue(k, a[0], args) ?? Expr(k.sys.Missing, .string("TemplateSlotAbsent"), a[0])
            case "TemplateExpression" where a.count == 1:
                return try fillExpression(k, a[0], args)
            case "TemplateIf" where a.count == 2 || a.count == 3:
                let test = try k.evaluate(try fillExpression(k, a[0], args))
                if test.isSymbol(k.sys.True) { return try fillExpression(k, a[1], args) }
                return a.count == 3 ? try fillExpression(k, a[2], args) : Expr(k.sys.Sequence, [])
            case "TemplateSequence" where a.count == 2:
                let list = try k.evaluate(try fillExpression(k, a[1], args))
                var items: [Expr] = []
                for element in list.arguments {
                    items.append(try fillExpression(k, a[0], arguments(k, [element])))
                }
                return Expr(k.sys.Sequence, items)
            default:
                break
            }
        }
        var changed = false
        var parts: [Expr] = []
        for argument in n.arguments {
            let filled = try fillExpression(k, argument, args)
            if !filled.isIdentical(to: argument) { changed = true }
            parts.append(filled)
        }
        let head = try fillExpression(k, n.head, args)
        if !changed && head.isIdentical(to: n.head) { return e }
        return Expr(head: head, k.spliceSequences(parts))
    }
}
