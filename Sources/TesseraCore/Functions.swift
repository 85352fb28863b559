// Pure functions: `body &`, `Function[x, body]`, `Function[{x, y}, body, attributes]`.
//
// Slots are filled by substitution; a nested `Function` keeps its own slots. Named parameters are
// replaced as symbols, inner scoping constructs included (no renaming: the common cases need none).

import TesseraExpr

extension Kernel {
    func functionAttributes(_ spec: Expr) -> Attributes {
        var result: Attributes = []
        let names = spec.isList(sys) ? spec.arguments : [spec]
        for name in names {
            if case .symbol(let s) = name, let a = Attributes.named(s.name) { result.formUnion(a) }
        }
        return result
    }

    /// Whether `Function[params, body]` has more named parameters than `count` arguments fill: its
    /// application is then Function::fpct and the call itself, which the evaluator keeps unevaluated
    /// instead of evaluating it again.
    public func lacksArguments(_ function: Normal, _ count: Int) -> Bool {
        guard function.arguments.count == 2 || function.arguments.count == 3 else { return false }
        let parameters = function.arguments[0]
        return (parameters.isList(sys) ? parameters.length : 1) > count
    }

    /// Applies `Function[...]` (the head's body) to evaluated (or held) arguments. Functions of
    /// machine integers run compiled when they can (PureFunctionCache.swift).
    public func applyFunction(_ function: Normal, _ arguments: [Expr]) throws(Interrupt) -> Expr {
        if compilesPureFunctions, let value = applyCompiledFunction(function, arguments) { return value }
        let parts = function.arguments
        let instance: Expr
        switch parts.count {
        case 1:
            instance = fillSlots(parts[0], arguments)
        case 2, 3:
            if lacksArguments(function, arguments.count) {
                let call = Expr(head: .normal(function), arguments)
                message(sys.Function, "fpct", parts[0], call)
                return call
            }
            var names: [Symbol] = []
            var values: [Expr] = []
            for (i, parameter) in (parts[0].isList(sys) ? parts[0].arguments : [parts[0]]).enumerated() {
                if let s = parameter.asSymbol { names.append(s); values.append(arguments[i]) }
            }
            instance = substitute(parts[1], names: names, values: values)
        default:
            return Expr(head: .normal(function), arguments)
        }
        return try evaluate(instance)
    }

    /// Replaces `#n`, `##n` and `#name` in a function body, leaving nested functions alone.
    public func fillSlots(_ body: Expr, _ arguments: [Expr]) -> Expr {
        guard case .normal(let n) = body else { return body }
        if case .symbol(let h) = n.head {
            if h === sys.Slot {
                if n.arguments.count == 1, case .integer(let i) = n.arguments[0] {
                    if i == 0 { return .normal(Normal(.symbol(sys.Function), [body])) }
                    if i >= 1 && i <= arguments.count { return arguments[i - 1] }
                    return body
                }
                if n.arguments.count == 1, case .string(let key) = n.arguments[0], let first = arguments.first,
                   first.hasHead(sys.Association) {
                    for rule in first.arguments where rule.arguments.first == .string(key) {
                        return rule.arguments[1]
                    }
                }
                return body
            }
            if h === sys.SlotSequence {
                var start = 1
                if n.arguments.count == 1, case .integer(let i) = n.arguments[0] { start = i }
                return Expr(sys.Sequence, start <= arguments.count ? Array(arguments[(start - 1)...]) : [])
            }
            if h === sys.Function { return body }
        }
        let head = fillSlots(n.head, arguments)
        // The new argument array is made at the first argument that changes: a part without slots
        // (`Power[2, -1]` in `#/2`) is returned as it is, with no allocation.
        var result: [Expr]? = nil
        var splice = false
        for (index, argument) in n.arguments.enumerated() {
            let value = fillSlots(argument, arguments)
            if result == nil {
                if value.isIdentical(to: argument) { continue }
                var prefix: [Expr] = []
                prefix.reserveCapacity(n.arguments.count)
                prefix.append(contentsOf: n.arguments[..<index])
                result = prefix
            }
            if argument.hasHead(sys.SlotSequence) { splice = true }
            result!.append(value)
        }
        guard var filled = result else {
            return head.isIdentical(to: n.head) ? body : Expr(head: head, n.arguments)
        }
        if splice { filled = spliceSequences(filled) }
        return Expr(head: head, filled)
    }
}
