// Symbols and their state: attributes, Protect/Unprotect, Clear/ClearAll/Remove, the value lists
// (OwnValues, DownValues, UpValues, SubValues), Options, Default, Names, Context.

import TesseraCore
import TesseraExpr

enum SymbolStateBuiltins {
    static let table: [BuiltinSpec] = [
        BuiltinSpec("Attributes", attributes: [.holdAll, .listable, .protected], attributesOf),
        BuiltinSpec("SetAttributes", attributes: [.holdFirst, .protected], setAttributes),
        BuiltinSpec("ClearAttributes", attributes: [.holdFirst, .protected], clearAttributes),
        BuiltinSpec("Protect", attributes: [.holdAll, .protected], protect),
        BuiltinSpec("Unprotect", attributes: [.holdAll, .protected], unprotect),
        BuiltinSpec("Clear", attributes: [.holdAll, .protected], clear),
        BuiltinSpec("ClearAll", attributes: [.holdAll, .protected], clearAll),
        BuiltinSpec("Remove", attributes: [.holdAll, .protected], remove),
        BuiltinSpec("OwnValues", attributes: [.holdAll, .protected], ownValues),
        BuiltinSpec("DownValues", attributes: [.holdAll, .protected], downValues),
        BuiltinSpec("UpValues", attributes: [.holdAll, .protected], upValues),
        BuiltinSpec("SubValues", attributes: [.holdAll, .protected], subValues),
        BuiltinSpec("DefaultValues", attributes: [.holdAll, .protected], defaultValues),
        BuiltinSpec("NValues", attributes: [.holdAll, .protected], emptyValues),
        BuiltinSpec("FormatValues", attributes: [.holdAll, .protected], emptyValues),
        BuiltinSpec("Messages", attributes: [.holdAll, .protected], messagesOf),
        BuiltinSpec("Options", options),
        BuiltinSpec("SetOptions", setOptions),
        BuiltinSpec("OptionValue", attributes: [.holdRest, .protected], optionValue),
        BuiltinSpec("Default", defaultOf),
        BuiltinSpec("Names", names),
        BuiltinSpec("Context", attributes: [.holdFirst, .protected], context),
        BuiltinSpec("Begin", begin),
        BuiltinSpec("End", end),
        BuiltinSpec("BeginPackage", beginPackage),
        BuiltinSpec("EndPackage", endPackage),
        BuiltinSpec("Symbol", symbolNamed),
        BuiltinSpec("SymbolName", symbolName),
        BuiltinSpec("ValueQ", attributes: [.holdAll, .protected], valueQ),
        BuiltinSpec("Definition", attributes: [.holdAll, .protected]),
    ]

    static let sys = "System`"

    /// The symbols named by arguments: symbols, strings (with `*` wildcards), lists of either.
    static func targets(_ k: Kernel, _ arguments: [Expr], _ c: Call) -> [Symbol] {
        var result: [Symbol] = []
        for argument in arguments {
            switch argument {
            case .symbol(let s): result.append(s)
            case .string(let pattern):
                if pattern.contains("*") || pattern.contains("@") {
                    result.append(contentsOf: k.symbols.allSymbols.filter { wildcard(pattern, $0, k) })
                } else if let s = k.symbols.find(pattern) {
                    result.append(s)
                }
            default:
                if argument.isList(k.sys) { result.append(contentsOf: targets(k, argument.arguments, c)) }
                else { k.message(c.head, "ssym", argument) }
            }
        }
        return result
    }

    /// A name pattern without a context names symbols of `$Context`; `` `* `` is relative to it.
    static func wildcard(_ pattern: String, _ s: Symbol, _ k: Kernel) -> Bool {
        if pattern.contains("`") { return globMatch(Array(k.absoluteContext(pattern)), Array(s.fullName)) }
        return s.context == k.symbols.currentContext && globMatch(Array(pattern), Array(s.name))
    }

