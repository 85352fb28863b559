// Information[symbol] and the interactive `?name` / `??name` (which the REPL turns into
// `Information["name", LongForm -> False]` and `Information["name"]`).
//
// Mathematica's notebook shows a panel; its text interface prints, and so do we: the usage message
// when there is one, else the symbol's full name and its definitions in input form, one per paragraph,
// as `Definition` shows them (`f[x_] := x^2`). The long form adds the attributes and options. A name
// pattern with `*` that matches several symbols prints their names only.

import TesseraCore
import TesseraExpr

enum InformationBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Information", attributes: [.holdAll, .protected],
                    messages: ["notfound": "Symbol `1` not found."],
                    options: [("LongForm", "True")], information),
        BuiltinSpec("LongForm"),
    ]

    static func information(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 1 else { return nil }
        let options = Array(c.arguments.dropFirst())
        guard options.allSatisfy(k.isOption) else { return nil }
        let long = k.optionValue("LongForm", in: options, of: c.head).map { $0.isSymbol(k.sys.True) } ?? true
        let symbols: [Symbol]
        switch c[0] {
        case .symbol(let s): symbols = [s]
        case .string(let pattern) where pattern.contains("*") || pattern.contains("@"):
            symbols = k.symbols.allSymbols.filter { SymbolStateBuiltins.wildcard(pattern, $0, k) }
                .sorted { $0.fullName < $1.fullName }
        case .string(let name):
            symbols = k.symbols.find(name).map { [$0] } ?? []
        default:
            return nil
        }
        let text: String
        switch symbols.count {
        case 0:
            k.message(c.head, "notfound", c[0])
            return .symbol(k.sys.Null)
        case 1:
            text = describe(symbols[0], long: long, k)
        default:
            text = symbols.map(\.name).joined(separator: "\n")
        }
        k.output(.print(PrintValue(kind: .print, expressions: [], text: text)))
        return .symbol(k.sys.Null)
    }

    /// The usage (or full name), then in the long form the attributes, then the definitions.
    static func describe(_ s: Symbol, long: Bool, _ k: Kernel) -> String {
        let definitions = definitionLines(s, k)
        var paragraphs: [String] = [s.messages["usage"] ?? s.fullName]
        let bare = s.messages["usage"] == nil && definitions.isEmpty
        // A builtin without a usage text would show only its name: its attributes say more.
        if (long || bare) && !s.attributes.isEmpty {
            paragraphs.append("Attributes[\(s.name)] = " + k.inputText(SymbolStateBuiltins.attributeList(k, s.attributes)))
        }
        paragraphs += definitions
        if long && !s.options.isEmpty {
            paragraphs.append("Options[\(s.name)] = " + k.inputText(Expr(k.sys.List, s.options)))
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// Each definition of `s` as it would be typed: `x = 5`, `f[x_] := x^2`, `g /: h[g[x_]] := x`.
    static func definitionLines(_ s: Symbol, _ k: Kernel) -> [String] {
        func line(_ d: Definition, tag: String = "") -> String {
            let lhs = d.lhs.hasHead(k.sys.HoldPattern) && d.lhs.length == 1 ? d.lhs.arguments[0] : d.lhs
            return tag + k.inputText(lhs) + (d.isDelayed ? " := " : " = ") + k.inputText(d.rhs)
        }
        var lines: [String] = []
        if let value = s.ownValue {
            lines.append(line(Definition(lhs: .symbol(s), rhs: value, isDelayed: s.ownValueIsDelayed)))
        }
        let literal = s.downValues.literal.values.sorted { k.canonicalLess($0.lhs, $1.lhs) }
        lines += (literal + s.downValues.patterns).map { line($0) }
        lines += s.subValues.all.map { line($0) }
        lines += s.upValues.all.map { line($0, tag: s.name + " /: ") }
        lines += s.nValues.all.map { line($0) }
        lines += s.defaultValues.map { line($0) }
        return lines
    }
}
