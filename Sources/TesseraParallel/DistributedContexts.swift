// Which symbols' definitions travel to subkernels: the `DistributedContexts` option of the parallel
// functions and `$DistributedContexts`, whose default is the context current when the kernel starts
// ("Global`"), as in Mathematica.
//
// A selection names contexts. A symbol is selected when its context is one of them or lies inside one
// ("Global`" also selects "Global`Private`"), so a package's private helpers follow its public
// functions. Builtins, System` symbols and the toolkit's own (Parallel`...) are never distributed,
// whatever the selection: every kernel has them.

import TesseraBuiltins
import TesseraCore
import TesseraExpr

enum ContextSelection: Equatable {
    /// Nothing is distributed (`DistributedContexts -> None`).
    case none
    /// Every context (`All`, and `Automatic`: all contexts of the symbols an expression mentions).
    case all
    case contexts([String])

    /// Whether the definitions of `s` may be sent to a subkernel under this selection.
    func selects(_ s: Symbol) -> Bool {
        guard ContextSelection.distributable(s) else { return false }
        switch self {
        case .none: return false
        case .all: return true
        case .contexts(let names): return names.contains { s.context.hasPrefix($0) }
        }
    }

    /// Not a builtin and not of a context every kernel has.
    static func distributable(_ s: Symbol) -> Bool {
        s.native == nil && s.context != "System`" && !s.context.hasPrefix("Parallel`")
    }

    /// Both selections at once.
    func union(_ other: ContextSelection) -> ContextSelection {
        switch (self, other) {
        case (.all, _), (_, .all): return .all
        case (.none, let x), (let x, .none): return x
        case (.contexts(let a), .contexts(let b)): return .contexts(a + b.filter { !a.contains($0) })
        }
    }

    /// The selection an option value or `$DistributedContexts` names; nil when it names none.
    init?(_ value: Expr, _ k: Kernel) {
        if value.isSymbol(k.sys.None) { self = .none; return }
        if value.isSymbol(k.sys.All) || value.isSymbol(k.sys.Automatic) { self = .all; return }
        let items = value.isList(k.sys) ? value.arguments : [value]
        var names: [String] = []
        for item in items {
            guard case .string(let name) = item, name.hasSuffix("`") else { return nil }
            names.append(k.absoluteContext(name))
        }
        self = .contexts(names)
    }
}

enum DistributedContexts {
    static let variableName = "System`$DistributedContexts"

    static func setUp(_ k: Kernel) {
        k.symbols.intern(fullName: variableName).setOwnValue(.string(k.symbols.currentContext))
    }

    /// The selection in force: the option of the parallel function running, else `$DistributedContexts`.
    static func current(_ k: Kernel) -> ContextSelection {
        if let chosen = DistributionState.of(k).selectionOverride { return chosen }
        let variable = k.symbols.intern(fullName: variableName)
        if let value = variable.ownValue, let selection = ContextSelection(value, k) { return selection }
        return .contexts([k.symbols.currentContext])
    }

    /// The call without its `DistributedContexts` option, and the selection that option names (nil
    /// when the call has none); nil, after `Parallel::dctx`, when the value names no contexts.
    static func split(_ k: Kernel, _ c: Call) throws(Interrupt) -> (call: Call, selection: ContextSelection?)? {
        let name = k.symbols.intern(fullName: "System`DistributedContexts")
        guard let index = c.arguments.lastIndex(where: { ($0.hasHead(k.sys.Rule) || $0.hasHead(k.sys.RuleDelayed))
            && $0.arguments.first?.isSymbol(name) == true }) else { return (c, nil) }
        let value = try k.evaluate(c[index].arguments[1])
        guard let selection = ContextSelection(value, k) else {
            k.message(k.symbols.intern(fullName: "System`Parallel"), "dctx", value)
            return nil
        }
        var arguments = c.arguments
        arguments.remove(at: index)
        return (Call(expr: Expr(c.head, arguments), head: c.head, arguments: arguments), selection)
    }

    /// Runs `body` with the call's `DistributedContexts` option in force and removed from its arguments.
    static func withOption(_ k: Kernel, _ c: Call, _ body: (Kernel, Call) throws(Interrupt) -> Expr?) throws(Interrupt) -> Expr? {
        guard let (call, selection) = try split(k, c) else { return nil }
        guard let selection else { return try body(k, call) }
        let state = DistributionState.of(k)
        let outer = state.selectionOverride
        state.selectionOverride = selection
        defer { state.selectionOverride = outer }
        return try body(k, call)
    }
}