    /// `*` and `@` match within one part of a name: `Global`*` names no symbol of `Global`Private``
    /// (unless `acrossContexts`, as for patterns of context names).
    static func globMatch(_ p: [Character], _ s: [Character], acrossContexts: Bool = false) -> Bool {
        var pi = 0, si = 0, starP = -1, starS = 0
        while si < s.count {
            if pi < p.count && (p[pi] == s[si]) { pi += 1; si += 1 }
            else if pi < p.count && p[pi] == "*" { starP = pi; starS = si; pi += 1 }
            else if pi < p.count && p[pi] == "@" && s[si].isLowercase { pi += 1; si += 1 }
            else if starP >= 0 && (acrossContexts || s[starS] != "`") { pi = starP + 1; starS += 1; si = starS }
            else { return false }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    static func attributeList(_ k: Kernel, _ a: Attributes) -> Expr {
        Expr(k.sys.List, a.names.map { .symbol(k.symbols.intern(fullName: "System`" + $0)) })
    }

    static func attributesOf(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 1) else { return nil }
        if case .string(let name) = c[0] {
            return attributeList(k, k.symbol(name).attributes)
        }
        guard let s = c[0].asSymbol else {
            k.message(c.head, "ssym", c[0])
            return nil
        }
        return attributeList(k, s.attributes)
    }

    static func parseAttributes(_ k: Kernel, _ e: Expr, _ c: Call) -> Attributes? {
        var result: Attributes = []
        for item in e.isList(k.sys) ? e.arguments : [e] {
            guard let s = item.asSymbol, let a = Attributes.named(s.name) else {
                k.message(c.head, "attnf", item)
                return nil
            }
            result.formUnion(a)
        }
        return result
    }

    static func setAttributes(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let value = try k.evaluate(c[1])
        guard let a = parseAttributes(k, value, c) else { return nil }
        for s in targets(k, [c[0]], c) {
            if s.attributes.contains(.locked) { k.message(c.head, "locked", .symbol(s)); continue }
            s.attributes.formUnion(a)
            s.version &+= 1
        }
        k.invalidateCaches()
        return .symbol(k.sys.Null)
    }

    static func clearAttributes(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 2, 2) else { return nil }
        let value = try k.evaluate(c[1])
        guard let a = parseAttributes(k, value, c) else { return nil }
        for s in targets(k, [c[0]], c) {
            if s.attributes.contains(.locked) { k.message(c.head, "locked", .symbol(s)); continue }
            s.attributes.subtract(a)
            s.version &+= 1
        }
        k.invalidateCaches()
        return .symbol(k.sys.Null)
    }

    static func protect(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        var changed: [Expr] = []
        for s in targets(k, c.arguments, c) where !s.attributes.contains(.protected) {
            if s.attributes.contains(.locked) { k.message(c.head, "locked", .symbol(s)); continue }
            s.attributes.insert(.protected)
            s.version &+= 1
            changed.append(.string(k.symbols.displayName(s)))
        }
        k.invalidateCaches()
        return Expr(k.sys.List, changed)
    }

    static func unprotect(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        var changed: [Expr] = []
        for s in targets(k, c.arguments, c) where s.attributes.contains(.protected) {
            if s.attributes.contains(.locked) { k.message(c.head, "locked", .symbol(s)); continue }
            s.attributes.remove(.protected)
            s.version &+= 1
            changed.append(.string(k.symbols.displayName(s)))
        }
        k.invalidateCaches()
        return Expr(k.sys.List, changed)
    }

    static func clear(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        for s in targets(k, c.arguments, c) {
            if s.attributes.contains(.protected) {
                if c.arguments.contains(where: { $0.isSymbol(s) }) { k.message(c.head, "wrsym", .symbol(s)) }
                continue
            }
            s.clearValues()
        }
        k.invalidateCaches()
        return .symbol(k.sys.Null)
    }

    static func clearAll(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        for s in targets(k, c.arguments, c) {
            if s.attributes.contains(.protected) || s.attributes.contains(.locked) {
                if c.arguments.contains(where: { $0.isSymbol(s) }) { k.message(c.head, "wrsym", .symbol(s)) }
                continue
            }
            s.clearValues()
            s.attributes = []
            s.messages = [:]
            s.options = []
        }
        k.invalidateCaches()
        return .symbol(k.sys.Null)
    }

    static func remove(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        for s in targets(k, c.arguments, c) where !s.attributes.contains(.protected) {
            s.clearValues()
            s.attributes = []
            k.symbols.remove(s)
        }
        k.invalidateCaches()
        return .symbol(k.sys.Null)
    }

    static func rulesList(_ k: Kernel, _ definitions: [Definition]) -> Expr {
        Expr(k.sys.List, definitions.map { d in
            let lhs = d.lhs.hasHead(k.sys.HoldPattern) ? d.lhs : Expr(k.sys.HoldPattern, d.lhs)
            return Expr(d.isDelayed ? k.sys.RuleDelayed : k.sys.Rule, lhs, d.rhs)
        })
    }

