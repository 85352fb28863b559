// Scoping: Module (lexical, by renaming to fresh symbols), Block (dynamic, by saving and restoring
// values), With (by substitution), and Unique.

import TesseraCore
import TesseraExpr

enum ScopingBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Module", attributes: [.holdAll, .protected], module),
        BuiltinSpec("Block", attributes: [.holdAll, .protected], block),
        BuiltinSpec("With", attributes: [.holdAll, .protected], with),
        BuiltinSpec("Unique", unique),
    ]

    /// The variables of a scoping construct: (symbol, optional initial value).
    static func variables(_ k: Kernel, _ c: Call) -> [(Symbol, Expr?)]? {
        let spec = c[0]
        guard spec.isList(k.sys) else {
            k.message(c.head, "lvlist", spec)
            return nil
        }
        var result: [(Symbol, Expr?)] = []
        for item in spec.arguments {
            if case .symbol(let s) = item {
                result.append((s, nil))
            } else if (item.hasHead(k.sys.Set) || item.hasHead(k.sys.SetDelayed)), item.length == 2,
                      case .symbol(let s) = item.arguments[0] {
                result.append((s, item.arguments[1]))
            } else if item.hasHead(k.sys.Set) || item.hasHead(k.sys.SetDelayed) {
                k.message(c.head, "lvset", spec, item, item.arguments.first ?? item)
                return nil
            } else {
                k.message(c.head, "lvsym", spec, item)
                return nil
            }
        }
        return result
    }

    static func module(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let mark = k.symbols.temporaryMark
        defer { k.symbols.releaseTemporaries(since: mark) }
        return try moduleBody(k, c)
    }

    /// Module's work, apart so that its references to the locals are gone when `module` asks which
    /// of them the result still needs.
    private static func moduleBody(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let vars = variables(k, c) else { return nil }
        var names: [Symbol] = []
        var values: [Expr] = []
        var initial: [(Symbol, Expr)] = []
        let suffix = "$" + String(k.moduleNumber)
        k.moduleNumber += 1
        let context = k.symbols.currentContext
        for (symbol, value) in vars {
            let local = k.symbols.makeTemporary(name: symbol.name + suffix, context: context)
            local.setAttributes([.temporary])
            names.append(symbol)
            values.append(.symbol(local))
            if let value { initial.append((local, try k.evaluate(value))) }
        }
        for (local, value) in initial {
            local.setOwnValue(value)
        }
        let body = k.substitute(c[1], names: names, values: values)
        return k.unwrapReturn(try k.evaluate(body))
    }

    static func block(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        guard let vars = variables(k, c) else { return nil }
        var initial: [Expr?] = []
        for (_, value) in vars { initial.append(value == nil ? nil : try k.evaluate(value!)) }
        let saved = vars.map { (symbol, _) in (symbol, symbol.saveState()) }
        defer {
            for (symbol, state) in saved {
                symbol.restoreState(state)
                k.evaluationLimitChanged(symbol)
            }
        }
        for (i, (symbol, _)) in vars.enumerated() {
            symbol.restoreState(SymbolState(ownValue: initial[i]))
            k.evaluationLimitChanged(symbol)  // Block[{$RecursionLimit = n}, ...]
        }
        return k.unwrapReturn(try k.evaluate(c[1]))
    }

    static func with(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, nil) else { return nil }
        guard let vars = variables(k, c) else { return nil }
        var names: [Symbol] = []
        var values: [Expr] = []
        for (symbol, value) in vars {
            guard let value else {
                k.message(c.head, "lvset", c[0], .symbol(symbol), .symbol(symbol))
                return nil
            }
            names.append(symbol)
            values.append(try k.evaluate(value))
        }
        // With[{...}, {...}, body]: the later lists are nested scopes (substitution leaves their own
        // variables alone).
        let rest = c.count > 2 ? Expr(k.sys.With, Array(c.arguments.dropFirst())) : c[1]
        return k.unwrapReturn(try k.evaluate(k.substitute(rest, names: names, values: values)))
    }

    static func unique(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        let base: String
        if c.count == 0 { base = "$" }
        else if case .symbol(let s) = c[0] { base = s.name + "$" }
        else if case .string(let s) = c[0] { base = s }
        else { return nil }
        let number = k.moduleNumber
        k.moduleNumber += 1
        let symbol = k.symbols.intern(fullName: k.symbols.currentContext + base + String(number))
        symbol.setAttributes(c.count == 0 || base.hasSuffix("$") ? [.temporary] : [])
        return .symbol(symbol)
    }
}
