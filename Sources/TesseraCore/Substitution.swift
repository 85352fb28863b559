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

    /// Replaces symbols by values everywhere (used by With and Function with named parameters).
    public func substitute(_ e: Expr, _ bindings: [(Symbol, Expr)]) -> Expr {
        substitute(e, names: bindings.map { $0.0 }, values: bindings.map { $0.1 })
    }
}