    static func valueOwner(_ k: Kernel, _ c: Call) -> Symbol? {
        guard c.count == 1 else { return nil }
        if case .string(let name) = c[0] { return k.symbol(name) }
        return c[0].asSymbol
    }

    static func ownValues(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let s = valueOwner(k, c) else { return nil }
        guard let value = s.ownValue else { return Expr(k.sys.List) }
        return rulesList(k, [Definition(lhs: .symbol(s), rhs: value, isDelayed: s.ownValueIsDelayed)])
    }

    static func downValues(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let s = valueOwner(k, c) else { return nil }
        let literal = s.downValues.literal.values.sorted { k.canonicalLess($0.lhs, $1.lhs) }
        return rulesList(k, literal + s.downValues.patterns)
    }

    static func upValues(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let s = valueOwner(k, c) else { return nil }
        return rulesList(k, s.upValues.all)
    }

    static func subValues(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let s = valueOwner(k, c) else { return nil }
        return rulesList(k, s.subValues.all)
    }

    static func defaultValues(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let s = valueOwner(k, c) else { return nil }
        var definitions = s.defaultValues
        if definitions.isEmpty, let builtin = k.defaultValue(head: s, position: 1), s === k.sys.Plus || s === k.sys.Times {
            definitions = [Definition(lhs: Expr(k.sys.Default, .symbol(s)), rhs: builtin, isDelayed: true)]
        }
        return Expr(k.sys.List, definitions.map { d in
            Expr(k.sys.RuleDelayed, Expr(k.sys.HoldPattern, d.lhs), d.rhs)
        })
    }

    static func emptyValues(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        valueOwner(k, c) == nil ? nil : Expr(k.sys.List)
    }

    static func messagesOf(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard let s = valueOwner(k, c) else { return nil }
        return Expr(k.sys.List, s.messages.keys.sorted().map { tag in
            Expr(k.sys.RuleDelayed, Expr(k.sys.HoldPattern, Expr(k.sys.MessageName, .symbol(s), .string(tag))),
                 .string(s.messages[tag]!))
        })
    }

