// Putting the values of pattern variables into a right-hand side.
//
// Substitution is purely structural (like `ReplaceAll` with the bindings as rules, but a variable is
// replaced only as a whole symbol), and a bound `Sequence[...]` is spliced into the argument list
// it lands in. Unchanged subtrees are returned as the same objects, so substitution allocates only
// along the paths that actually contain a variable.

import TesseraExpr

extension Kernel {
    public func substitute(_ e: Expr, names: [Symbol], values: [Expr]) -> Expr {
        if names.isEmpty { return e }
        return substituteInner(e, names, values)
    }

    private func substituteInner(_ e: Expr, _ names: [Symbol], _ values: [Expr]) -> Expr {
        switch e {
        case .symbol(let s):
            var i = names.count - 1
            while i >= 0 {
                if names[i] === s { return values[i] }
                i -= 1
            }
            return e
        case .normal(let n):
            if case .symbol(let h) = n.head, n.arguments.count >= 2,
               h === sys.Module || h === sys.With || h === sys.Block || h === sys.Function {
                if let scoped = substituteScoped(n, h, names, values) { return scoped }
            }
            let head = substituteInner(n.head, names, values)
            var changed = !head.isIdentical(to: n.head)
            var arguments = n.arguments
            var splice = false
            for i in arguments.indices {
                let original = arguments[i]
                switch original {
                case .symbol, .normal:
                    let value = substituteInner(original, names, values)
                    if !value.isIdentical(to: original) {
                        arguments[i] = value
                        changed = true
                        if case .symbol = original, value.hasHead(sys.Sequence) { splice = true }
                    }
                default:
                    continue
                }
            }
            if !changed { return e }
            if splice { arguments = spliceSequences(arguments) }
            return Expr(head: head, arguments)
        default:
            return e
        }
    }

    /// A scoping construct binds its own variables: they are not replaced in its body, and in a
    /// variable list only the initial values are substituted. nil when no variable is shadowed.
    private func substituteScoped(_ n: Normal, _ h: Symbol, _ names: [Symbol], _ values: [Expr]) -> Expr? {
        let spec = n.arguments[0]
        let items = spec.isList(sys) ? spec.arguments : [spec]
        var local: [Symbol] = []
        for item in items {
            if case .symbol(let s) = item { local.append(s) }
            else if (item.hasHead(sys.Set) || item.hasHead(sys.SetDelayed)), let s = item.arguments.first?.asSymbol {
                local.append(s)
            }
        }
        guard local.contains(where: { l in names.contains { $0 === l } }) else { return nil }
        var newItems: [Expr] = []
        for item in items {
            if case .normal(let set) = item, set.arguments.count == 2, set.arguments[0].asSymbol != nil {
                newItems.append(Expr(head: set.head, [set.arguments[0], substituteInner(set.arguments[1], names, values)]))
            } else {
                newItems.append(h === sys.Function ? item : substituteInner(item, names, values))
            }
        }
        var innerNames: [Symbol] = []
        var innerValues: [Expr] = []
        for (name, value) in zip(names, values) where !local.contains(where: { $0 === name }) {
            innerNames.append(name)
            innerValues.append(value)
        }
        let newSpec = spec.isList(sys) ? Expr(sys.List, newItems) : newItems[0]
        var arguments = [newSpec]
        for argument in n.arguments.dropFirst() {
            arguments.append(innerNames.isEmpty ? argument : substituteInner(argument, innerNames, innerValues))
        }
        return Expr(head: n.head, arguments)
    }

    /// Replaces symbols by values everywhere (used by With and Function with named parameters).
    public func substitute(_ e: Expr, _ bindings: [(Symbol, Expr)]) -> Expr {
        substitute(e, names: bindings.map { $0.0 }, values: bindings.map { $0.1 })
    }
}