    static func options(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 2) else { return nil }
        guard let s = c[0].asSymbol else {
            if case .normal = c[0] {
                let (_, opts) = k.splitOptions(c[0].arguments)
                return Expr(k.sys.List, opts)
            }
            return nil
        }
        if c.count == 2 {
            let wanted = c[1].asSymbol?.name ?? c[1].asString
            return Expr(k.sys.List, s.options.filter { $0.arguments.first?.asSymbol?.name == wanted })
        }
        return Expr(k.sys.List, s.options)
    }

    static func setOptions(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, nil), let s = c[0].asSymbol else { return nil }
        let (_, new) = k.splitOptions(Array(c.arguments.dropFirst()))
        for option in new {
            guard let name = option.arguments.first else { continue }
            let key = name.asSymbol?.name ?? name.asString
            guard let i = s.options.firstIndex(where: { $0.arguments.first?.asSymbol?.name == key }) else {
                k.message(c.head, "optnf", name, .symbol(s))
                return nil
            }
            s.options[i] = option
            s.version &+= 1
        }
        k.invalidateCaches()
        return Expr(k.sys.List, s.options)
    }

    static func optionValue(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard k.checkCount(c, 1, 3) else { return nil }
        if c.count >= 2, let f = c[0].asSymbol {
            let opts = c.count == 3 ? (c[1].isList(k.sys) ? c[1].arguments : [c[1]]) : []
            let nameExpr = c[c.count - 1]
            let name = nameExpr.asSymbol?.name ?? nameExpr.asString ?? ""
            if let v = k.optionValue(name, in: opts, of: f) { return v }
            k.message(c.head, "optnf", nameExpr, .symbol(f))
            return nameExpr
        }
        return nil
    }

    static func defaultOf(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 1, let s = c[0].asSymbol else { return nil }
        let position = c.count >= 2 ? (c[1].asInt ?? 1) : 1
        for d in s.defaultValues where d.lhs == c.expr { return d.rhs }
        if c.count == 1, s === k.sys.Plus || s === k.sys.Times { return k.defaultValue(head: s, position: position) }
        return nil
    }

    static func names(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .string(let pattern) = c[0] else { return nil }
        // Without a context, the pattern names symbols that a bare name could reach.
        let visible = Set([k.currentContext] + k.contextPath)
        let found = k.symbols.allSymbols.filter { s in
            if pattern.contains("`") { return globMatch(Array(k.absoluteContext(pattern)), Array(s.fullName)) }
            return visible.contains(s.context) && globMatch(Array(pattern), Array(s.name))
        }
        return Expr(k.sys.List, found.map { .string(k.symbols.displayName($0)) }.sorted { compareDictionary($0.asString!, $1.asString!) < 0 })
    }

    static func context(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        if c.count == 0 { return .string(k.symbols.currentContext) }
        if case .symbol(let s) = c[0] { return .string(s.context) }
        if case .string(let name) = c[0] {
            if let s = k.symbols.find(name) {
                return .string(s.context)
            }
            k.message(c.head, "notfound", .string(name))
            return nil
        }
        return nil
    }

    /// The contexts saved by Begin and BeginPackage.
    final class ContextStack {
        var contexts: [String] = []
        var packages: [(context: String, path: [String])] = []
    }

    static func contextName(_ k: Kernel, _ e: Expr) -> String? {
        guard case .string(let name) = e, name.hasSuffix("`") else { return nil }
        return k.absoluteContext(name)
    }

    static func setContext(_ k: Kernel, _ context: String) {
        k.currentContext = context
    }

    static func setContextPath(_ k: Kernel, _ path: [String]) {
        k.contextPath = path
    }

    static func begin(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, let name = contextName(k, c[0]) else { return nil }
        let stack = k.extensionState(ContextStack.self) { ContextStack() }
        stack.contexts.append(k.symbols.currentContext)
        setContext(k, name)
        return .string(name)
    }

    static func end(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 0 else { return nil }
        let stack = k.extensionState(ContextStack.self) { ContextStack() }
        let current = k.symbols.currentContext
        guard let previous = stack.contexts.popLast() else {
            k.message(c.head, "noctx")
            return .string(current)
        }
        setContext(k, previous)
        return .string(current)
    }

    static func beginPackage(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count >= 1, let name = contextName(k, c[0]) else { return nil }
        let stack = k.extensionState(ContextStack.self) { ContextStack() }
        stack.packages.append((k.symbols.currentContext, k.symbols.contextPath))
        if !k.loadedPackages.contains(name) { k.loadedPackages.insert(name, at: 0) }
        setContext(k, name)
        setContextPath(k, [name, "System`"])
        // BeginPackage["P`", {"A`", ...}] loads A` and the others and leaves them visible in P`.
        if c.count == 2 {
            let needed = (c[1].isList(k.sys) ? c[1].arguments : [c[1]]).compactMap { $0.asString }
            for context in needed { try k.needs(context) }
            setContextPath(k, [name] + needed + ["System`"])
        }
        return .symbol(k.sys.Null)
    }

    static func endPackage(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 0 else { return nil }
        let stack = k.extensionState(ContextStack.self) { ContextStack() }
        guard let (context, path) = stack.packages.popLast() else { return .symbol(k.sys.Null) }
        let package = k.symbols.currentContext
        setContext(k, context)
        setContextPath(k, [package] + path.filter { $0 != package })
        return .symbol(k.sys.Null)
    }

    static func symbolNamed(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .string(let name) = c[0], !name.isEmpty else { return nil }
        return .symbol(k.symbol(name))
    }

    static func symbolName(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1, case .symbol(let s) = c[0] else { return nil }
        return .string(s.name)
    }

    static func valueQ(_ k: Kernel, _ c: Call) throws(Interrupt) -> Expr? {
        guard c.count == 1 else { return nil }
        if case .symbol(let s) = c[0] { return k.bool(s.ownValue != nil) }
        let value = try k.evaluate(c[0])
        return k.bool(value != c[0])
    }
}

extension Kernel {
    /// `Attributes[f] = {...}`.
    func setAttributes(_ target: Expr, _ value: Expr, call: Call) throws(Interrupt) -> Bool {
        guard let s = target.asSymbol else { return false }
        var result: Attributes = []
        for item in value.isList(sys) ? value.arguments : [value] {
            guard let name = item.asSymbol, let a = Attributes.named(name.name) else { return false }
            result.formUnion(a)
        }
        s.attributes = result
        s.version &+= 1
        invalidateCaches()
        return true
    }
}
